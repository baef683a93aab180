import type Database from "better-sqlite3";

/**
 * WAL checkpoints off the writer's path (ADR 017). By default SQLite checkpoints inside the
 * commit that makes the write-ahead log pass 1,000 pages: that commit then also copies the
 * log into the database file and fsyncs it, and every interview waiting behind it waits
 * tens of milliseconds more. Measured: p99 at 1,000 interviews/s fell from 96–180 ms to
 * 44 ms without them (docs/benchmarks.md). So the writer thread turns them off and this
 * second thread of the app's runs a PASSIVE checkpoint every CHECKPOINT_EVERY_MS: PASSIVE
 * takes no write lock, so the writer never waits for it; a log it has copied entirely is
 * reused from its start by the writer's next commit, so the file stays small.
 *
 * Other processes (the CLI, a backup) keep SQLite's default, and Prisma's connection in the
 * app process too: they write rarely, and would checkpoint only past 1,000 pages.
 */
export const CHECKPOINT_EVERY_MS = 100;
/**
 * Pages of log past which a RESTART checkpoint follows the passive one. A passive
 * checkpoint never ends with the log reusable while commits keep coming (each adds frames
 * past the ones it copied), so under a steady load the file would only grow (1.5 GB in 20 s
 * of the benchmark). RESTART waits for the writer's lock, copies what the passive one left
 * (little), and makes the next commit start the log again from its beginning.
 */
export const RESTART_AFTER_PAGES = 4_000;

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

/** One turn: what the passive checkpoint found, and whether a RESTART followed (and got the log reused). */
export function checkpointOnce(db: Database.Database, restartAfterPages = RESTART_AFTER_PAGES): { pages: number; restarted: boolean } {
  const [passive] = db.pragma("wal_checkpoint(PASSIVE)") as CheckpointRow[];
  if (passive.log <= restartAfterPages) return { pages: passive.log, restarted: false };
  const [restart] = db.pragma("wal_checkpoint(RESTART)") as CheckpointRow[];
  return { pages: passive.log, restarted: restart.busy === 0 };
}

export function runCheckpoints(db: Database.Database): () => void {
  const timer = setInterval(() => {
    try {
      checkpointOnce(db);
    } catch (error) {
      // SQLITE_BUSY and the like: the next turn tries again; nothing is lost by a late checkpoint.
      console.warn(`sqlite checkpoint: ${(error as { code?: string }).code ?? (error as Error).name}`);
    }
  }, CHECKPOINT_EVERY_MS);
  return () => clearInterval(timer);
}
