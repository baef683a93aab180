import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { BUSY_TIMEOUT_MS, sqlitePragmas, sqliteSynchronous } from "./sqlite-durability.server";

/**
 * The process's own database connections for the one hot path that bypasses Prisma, the
 * sync API's store (docs/decisions/017-fast-submission-path.md): one Prisma query costs
 * ~1–2 ms of CPU, a prepared better-sqlite3 statement a few microseconds.
 *
 * - SQLite: a second better-sqlite3 connection to the same file, with the app's own pragmas
 *   (WAL, the synchronous level, ADR 014). Its busy_timeout is then set to 0: better-sqlite3
 *   waits for a lock synchronously, which would freeze the event loop while Prisma's
 *   connection, in this same process, holds the write lock across an `await` of an
 *   interactive transaction (a deadlock until the timeout). The store waits for the lock
 *   asynchronously instead, for the same BUSY_TIMEOUT_MS (`withWriteLock`).
 * - PostgreSQL: one pg.Pool per process, shared with Prisma's adapter (db.server.ts), so
 *   the process holds one set of connections, whichever path a query takes.
 */
let sqlite: Database.Database | null = null;
let statements = new Map<string, Database.Statement>();
let pool: pg.Pool | null = null;

export function sqliteConnection(): Database.Database {
  if (sqlite?.open) return sqlite;
  const url = databaseUrl();
  if (isPostgresUrl(url)) throw new Error("sqliteConnection: DATABASE_URL is PostgreSQL");
  sqlite = new Database(url.replace(/^file:/, ""));
  sqlite.exec(sqlitePragmas());
  sqlite.pragma("busy_timeout = 0");
  statements = new Map();
  return sqlite;
}

/** A prepared statement of the SQLite connection, compiled once per process. */
export function sqliteStatement(sql: string): Database.Statement {
  const db = sqliteConnection();
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function postgresPool(): pg.Pool {
  if (pool && !pool.ended) return pool;
  pool = new pg.Pool({ connectionString: databaseUrl(), allowExitOnIdle: true });
  // An idle connection the server ends (a restart, a dropped test database) must not crash the process.
  pool.on("error", (error) => console.warn(`postgres pool: idle connection lost (${(error as { code?: string }).code ?? error.name})`));
  return pool;
}

export function usesPostgres(): boolean {
  return isPostgresUrl(databaseUrl());
}

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test((error as { code?: string })?.code ?? "");

/**
 * Run `work` inside BEGIN IMMEDIATE … COMMIT on the SQLite connection, waiting for the write
 * lock without blocking the event loop (retries with a growing pause, up to BUSY_TIMEOUT_MS).
 * `work` is synchronous: nothing else runs on this connection while it holds the lock.
 *
 * `durable: false` commits without an fsync (synchronous=NORMAL for that one commit), for
 * counters whose last increments may be lost on a power cut (rate limits); a later durable
 * commit fsyncs the log with them in it. Never for anything acknowledged to a person.
 */
export async function withWriteLock<T>(work: (db: Database.Database) => T, { durable = true } = {}): Promise<T> {
  const db = sqliteConnection();
  // The level changes only outside a transaction (SQLite refuses it inside), and is put back
  // before any await, so no other commit of this connection ever runs with it.
  const relax = () => !durable && db.pragma("synchronous = NORMAL");
  const restore = () => !durable && db.pragma(`synchronous = ${sqliteSynchronous()}`);
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      relax();
      db.exec("BEGIN IMMEDIATE");
      break;
    } catch (error) {
      restore();
      if (!isBusy(error) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  try {
    const result = work(db);
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  } finally {
    restore();
  }
}
