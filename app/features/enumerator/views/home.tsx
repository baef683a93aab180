import { useEffect, useState } from "react";
import type { PackagePerson, PackageRound } from "~/domain/interviews/interview-schema";
import { useLanguage, useT } from "~/utils/use-language";
import type { AppUser } from "~/features/enumerator/app-user";
import type { DownloadState } from "~/features/enumerator/download";
import type { LocalInterview, SentInterview } from "~/features/enumerator/local-interview";
import type { StoredPackage } from "~/features/enumerator/local-store";
import { isOfflineReady } from "~/features/enumerator/offline-shell";
import type { OutboxSync } from "~/features/enumerator/use-outbox-sync";
import { formatWhen } from "./format";
import { OutboxPanel } from "./outbox-panel";
import type { StartTarget } from "./start-interview";

interface HomeProps {
  user: AppUser;
  stored: StoredPackage | undefined;
  interviews: LocalInterview[];
  sent: SentInterview[];
  sync: OutboxSync;
  download: DownloadState;
  onDownload: () => void;
  onStart: (target: StartTarget) => void;
  onOpen: (interview: LocalInterview) => void;
  /** Throw away an unfinished interview, after the enumerator confirmed it. */
  onDiscard: (interview: LocalInterview) => Promise<void>;
  onSignOut: () => void;
}

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** Whether the service worker controls this page yet (it claims the page once installed). */
function useOfflineReady() {
  const [ready, setReady] = useState(isOfflineReady);
  useEffect(() => {
    const update = () => setReady(isOfflineReady());
    navigator.serviceWorker?.addEventListener("controllerchange", update);
    return () => navigator.serviceWorker?.removeEventListener("controllerchange", update);
  }, []);
  return ready;
}

