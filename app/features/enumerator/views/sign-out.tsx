import { useRef, useState } from "react";
import { useLanguage, useT } from "~/utils/use-language";
import type { LocalInterview } from "~/features/enumerator/local-interview";
import type { LocalStore } from "~/features/enumerator/local-store";
import { removeOfflineShell } from "~/features/enumerator/offline-shell";

interface SignOutProps {
  interviews: LocalInterview[];
  store: LocalStore;
  onSync: () => Promise<void>;
  onCancel: () => void;
}

/**
 * Signing out on a shared phone deletes this enumerator's data (IndexedDB, the offline
 * page) and then the session. Anything not yet on the server is named first, and the
 * sign-out is refused until the enumerator ticks that they understand it will be lost.
 */
export function SignOutView({ interviews, store, onSync, onCancel }: SignOutProps) {
  const t = useT();
  const lang = useLanguage();
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const logout = useRef<HTMLFormElement>(null);
  const unsent = interviews;

  async function signOut(event: React.FormEvent) {
    event.preventDefault();
    if (unsent.length && !understood) return setError(t("enum.signOut.mustConfirm"));
    if (!navigator.onLine) return setError(t("enum.signOut.needsSignal"));
    setWorking(true);
    await store.destroy();
    await removeOfflineShell();
    // A plain POST to /logout, as the header's sign-out button does.
    logout.current?.submit();
  }

  return (
    <section className="card">
      <h1 tabIndex={-1}>{t("enum.signOut.heading")}</h1>
      <p>{t("enum.signOut.explain")}</p>
      {unsent.length ? (
        <div className="notice" role="alert">
          <h2>{t("enum.signOut.unsent", { n: unsent.length })}</h2>
          <ul>
            {unsent.map((i) => (
              <li key={i.id}>
                {i.respondentName ?? t("enum.walkIn")} — {i.unitName} —{" "}
                {new Date(i.endedAt ?? i.startedAt).toLocaleDateString(lang === "vi" ? "vi-VN" : "en-GB")}
                {i.state === "draft" ? ` (${t("enum.signOut.draft")})` : ""}
              </li>
            ))}
          </ul>
          <button type="button" className="button secondary" onClick={() => void onSync().then(onCancel)}>
            {t("enum.signOut.sendFirst")}
          </button>
        </div>
      ) : (
        <p className="status-ok">{t("enum.signOut.nothingUnsent")}</p>
      )}
      <form onSubmit={signOut} aria-describedby={error ? "signout-error" : undefined}>
        {unsent.length ? (
          <label className="check">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              aria-invalid={error && !understood ? true : undefined}
              aria-describedby="signout-error"
            />
            <span>{t("enum.signOut.understand", { n: unsent.length })}</span>
          </label>
        ) : null}
        <p id="signout-error" className="field-error" role={error ? "alert" : undefined}>
          {error}
        </p>
        <div className="actions">
          <button type="submit" className="button primary" disabled={working}>
            {t("enum.signOut.confirm")}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t("enum.back")}
          </button>
        </div>
      </form>
      <form ref={logout} method="post" action="/logout" hidden />
    </section>
  );
}
