import type { MessagePort } from "node:worker_threads";
import type { InterviewToStore } from "~/fieldwork/interview-to-store";

/**
 * The messages between the app and its SQLite writer thread (sqlite-writer.server.ts,
 * sqlite-writer.worker.ts; docs/decisions/017-fast-submission-path.md).
 *
 * - `interviews`: store a checked batch; answers one boolean per interview (written, or its
 *   id was taken). Durable: the commit that holds it is fsynced at synchronous=FULL.
 * - `statement`: one SQL statement with its parameters; answers its rows (`.all`). With
 *   `durable: false`, a commit holding only such jobs skips the fsync (rate-limit counters:
 *   losing the last counts on a power cut forgives a few requests).
 */
export type WriterJobBody =
  | { kind: "interviews"; items: InterviewToStore[] }
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
