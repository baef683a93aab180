import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./database-url";
import { sqlitePragmas } from "./sqlite-pragmas";

/**
 * The process's own database connections for the hot paths that bypass Prisma, the sync
 * API's lookups and store and the session and rate-limit checks
 * (docs/decisions/017-fast-submission-path.md): one Prisma query costs ~1–2 ms of CPU, a
 * prepared better-sqlite3 statement a few microseconds.
 *
 * - SQLite: a second better-sqlite3 connection to the same file, with the app's own pragmas
 *   (WAL, ADR 014), for READS only. In WAL mode a reader never waits for a writer, so its
 *   synchronous calls never hold up the event loop. Writes go to the writer thread
 *   (sqlite-writer.server.ts): better-sqlite3 waits for the write lock, and fsyncs,
 *   synchronously, which froze the event loop.
 * - PostgreSQL: one pg.Pool per process, shared with Prisma's adapter (db.server.ts), so
 *   the process holds one set of connections, whichever path a query takes.
 */
let sqlite: Database.Database | null = null;
let statements = new Map<string, Database.Statement>();
let pool: pg.Pool | null = null;

export function sqliteConnection(): Database.Database {
  if (sqlite?.open) return sqlite;
  sqlite = new Database(sqliteFilePath());
  sqlite.exec(sqlitePragmas());
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
  pool.on("error", (error) =>
    console.warn(`postgres pool: idle connection lost (${(error as { code?: string }).code ?? error.name})`),
  );
  return pool;
}

export function usesPostgres(): boolean {
  return isPostgresUrl(databaseUrl());
}
