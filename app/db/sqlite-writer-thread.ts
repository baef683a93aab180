import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { checkpointOrWarn, runCheckpoints } from "./sqlite-checkpointer";
import { sqlitePragmas } from "./sqlite-pragmas";
import type { WriterHandlers, WriterJob, WriterOptions, WriterReply } from "./sqlite-writer-protocol";

/**
 * The SQLite writer thread (docs/decisions/017-fast-submission-path.md). It holds the one
 * connection that writes the sync API's interviews and the rate-limit counters, so that
 * SQLite's synchronous work — B-tree inserts and, at synchronous=FULL, the fsync of the
 * write-ahead log at every commit — runs beside the event loop instead of stopping it.
 *
 * Group commit: jobs that arrive while a commit is running wait in the port's queue; the
 * next turn takes all of them into ONE transaction, each under its own SAVEPOINT, so an
 * error in one job rolls back that job only. The busier the writer, the larger the group
 * and the fewer fsyncs per interview. Durable jobs are answered after the COMMIT returns,
 * i.e. after the fsync: an acknowledged interview is on disk (ADR 014). Counter jobs
 * (`durable: false`) are run first and answered at once.
 *
 * The same loop runs the checkpointer thread (`role: "checkpointer"`, sqlite-checkpointer.ts).
 *
 * This module knows no table of the app: what a `handler` job does is the `handlers` its
 * entry passes in (app/models/sqlite-writer.worker.ts registers the interview store), so
 * the database layer imports no domain code.
 *
 * This thread may wait for a lock synchronously (busy_timeout, e.g. while `npm run backup`
 * or Prisma on the main thread writes): it blocks nobody but itself.
 */
const { path, synchronous, role, peer } = workerData as WriterOptions;
let db: Database.Database;
let handlers: WriterHandlers = {};

/** The thread's entry calls this once with what its `handler` jobs may do. */
export function startSqliteWriterThread(jobHandlers: WriterHandlers): void {
  handlers = jobHandlers;
  db = new Database(path);
  db.exec(sqlitePragmas(synchronous));
  if (role === "checkpointer") runCheckpoints(db, peer!);
  else startWriter();
}

/** The checkpointer asked for the last frames to be copied, so that the log starts again. */
let catchUp = false;
/** Jobs waiting for the next group, and whether that group's turn is already scheduled. */
let queue: WriterJob[] = [];
let scheduled = false;
/** The statements of `statement` jobs, compiled once (a handful: the rate-limit upserts). */
const prepared = new Map<string, Database.Statement>();
const prepare = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;

function startWriter() {
  // The checkpointer thread does them (sqlite-checkpointer.ts).
  db.pragma("wal_autocheckpoint = 0");
  peer?.on("message", () => (catchUp = true));
  peer?.unref();
  parentPort!.on("message", (job: WriterJob) => {
    queue.push(job);
    if (scheduled) return;
    scheduled = true;
    // After the poll phase: every message already in the port joins this group.
    setImmediate(flush);
  });
}

function flush() {
  scheduled = false;
  const jobs = queue;
  queue = [];
  // Counters first, and answered before the COMMIT: a count needs no fsync, and a request
  // waiting on its rate limit should not wait for other requests' interviews. If the COMMIT
  // then failed, the counts given were never stored: a few requests forgiven, nothing lost.
  const quick = jobs.filter((job) => job.kind === "statement" && !job.durable);
  const durable = jobs.filter((job) => !quick.includes(job));
  let replies: WriterReply[] = [];
  let quickAnswered = 0;
  // The level changes only outside a transaction (SQLite refuses it inside).
  if (!durable.length) db.pragma("synchronous = NORMAL");
  try {
    db.exec("BEGIN IMMEDIATE");
    for (const job of quick) {
      parentPort!.postMessage(run(job));
      quickAnswered += 1;
    }
    replies = durable.map(run);
    db.exec("COMMIT");
    durable.forEach((job, i) => {
      const reply = replies[i];
      if (job.kind === "handler" && reply.ok) handlers[job.name].afterCommit?.(db, job.payload, reply.value);
    });
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    replies = [...quick.slice(quickAnswered), ...durable].map((job) => failure(job.id, error));
  } finally {
    if (!durable.length) db.pragma(`synchronous = ${synchronous}`);
  }
  for (const reply of replies) parentPort!.postMessage(reply);
  // Between two groups, with every reply sent: a PASSIVE checkpoint copies what the
  // checkpointer thread has not (a few frames), so the next commit starts the log again.
  // Never RESTART: it would wait here for readers.
  if (catchUp) {
    catchUp = false;
    checkpointOrWarn(db);
  }
}

function run(job: WriterJob): WriterReply {
  db.exec("SAVEPOINT job");
  try {
    const value =
      job.kind === "handler" ? handlerFor(job.name).run(db, job.payload) : prepare(job.sql).all(...job.params);
    db.exec("RELEASE job");
    return { id: job.id, ok: true, value };
  } catch (error) {
    db.exec("ROLLBACK TO job");
    db.exec("RELEASE job");
    return failure(job.id, error);
  }
}

function handlerFor(name: string) {
  const handler = handlers[name];
  if (!handler) throw new Error(`SQLite writer: no handler "${name}"`);
  return handler;
}

/** What crosses back of an error: its kind, never the parameters (they hold answers). */
function failure(id: number, error: unknown): WriterReply {
  const {
    name = "Error",
    code,
    message = String(error),
  } = (error ?? {}) as { name?: string; code?: string; message?: string };
  return { id, ok: false, error: { name, code, message } };
}
