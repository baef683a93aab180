import { useCallback, useEffect, useRef, useState } from "react";
import type { LocalInterview } from "./local-interview";
import type { LocalStore } from "./local-store";
import { postBatch, sendable, syncOutbox, withUploadLock, type SyncSummary } from "./sync";

export type SyncState =
  | { phase: "idle" }
  | { phase: "sending" }
  | { phase: "waiting"; attempt: number; seconds: number; reason: string }
  | { phase: "busy" }
  | { phase: "done"; summary: SyncSummary }
  | { phase: "nothing" };

export interface OutboxSync {
  state: SyncState;
  running: boolean;
  run: () => Promise<void>;
}

/**
 * Sending the outbox: on a tap, when the app opens with a connection, and whenever the
 * browser says the connection is back (`online` event). One upload at a time across tabs
 * (withUploadLock); the phone's list is re-read after every run.
 */
export function useOutboxSync(
  store: LocalStore | null,
  interviews: LocalInterview[],
  reload: (s: LocalStore) => Promise<void>,
): OutboxSync {
  const [state, setState] = useState<SyncState>({ phase: "idle" });
  const running = state.phase === "sending" || state.phase === "waiting";
  const busy = useRef(false);

  const run = useCallback(async () => {
    if (!store || busy.current) return;
    busy.current = true;
    setState({ phase: "sending" });
    try {
      const outcome = await withUploadLock(navigator.locks, async () => {
        // Read the outbox inside the lock: another tab may just have sent some of it.
        const queue = sendable(await store.listInterviews());
        if (queue.length === 0) return null;
        return syncOutbox(queue, {
          post: (batch) => postBatch(fetch, batch),
          confirm: (list) => store.confirm(list, new Date().toISOString()),
          refuse: (refusals) => store.refuse(refusals),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onRetry: ({ attempt, delayMs, reason }) =>
            setState({ phase: "waiting", attempt, seconds: Math.ceil(delayMs / 1000), reason }),
        });
      });
      if (outcome === "busy") setState({ phase: "busy" });
      else if (outcome === null) setState({ phase: "nothing" });
      else setState({ phase: "done", summary: outcome });
    } finally {
      busy.current = false;
      await reload(store);
    }
  }, [store, reload]);

  // On opening with a signal, and when the signal comes back.
  const hasQueue = sendable(interviews).length > 0;
  useEffect(() => {
    if (!store) return;
    const onOnline = () => void run();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [store, run]);
  const startedOnce = useRef(false);
  useEffect(() => {
    if (!store || startedOnce.current) return;
    startedOnce.current = true;
    if (navigator.onLine && hasQueue) void run();
  }, [store, hasQueue, run]);

  return { state, running, run };
}
