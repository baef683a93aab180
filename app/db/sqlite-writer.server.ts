import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import { sqliteFilePath } from "./database-url";
import { sqliteSynchronous } from "./sqlite-pragmas";
import type { WriterJob, WriterJobBody, WriterOptions, WriterReply } from "./sqlite-writer-protocol";

/**
 * The app's side of the SQLite writer thread (sqlite-writer.worker.ts, ADR 017): one
 * thread per process and database file, started at the first write, which takes the sync
 * API's interviews and the rate-limit counters and answers each job when its group's
 * COMMIT has returned; and beside it the thread that runs the WAL checkpoints
 * (sqlite-checkpointer.ts). If the thread dies, every job waiting on it fails (the sync API
 * answers 503 and the phone retries) and the next write starts a new one.
 *
 * Where the thread's code is: beside the server bundle (build/server/sqlite-writer.js,
 * emitted by vite.config.ts), or, when the app runs from source (Vitest, `remix vite:dev`,
 * the benchmark's baseline under tsx), the TypeScript file itself, loaded through tsx.
 */
interface Writer {
  worker: Worker;
  checkpointer: Worker;
  path: string;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

export interface SqliteWriter {
  /** Send a job to the thread; resolves with its value once its group has committed (or at once for a counter). */
  sqliteWrite<T>(job: WriterJobBody): Promise<T>;
  /** Stop the thread (tests, and a process that switches databases); jobs still waiting fail. */
  closeSqliteWriter(): Promise<void>;
}

/**
 * A writer for the thread whose code is `sourceEntry` when the app runs from source (a
 * TypeScript file that calls `startSqliteWriterThread` with its job handlers), or
 * `sqlite-writer.js` beside the server bundle in the production build.
 */
export function createSqliteWriter({ sourceEntry }: { sourceEntry: string }): SqliteWriter {
  let writer: Writer | null = null;
  let nextId = 1;

  function sqliteWrite<T>(job: WriterJobBody): Promise<T> {
    const current = writerFor(sqliteFilePath());
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      // The thread keeps the process alive only while a job waits on it.
      if (current.pending.size === 0) current.worker.ref();
      current.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      current.worker.postMessage({ ...job, id } satisfies WriterJob);
    });
  }

  async function closeSqliteWriter(): Promise<void> {
    const current = writer;
    writer = null;
    if (current) await stop(current, new Error("SQLite writer closed"));
  }

  function writerFor(file: string): Writer {
    if (writer?.path === file) return writer;
    if (writer) void stop(writer, new Error("SQLite writer: the database changed"));
    const options: WriterOptions = { path: file, synchronous: sqliteSynchronous() };
    const channel = new MessageChannel();
    const checkpointer = startWorker({ ...options, role: "checkpointer", peer: channel.port2 }, sourceEntry);
    checkpointer.unref();
    checkpointer.on("error", (error) =>
      console.warn(`sqlite checkpointer stopped (${error.name}); the log grows until the writer restarts`),
    );
    const current: Writer = {
      worker: startWorker({ ...options, peer: channel.port1 }, sourceEntry),
      checkpointer,
      path: file,
      pending: new Map(),
    };
    current.worker.on("message", (reply: WriterReply) => {
      const waiting = current.pending.get(reply.id);
      if (!waiting) return;
      current.pending.delete(reply.id);
      if (current.pending.size === 0) current.worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else
        waiting.reject(
          Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }),
        );
    });
    const died = (error: Error) => {
      if (writer === current) writer = null;
      failAll(current, error);
      void current.checkpointer.terminate();
    };
    current.worker.on("error", died);
    current.worker.on("exit", (code) => died(new Error(`SQLite writer stopped (exit code ${code})`)));
    current.worker.unref();
    writer = current;
    return current;
  }

  return { sqliteWrite, closeSqliteWriter };
}

async function stop(current: Writer, reason: Error) {
  failAll(current, reason);
  await Promise.all([current.worker.terminate(), current.checkpointer.terminate()]);
}

function failAll(current: Writer, error: Error) {
  for (const { reject } of current.pending.values()) reject(error);
  current.pending.clear();
}

function startWorker(workerData: WriterOptions, sourceEntry: string): Worker {
  const here = fileURLToPath(import.meta.url);
  const built = path.join(path.dirname(here), "sqlite-writer.js");
  const transferList = workerData.peer ? [workerData.peer] : [];
  if (here.endsWith(".js") && existsSync(built)) return new Worker(built, { workerData, transferList });
  // From source: tsx's API imports the TypeScript entry in the thread (a worker's execArgv
  // cannot take `--import`). Only here, so the production build never needs tsx.
  const source = pathToFileURL(sourceEntry).href;
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}

/** tsx's ES-module API, by its package's own exports map (its CommonJS twin resolves paths wrongly from an eval'd thread). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"].import.default)).href;
}