/** The app's start page: the package, the outbox, open interviews and the people to visit. */
export function HomeView(props: HomeProps) {
  const { user, stored, interviews, sent, sync, download } = props;
  const t = useT();
  const lang = useLanguage();
  const online = useOnline();
  const offlineReady = useOfflineReady();
  const drafts = interviews.filter((i) => i.state === "draft");
  // The draft whose "discard" was pressed: it asks once more, in place, before deleting.
  const [discarding, setDiscarding] = useState<string | null>(null);

  return (
    <>
      <section className="card">
        <h1 tabIndex={-1}>{t("enum.heading")}</h1>
        <p className="eyebrow">{t("enum.signedInAs", { name: user.name })}</p>
        <p role="status" className={online ? "status-ok" : "status-warn"}>
          {online ? t("enum.online") : t("enum.offline")}
        </p>
        {!offlineReady ? <p className="hint">{t("enum.shellNotReady")}</p> : null}
      </section>

      <OutboxPanel interviews={interviews} sent={sent} sync={sync} online={online} onOpen={props.onOpen} />

      <section className="card" aria-labelledby="package-heading">
        <h2 id="package-heading">{t("enum.package.heading")}</h2>
        {stored ? (
          <>
            <p>{t("enum.package.downloadedAt", { when: formatWhen(stored.downloadedAt, lang) })}</p>
            <p className={stored.persisted ? "status-ok" : "status-warn"}>
              {stored.persisted === true
                ? t("enum.package.persistent")
                : stored.persisted === false
                  ? t("enum.package.notPersistent")
                  : t("enum.package.persistUnknown")}
            </p>
          </>
        ) : (
          <p>{t("enum.package.none")}</p>
        )}
        <div className="actions">
          <button
            type="button"
            className={stored ? "button secondary" : "button primary"}
            onClick={props.onDownload}
            disabled={download.phase === "loading"}
          >
            {stored ? t("enum.package.refresh") : t("enum.package.download")}
          </button>
        </div>
        <p role="status" className={download.phase === "failed" ? "status-warn" : undefined}>
          {download.phase === "loading" ? t("enum.package.loading") : null}
          {download.phase === "done" ? t("enum.package.done") : null}
          {download.phase === "failed" ? t(`enum.package.failed.${download.reason}`) : null}
        </p>
      </section>

      {drafts.length ? (
        <section className="card" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t("enum.drafts.heading", { n: drafts.length })}</h2>
          <ul className="plain-list">
            {drafts.map((d) => {
              const name = d.respondentName ?? t("enum.walkIn");
              const which = `${name}, ${formatWhen(d.startedAt, lang)}`;
              return (
                <li key={d.id}>
                  <p className="person-name">{name}</p>
                  <p className="person-detail">
                    {d.unitName} · {t("enum.startedAt", { when: formatWhen(d.startedAt, lang) })}
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => props.onOpen(d)}
                      disabled={sync.running}
                      aria-label={`${t("enum.drafts.continue")}: ${which}`}
                    >
                      {t("enum.drafts.continue")}
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => setDiscarding(d.id)}
                      disabled={sync.running}
                      aria-expanded={discarding === d.id}
                      aria-label={`${t("enum.drafts.discard")}: ${which}`}
                    >
                      {t("enum.drafts.discard")}
                    </button>
                  </div>
                  {discarding === d.id ? (
                    <div className="notice">
                      <p role="alert">{t("enum.drafts.discardConfirm", { name })}</p>
                      <div className="actions">
                        <button
                          type="button"
                          className="button danger"
                          onClick={async () => {
                            setDiscarding(null);
                            await props.onDiscard(d);
                          }}
                        >
                          {t("enum.drafts.discardYes")}
                        </button>
                        <button type="button" className="button secondary" onClick={() => setDiscarding(null)}>
                          {t("enum.drafts.discardNo")}
                        </button>
                      </div>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {stored?.package.rounds.length === 0 ? <p className="notice">{t("enum.package.noRounds")}</p> : null}
      {stored?.package.rounds.map((round) => (
        <RoundWork key={round.code} round={round} interviews={interviews} sent={sent} onStart={props.onStart} />
      ))}

      <section className="card" aria-labelledby="signout-heading">
        <h2 id="signout-heading">{t("enum.signOut.heading")}</h2>
        <p>{t("enum.signOut.intro")}</p>
        <button type="button" className="button secondary" onClick={props.onSignOut}>
          {t("enum.signOut.open")}
        </button>
      </section>
    </>
  );
}

function RoundWork({
  round,
  interviews,
  sent,
  onStart,
}: {
  round: PackageRound;
  interviews: LocalInterview[];
  sent: SentInterview[];
  onStart: (target: StartTarget) => void;
}) {
  const t = useT();
  const visited = new Set([...interviews, ...sent].map((i) => i.frameRowId).filter(Boolean));
  return (
    <section className="card" aria-labelledby={`round-${round.code}`}>
      <h2 id={`round-${round.code}`}>{round.title}</h2>
      <p className="hint">{t("enum.qualityRule", { n: round.minSecondsPerItem })}</p>
      {round.units.map((unit) => {
        const people = round.people.filter((p) => p.unitCode === unit.code);
        return (
          <div key={unit.code}>
            <h3>{unit.name}</h3>
            <button
              type="button"
              className="button secondary"
              onClick={() => onStart({ roundCode: round.code, unitCode: unit.code, person: null })}
              aria-label={`${t("enum.startWalkIn")}: ${unit.name}`}
            >
              {t("enum.startWalkIn")}
            </button>
            {people.length ? (
              <ul className="plain-list" aria-label={t("enum.peopleOf", { unit: unit.name })}>
                {people.map((person) => (
                  <PersonItem
                    key={person.frameRowId}
                    person={person}
                    visited={visited.has(person.frameRowId)}
                    onStart={() => onStart({ roundCode: round.code, unitCode: unit.code, person })}
                  />
                ))}
              </ul>
            ) : (
              <p className="hint">{t("enum.noPeople")}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

function PersonItem({ person, visited, onStart }: { person: PackagePerson; visited: boolean; onStart: () => void }) {
  const t = useT();
  const name = person.name ?? person.dossierCode;
  return (
    <li>
      <p className="person-name">{name}</p>
      {person.phone ? (
        <p className="person-detail">
          <a href={`tel:${person.phone}`}>{person.phone}</a>
        </p>
      ) : null}
      {person.address ? <p className="person-detail">{person.address}</p> : null}
      <p className="person-detail hint">
        {t("enum.dossier", { code: person.dossierCode, procedure: person.procedure })}
      </p>
      {visited ? <p className="status-ok">{t("enum.visited")}</p> : null}
      <button type="button" className="button primary" onClick={onStart} aria-label={`${t("enum.interview")} ${name}`}>
        {t("enum.interview")}
      </button>
    </li>
  );
}
