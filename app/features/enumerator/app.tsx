import { useCallback, useEffect, useRef, useState } from "react";
import type { PackageRound } from "~/domain/interviews/interview-schema";
import { useT } from "~/utils/use-language";
import { downloadPackage, type DownloadState } from "./download";
import type { LocalInterview, SentInterview } from "./local-interview";
import { LocalStore, type StoredPackage } from "./local-store";
import { refreshOfflineShell, registerOfflineShell } from "./offline-shell";
import { useOutboxSync } from "./use-outbox-sync";
import { HomeView } from "./views/home";
import { InterviewReview } from "./views/interview-review";
import { InterviewStep } from "./views/interview-step";
import type { AppUser } from "./app-user";
import { SignOutView } from "./views/sign-out";
import { StartInterview, type StartTarget } from "./views/start-interview";

export type View =
  | { name: "home" }
  | { name: "start"; target: StartTarget }
  | { name: "step"; id: string; step: string }
  | { name: "review"; id: string }
  | { name: "signout" };

/**
 * The offline app's one page: its data (IndexedDB, per account), the outbox sync, and which
 * view is on screen. Views change by state, never by URL, so nothing needs the server.
 */
export function EnumeratorApp({ user }: { user: AppUser }) {
  const t = useT();
  const [store, setStore] = useState<LocalStore | null>(null);
  const [failed, setFailed] = useState(false);
  const [stored, setStored] = useState<StoredPackage | undefined>();
  const [interviews, setInterviews] = useState<LocalInterview[]>([]);
  const [sent, setSent] = useState<SentInterview[]>([]);
  const [view, setView] = useState<View>({ name: "home" });
  const [download, setDownload] = useState<DownloadState>({ phase: "idle" });
  const heading = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (from: LocalStore) => {
    const [pkg, list, done] = await Promise.all([from.getPackage(), from.listInterviews(), from.listSent()]);
    setStored(pkg);
    setInterviews(list.sort((a, b) => a.startedAt.localeCompare(b.startedAt)));
    setSent(done);
  }, []);

  useEffect(() => {
    let alive = true;
    let opened: LocalStore | null = null;
    LocalStore.open(user.id)
      .then(async (s) => {
        opened = s;
        if (!alive) return s.close();
        await reload(s);
        setStore(s);
      })
      .catch(() => setFailed(true));
    registerOfflineShell();
    return () => {
      alive = false;
      opened?.close();
    };
  }, [user.id, reload]);

  const sync = useOutboxSync(store, interviews, reload);

  // A new view: focus its heading, so a screen reader announces it and the page starts at the top.
  const go = useCallback((next: View) => {
    setView(next);
    requestAnimationFrame(() => {
      heading.current?.querySelector("h1")?.focus();
      window.scrollTo(0, 0);
    });
  }, []);

  // The header's own "Đăng xuất" button (root layout) would skip the warning and leave this
  // account's data on the phone: on this page it opens the app's sign-out instead. A capture
  // listener on window runs before Remix's form handling; the app's own sign-out posts with
  // form.submit(), which fires no submit event.
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || new URL(form.action, window.location.href).pathname !== "/logout")
        return;
      event.preventDefault();
      event.stopPropagation();
      go({ name: "signout" });
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, [go]);

  if (failed) {
    return (
      <section className="card enumerator">
        <h1>{t("enum.heading")}</h1>
        <p className="status-warn" role="alert">
          {t("enum.storageFailed")}
        </p>
      </section>
    );
  }
  if (!store) {
    return (
      <section className="card enumerator">
        <h1>{t("enum.heading")}</h1>
        <p role="status">{t("enum.loading")}</p>
      </section>
    );
  }

  const rounds = stored?.package.rounds ?? [];
  const findRound = (code: string): PackageRound | undefined => rounds.find((r) => r.code === code);
  const findInterview = (id: string) => interviews.find((i) => i.id === id);
  const save = async (interview: LocalInterview) => {
    await store.saveInterview(interview);
    await reload(store);
  };
  const home = () => go({ name: "home" });

  let content: React.ReactNode;
  if (view.name === "start") {
    const round = findRound(view.target.roundCode);
    content = round ? (
      <StartInterview
        round={round}
        target={view.target}
        onCancel={home}
        onStarted={async (interview) => {
          await save(interview);
          go({ name: "step", id: interview.id, step: interview.currentStep });
        }}
        onLocation={async (id, location) => {
          // The position arrives after the interview started: re-read, so no answer is lost.
          const latest = (await store.listInterviews()).find((i) => i.id === id);
          if (latest) await save({ ...latest, location });
        }}
      />
    ) : null;
  } else if (view.name === "step" || view.name === "review") {
    const interview = findInterview(view.id);
    const round = interview ? findRound(interview.roundCode) : undefined;
    if (interview && round) {
      content =
        view.name === "step" ? (
          <InterviewStep
            key={`${interview.id}-${view.step}`}
            round={round}
            interview={interview}
            step={view.step}
            onSave={save}
            onGo={(step) =>
              go(step === "review" ? { name: "review", id: interview.id } : { name: "step", id: interview.id, step })
            }
            onHome={home}
          />
        ) : (
          <InterviewReview
            round={round}
            interview={interview}
            onSave={save}
            onEdit={(step) => go({ name: "step", id: interview.id, step })}
            onHome={home}
          />
        );
    }
  } else if (view.name === "signout") {
    content = <SignOutView interviews={interviews} onCancel={home} onSync={sync.run} store={store} />;
  }
  content ??= (
    <HomeView
      user={user}
      stored={stored}
      interviews={interviews}
      sent={sent}
      sync={sync}
      download={download}
      onDownload={async () => {
        await downloadPackage(store, setDownload);
        await reload(store);
        refreshOfflineShell();
      }}
      onStart={(target) => go({ name: "start", target })}
      onOpen={async (interview) => {
        // Reopened for editing: back to draft, so no sync sends it half-edited.
        const reopened: LocalInterview = {
          ...interview,
          state: "draft",
          lastRefusal: null,
          updatedAt: new Date().toISOString(),
        };
        await save(reopened);
        go(
          interview.currentStep === "review" || interview.state === "outbox"
            ? { name: "review", id: interview.id }
            : { name: "step", id: interview.id, step: interview.currentStep },
        );
      }}
      onDiscard={async (interview) => {
        await store.discardDraft(interview.id);
        await reload(store);
      }}
      onSignOut={() => go({ name: "signout" })}
    />
  );
  return (
    <div className="enumerator" ref={heading}>
      {content}
    </div>
  );
}
