import type { MessagePort } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/**
 * The messages between the app and its SQLite writer thread (sqlite-writer.server.ts,
 * sqlite-writer.worker.ts; docs/decisions/017-fast-submission-path.md).
 *
 * - `handler`: run one of the handlers the thread's entry registered (`WriterHandlers`;
 *   app/models/sqlite-writer.worker.ts registers `interviews`, the sync API's store) on its
 *   payload, and answer what it returns. Durable: the commit that holds it is fsynced at
 *   synchronous=FULL; the handler's `afterCommit` runs once that commit has returned.
 * - `statement`: one SQL statement with its parameters; answers its rows (`.all`). With
 *   `durable: false`, a commit holding only such jobs skips the fsync (rate-limit counters:
 *   losing the last counts on a power cut forgives a few requests).
 */
export type WriterJobBody =
  | { kind: "handler"; name: string; payload: unknown }
  | { kind: "statement"; sql: string; params: unknown[]; durable: boolean };

export type WriterJob = WriterJobBody & { id: number };

export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; code?: string; message: string } };

export interface WriterOptions {
  /** The database file. */
  path: string;
  synchronous: "FULL" | "NORMAL";
  /** The writer (default), or the thread that runs the WAL checkpoints (sqlite-checkpointer.ts). */
  role?: "writer" | "checkpointer";
  /** The two threads' channel: the checkpointer asks the writer to finish a checkpoint. */
  peer?: MessagePort;
}

/**
 * What a `handler` job does, on the writer's connection, inside the group's transaction and
 * the job's own SAVEPOINT. Payload and value cross threads by structured clone: plain data.
 */
export interface WriterHandler {
  run(db: BetterSqlite3.Database, payload: unknown): unknown;
  afterCommit?(db: BetterSqlite3.Database, payload: unknown, value: unknown): void;
}

export type WriterHandlers = Record<string, WriterHandler>;
