import { useLanguage, useT } from "~/utils/use-language";
import type { LocalInterview, SentInterview } from "~/features/enumerator/local-interview";
import { EDITED_DURING_SEND } from "~/features/enumerator/local-store";
import type { OutboxSync } from "~/features/enumerator/use-outbox-sync";
import { formatWhen } from "./format";

interface OutboxProps {
  interviews: LocalInterview[];
  sent: SentInterview[];
  sync: OutboxSync;
  online: boolean;
  onOpen: (interview: LocalInterview) => void;
}

/** "N phiếu chờ gửi", the send button, what the last send did, and each waiting interview. */
export function OutboxPanel({ interviews, sent, sync, online, onOpen }: OutboxProps) {
  const t = useT();
  const lang = useLanguage();
  const outbox = interviews.filter((i) => i.state === "outbox");
  return (
    <section className="card" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t("enum.outbox.heading")}</h2>
      <p className="outbox-count" data-testid="outbox-count" aria-live="polite">
        {t("enum.outbox.count", { n: outbox.length })}
      </p>
      <p className="hint">{t("enum.outbox.sentCount", { n: sent.length })}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void sync.run()} disabled={sync.running}>
          {t("enum.outbox.send")}
        </button>
      </div>
      <p role="status" data-testid="sync-status">
        <SyncMessage sync={sync} online={online} />
      </p>
      {outbox.length ? (
        <ul className="plain-list" aria-label={t("enum.outbox.list")}>
          {outbox.map((item) => (
            <li key={item.id} data-testid="outbox-item">
              <p className="person-name">{item.respondentName ?? t("enum.walkIn")}</p>
              <p className="person-detail">
                {item.unitName} · {formatWhen(item.endedAt ?? item.updatedAt, lang)}
              </p>
              {item.lastRefusal ? (
                <p className="refusal">
                  {t(item.lastRefusal.status === "conflict" ? "enum.outbox.conflict" : "enum.outbox.invalid")}{" "}
                  {item.lastRefusal.message === EDITED_DURING_SEND
                    ? t("enum.outbox.editedDuringSend")
                    : item.lastRefusal.message}
                </p>
              ) : null}
              <button
                type="button"
                className="button secondary"
                onClick={() => onOpen(item)}
                disabled={sync.running}
                aria-label={`${t("enum.outbox.edit")}: ${item.respondentName ?? t("enum.walkIn")}`}
              >
                {t("enum.outbox.edit")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SyncMessage({ sync, online }: { sync: OutboxSync; online: boolean }) {
  const t = useT();
  const { state } = sync;
  switch (state.phase) {
    case "sending":
      return <>{t("enum.sync.sending")}</>;
    case "waiting":
      return <>{t("enum.sync.retrying", { reason: state.reason, seconds: state.seconds, attempt: state.attempt })}</>;
    case "busy":
      return <>{t("enum.sync.busy")}</>;
    case "nothing":
      return <>{t("enum.sync.nothing")}</>;
    case "done": {
      const { summary } = state;
      if (summary.failure) {
        return (
          <span className="status-warn">
            {t(summary.failure === "signed-out" ? "enum.sync.signedOut" : "enum.sync.failed", {
              reason: summary.failure,
            })}
          </span>
        );
      }
      return (
        <span className="status-ok">
          {t("enum.sync.done", { n: summary.stored + summary.duplicate, refused: summary.refused })}
        </span>
      );
    }
    default:
      return online ? null : <>{t("enum.sync.offlineHint")}</>;
  }
}
