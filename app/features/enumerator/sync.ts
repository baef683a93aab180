import {
  MAX_BATCH,
  isConfirmed,
  type Interview,
  type SyncResult,
  type SyncStatus,
} from "~/domain/interviews/interview-schema";
import { toUpload, type LocalInterview } from "./local-interview";

/**
 * The phone's half of sync (issue 5, ADR 008 "Phone"): send the outbox in batches of at
 * most MAX_BATCH, retry a batch that failed in transit with exponential backoff and
 * jitter, and apply the server's per-interview answers. An interview leaves the phone only
 * when the server said `stored` or `duplicate`. No React and no IndexedDB here: the caller
 * passes the network and the storage in, so the rules are unit-tested with fakes.
 */

export const SYNC_URL = "/api/sync/interviews";

/** How one POST of a batch ended. */
export type PostOutcome =
  | { kind: "results"; results: SyncResult[] }
  /** Lost in transit or the server was briefly unable (network error, 5xx, 408, 429): try again. */
  | { kind: "retryable"; reason: string }
  /** Trying again cannot help (signed out, 4xx, a reply that is not the contract's). */
  | { kind: "fatal"; reason: string };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** POST one batch and classify the answer. */
export async function postBatch(fetchFn: FetchLike, batch: Interview[]): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetchFn(SYNC_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ interviews: batch }),
      credentials: "same-origin",
      // A redirect here means the session ended (to /login): report it, do not follow it.
      redirect: "manual",
    });
  } catch (error) {
    return {
      kind: "retryable",
      reason: error instanceof Error && error.message ? `network: ${error.message}` : "network",
    };
  }
  if (
    response.type === "opaqueredirect" ||
    response.status === 401 ||
    (response.status >= 300 && response.status < 400)
  ) {
    return { kind: "fatal", reason: "signed-out" };
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: "retryable", reason: await errorReason(response) };
  }
  if (!response.ok) return { kind: "fatal", reason: await errorReason(response) };
  try {
    const body = (await response.json()) as { results?: unknown };
    if (!Array.isArray(body.results) || body.results.length !== batch.length)
      return { kind: "fatal", reason: "bad-reply" };
    return { kind: "results", results: body.results as SyncResult[] };
  } catch {
    // The body was cut off on the way: the server may have stored the batch, and a retry
    // is answered "duplicate" for what it did store (ADR 008), so retrying is safe.
    return { kind: "retryable", reason: "reply cut off" };
  }
}

/** "HTTP 503: <the server's message>" (the API answers errors as JSON `{error}`, ADR 008). */
async function errorReason(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return `HTTP ${response.status}: ${body.error}`;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return `HTTP ${response.status}`;
}

/**
 * The wait before retry number `attempt` (0 = the first retry): exponential backoff with
 * "equal jitter", half fixed and half random, so many phones that regain a signal together
 * do not retry in step, yet no retry comes immediately. Marc Brooker, "Exponential Backoff
 * And Jitter", AWS Architecture Blog, 2015
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function chunk<T>(items: T[], size: number = MAX_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export interface Refusal {
  interview: LocalInterview;
  status: SyncStatus;
  message: string;
}

/**
 * Match the server's results to the batch: by id, and by position for a result without an
 * id (an interview so malformed that the server could not read its id). An interview with
 * no result at all stays in the outbox untouched.
 */
export function applyResults(batch: LocalInterview[], results: SyncResult[]) {
  const byId = new Map(results.filter((r) => r.id).map((r) => [r.id as string, r]));
  const confirmed: LocalInterview[] = [];
  const refused: Refusal[] = [];
  batch.forEach((interview, index) => {
    const positional = results[index] && results[index].id === null ? results[index] : undefined;
    const result = byId.get(interview.id) ?? positional;
    if (!result) return;
    if (isConfirmed(result.status)) confirmed.push(interview);
    else refused.push({ interview, status: result.status, message: result.message ?? result.status });
  });
  return { confirmed, refused };
}

/** Only finished interviews that the server has not refused are sent; a refused one waits for an edit. */
export function sendable(interviews: LocalInterview[]): LocalInterview[] {
  return interviews
    .filter((i) => i.state === "outbox" && !i.lastRefusal)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

export interface SyncDeps {
  post: (batch: Interview[]) => Promise<PostOutcome>;
  /** Remove confirmed interviews from the phone (one transaction). */
  confirm: (interviews: LocalInterview[]) => Promise<void>;
  /** Keep refused interviews, with the server's reason. */
  refuse: (refusals: Refusal[]) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each wait, so the screen can say what is happening. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface SyncSummary {
  sent: number;
  stored: number;
  duplicate: number;
  refused: number;
  /** Why the run stopped early; null when every batch was answered. */
  failure: string | null;
}

/**
 * Defaults: 4 tries per batch, with waits of about 0.5–1 s, 1–2 s and 2–4 s: a run gives up
 * within seconds and says so; the next run comes with the next tap, the next `online` event
 * or the next start of the app, and nothing leaves the phone meanwhile.
 */
export const SYNC_DEFAULTS = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Send a batch, retrying what can be retried. */
async function sendBatch(batch: Interview[], deps: SyncDeps): Promise<PostOutcome> {
  const maxAttempts = deps.maxAttempts ?? SYNC_DEFAULTS.maxAttempts;
  let outcome = await deps.post(batch);
  for (let attempt = 0; outcome.kind === "retryable" && attempt < maxAttempts - 1; attempt++) {
    const delayMs = backoffDelay(
      attempt,
      deps.baseDelayMs ?? SYNC_DEFAULTS.baseDelayMs,
      deps.maxDelayMs ?? SYNC_DEFAULTS.maxDelayMs,
      deps.random,
    );
    deps.onRetry?.({ attempt: attempt + 1, delayMs, reason: outcome.reason });
    await deps.sleep(delayMs);
    outcome = await deps.post(batch);
  }
  return outcome;
}

/**
 * Send the outbox, batch after batch. A batch that still fails after its retries stops the
 * run: it and the later batches stay on the phone for the next run.
 */
export async function syncOutbox(interviews: LocalInterview[], deps: SyncDeps): Promise<SyncSummary> {
  const summary: SyncSummary = { sent: 0, stored: 0, duplicate: 0, refused: 0, failure: null };
  for (const batch of chunk(sendable(interviews))) {
    const outcome = await sendBatch(batch.map(toUpload), deps);
    if (outcome.kind !== "results") {
      summary.failure = outcome.reason;
      return summary;
    }
    const { confirmed, refused } = applyResults(batch, outcome.results);
    await deps.confirm(confirmed);
    await deps.refuse(refused);
    summary.sent += batch.length;
    summary.stored += outcome.results.filter((r) => r.status === "stored").length;
    summary.duplicate += outcome.results.filter((r) => r.status === "duplicate").length;
    summary.refused += refused.length;
  }
  return summary;
}

export const SYNC_LOCK = "hailong-enumerator-sync";
let uploadingInThisTab = false;

/**
 * Run `upload` unless another tab (or this one) is already uploading: the Web Locks API
 * holds one lock per origin across tabs; without it (old browsers) a flag guards this tab,
 * and the server's idempotent store guards the rest (ADR 008). Returns "busy" when skipped.
 */
export async function withUploadLock<T>(locks: LockManager | undefined, upload: () => Promise<T>): Promise<T | "busy"> {
  if (locks) {
    return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) => (lock ? upload() : ("busy" as const)));
  }
  if (uploadingInThisTab) return "busy";
  uploadingInThisTab = true;
  try {
    return await upload();
  } finally {
    uploadingInThisTab = false;
  }
}
