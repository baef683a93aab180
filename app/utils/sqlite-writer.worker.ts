import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { markInstrumentsFrozen, storeInterviewsSqlite } from "~/fieldwork/interview-store-sqlite";
import { sqlitePragmas } from "./sqlite-pragmas";
import type { WriterJob, WriterOptions, WriterReply } from "./sqlite-writer-protocol";

/**
 * The SQLite writer thread (docs/decisions/017-fast-submission-path.md). It holds the one
 * connection that writes the sync API's interviews and the rate-limit counters, so that
 * SQLite's synchronous work — B-tree inserts and, at synchronous=FULL, the fsync of the
 * write-ahead log at every commit — runs beside the event loop instead of stopping it.
 *
 * Group commit: jobs that arrive while a commit is running wait in the port's queue; the
 * next turn takes all of them into ONE transaction, each under its own SAVEPOINT, so an
 * error in one job rolls back that job only. The busier the writer, the larger the group
 * and the fewer fsyncs per interview. Replies are sent after the COMMIT returns, i.e. after
 * the fsync: an acknowledged interview is on disk (ADR 014).
 *
 * This thread may wait for a lock synchronously (busy_timeout, e.g. while `npm run backup`
 * or Prisma on the main thread writes): it blocks nobody but itself.
 */
const { path, synchronous } = workerData as WriterOptions;
const db = new Database(path);
db.exec(sqlitePragmas(synchronous));

/** The statements of `statement` jobs, compiled once (a handful: the rate-limit upserts). */
const prepared = new Map<string, Database.Statement>();
const prepare = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;

let queue: WriterJob[] = [];
let scheduled = false;

parentPort!.on("message", (job: WriterJob) => {
  queue.push(job);
  if (scheduled) return;
  scheduled = true;
  // After the poll phase: every message already in the port joins this group.
  setImmediate(flush);
});

function flush() {
  scheduled = false;
  const jobs = queue;
  queue = [];
  const durable = jobs.some((job) => job.kind === "interviews" || job.durable);
  let replies: WriterReply[];
  // The level changes only outside a transaction (SQLite refuses it inside).
  if (!durable) db.pragma("synchronous = NORMAL");
  try {
    db.exec("BEGIN IMMEDIATE");
    replies = jobs.map(run);
    db.exec("COMMIT");
    jobs.forEach((job, i) => {
      const reply = replies[i];
      if (job.kind === "interviews" && reply.ok) markInstrumentsFrozen(job.items, reply.value as boolean[]);
    });
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    replies = jobs.map((job) => failure(job.id, error));
  } finally {
    if (!durable) db.pragma(`synchronous = ${synchronous}`);
  }
  for (const reply of replies) parentPort!.postMessage(reply);
}

function run(job: WriterJob): WriterReply {
  db.exec("SAVEPOINT job");
  try {
    const value = job.kind === "interviews" ? storeInterviewsSqlite(db, job.items) : prepare(job.sql).all(...job.params);
    db.exec("RELEASE job");
    return { id: job.id, ok: true, value };
  } catch (error) {
    db.exec("ROLLBACK TO job");
    db.exec("RELEASE job");
    return failure(job.id, error);
  }
}

/** What crosses back of an error: its kind, never the parameters (they hold answers). */
function failure(id: number, error: unknown): WriterReply {
  const { name = "Error", code, message = String(error) } = (error ?? {}) as { name?: string; code?: string; message?: string };
  return { id, ok: false, error: { name, code, message } };
}
