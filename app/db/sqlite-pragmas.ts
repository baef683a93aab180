/**
 * How the SQLite file is opened (docs/decisions/014-durability.md):
 * - `journal_mode=WAL`: readers never block the writer, and a commit is one append to the
 *   write-ahead log, so a SIGKILL of the server loses nothing that was committed.
 * - `synchronous`: FULL by default — the log is fsynced at every commit, so an acknowledged
 *   response also survives a power cut. NORMAL (fsync only at checkpoints) is faster but may
 *   lose the last commits on a power cut (never on a process crash, and never corrupts):
 *   https://www.sqlite.org/pragma.html#pragma_synchronous, https://www.sqlite.org/wal.html.
 *   `SQLITE_SYNCHRONOUS=NORMAL` chooses it (the submission benchmark measures both).
 * - `busy_timeout`: another process (a backup, a CLI import) holding the write lock makes
 *   a write wait up to 5 s instead of failing at once with SQLITE_BUSY.
 */
export const SQLITE_SYNCHRONOUS_LEVELS = ["FULL", "NORMAL"] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_LEVELS)[number];

export function sqliteSynchronous(): SqliteSynchronous {
  const wanted = process.env.SQLITE_SYNCHRONOUS?.trim().toUpperCase();
  return SQLITE_SYNCHRONOUS_LEVELS.find((level) => level === wanted) ?? "FULL";
}

export const BUSY_TIMEOUT_MS = 5_000;

export function sqlitePragmas(synchronous: SqliteSynchronous = sqliteSynchronous()): string {
  return [
    "PRAGMA journal_mode = WAL;",
    `PRAGMA synchronous = ${synchronous};`,
    `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`,
  ].join("\n");
}
