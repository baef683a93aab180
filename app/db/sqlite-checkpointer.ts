import type Database from "better-sqlite3";
import type { MessagePort } from "node:worker_threads";

/**
 * WAL checkpoints off the writer's path (ADR 017). By default SQLite checkpoints inside the
 * commit that makes the write-ahead log pass 1,000 pages: that commit then also copies the
 * log into the database file and fsyncs it, and every interview waiting behind it waits
 * tens of milliseconds more. So the writer thread turns them off, and this second thread of
 * the app's runs a PASSIVE checkpoint every CHECKPOINT_EVERY_MS. PASSIVE takes no lock, so
 * the writer never waits for it.
 *
 * A passive checkpoint alone never leaves the log reusable under a steady load: commits keep
 * adding frames past the ones it copied, and the log only grows (1.5 GB in 20 s of the
 * benchmark). A RESTART checkpoint here would wait for the writer's lock, and SQLite's lock
 * is not fair: the writer takes it again after every commit, so the RESTART starves, or
 * stalls the writer for up to its busy timeout (p99 over a second). So past
 * RESTART_AFTER_PAGES this thread asks the writer instead (`"catch-up"` on its port); the
 * writer, between two groups, runs a PASSIVE checkpoint itself, which copies the few frames
 * left, and its next commit starts the log again from its beginning.
 *
 * Other processes (the CLI, a backup) keep SQLite's default, and so does Prisma's connection
 * in the app process: they write rarely, and would checkpoint only past 1,000 pages.
 */
export const CHECKPOINT_EVERY_MS = 100;
/**
 * 40 MB of log at 4 KB pages. The benchmark writes ~50 KB of log per interview at 1,000/s
 * (small group commits rewrite whole pages of four indexes keyed by random UUIDs), so the
 * writer catches up about once a second, for 5–30 ms each time.
 */
export const RESTART_AFTER_PAGES = 10_000;

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

/** One passive checkpoint: the log's size in pages, and how many of them are now in the database file. */
export function checkpointOnce(db: Database.Database): { pages: number; copied: number } {
  const [row] = db.pragma("wal_checkpoint(PASSIVE)") as CheckpointRow[];
  return { pages: row.log, copied: row.checkpointed };
}

/**
 * `checkpointOnce`, or null when SQLite refused (SQLITE_BUSY and the like) with a warning:
 * the next turn tries again, and nothing is lost by a late checkpoint.
 */
export function checkpointOrWarn(db: Database.Database): { pages: number; copied: number } | null {
  try {
    return checkpointOnce(db);
  } catch (error) {
    console.warn(`sqlite checkpoint: ${(error as { code?: string }).code ?? (error as Error).name}`);
    return null;
  }
}

/** The checkpointer thread's loop: a passive checkpoint every turn, and a word to the writer when the log is long. */
export function runCheckpoints(
  db: Database.Database,
  writer: MessagePort,
  restartAfterPages = RESTART_AFTER_PAGES,
): () => void {
  const timer = setInterval(() => {
    if ((checkpointOrWarn(db)?.pages ?? 0) > restartAfterPages) writer.postMessage("catch-up");
  }, CHECKPOINT_EVERY_MS);
  return () => clearInterval(timer);
}
