/**
 * Failure injection for the end-to-end tests of offline sync (issue 5: "make the server
 * fail one batch on purpose"). Active only when the server runs with HAILONG_TEST_HOOKS=1,
 * which scripts/e2e-server.mjs sets and production never does.
 *
 * The marks live in this process's memory, keyed by user id: the e2e server is one
 * process, and a restart forgets them, which is what a test wants.
 */
export function testHooksEnabled(): boolean {
  return process.env.HAILONG_TEST_HOOKS === "1";
}

const store = globalThis as unknown as { __hailongFailNextSync?: Map<string, number> };
const pending = (store.__hailongFailNextSync ??= new Map<string, number>());

/** Make this user's next `count` sync requests fail with 503 before anything is stored. */
export function failNextSyncs(userId: string, count: number): void {
  pending.set(userId, (pending.get(userId) ?? 0) + count);
}

/** Whether this sync request must fail: a pending mark for the user (used up), or the header `x-test-fail: batch`. */
export function consumeSyncFailure(userId: string, request: Request): boolean {
  if (!testHooksEnabled()) return false;
  if (request.headers.get("x-test-fail") === "batch") return true;
  const left = pending.get(userId) ?? 0;
  if (left <= 0) return false;
  if (left === 1) pending.delete(userId);
  else pending.set(userId, left - 1);
  return true;
}
