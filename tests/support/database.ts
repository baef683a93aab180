/**
 * Database lifecycle for every suite and benchmark, on SQLite or PostgreSQL: name one,
 * create it empty, migrate it (scripts/db-migrate.mjs, as production does), seed the demo
 * data (prisma/seed.ts), copy a prepared one, drop it. The one copy of these steps: vitest's
 * global setup (tests/setup/), the e2e server, the crash test and bench/ all use it.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  onServer,
  postgresDatabaseName,
  postgresTestServer,
  postgresUrlFor,
} from "./postgres";

export interface TestDatabase {
  kind: "sqlite" | "postgres";
  /** DATABASE_URL for the app, Prisma and scripts. */
  url: string;
  /** Remove it (its files, or the database). */
  drop(): Promise<void>;
}

/** Scratch files of the suites (git-ignored). */
export const TMP_DIR = path.resolve("tests/.tmp");

const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

export function sqliteDatabase(file: string): TestDatabase {
  const absolute = path.resolve(file);
  return {
    kind: "sqlite",
    url: `file:${absolute}`,
    drop: async () => {
      for (const suffix of SQLITE_SUFFIXES) rmSync(absolute + suffix, { force: true });
    },
  };
}

export function postgresDatabase(server: string, name: string): TestDatabase {
  return { kind: "postgres", url: postgresUrlFor(server, name), drop: () => dropPostgresDatabase(server, name) };
}

/**
 * The database called `name` ([a-z0-9_]): on the PostgreSQL server of the run when there is
 * one (HAILONG_TEST_POSTGRES_URL), else the SQLite file tests/.tmp/<name>.db.
 */
export function databaseNamed(name: string, server: string | null = postgresTestServer()): TestDatabase {
  return server ? postgresDatabase(server, name) : sqliteDatabase(path.join(TMP_DIR, `${name}.db`));
}

/** The SQLite file of a file: URL. */
export function sqliteFile(database: TestDatabase): string {
  if (database.kind !== "sqlite") throw new Error(`${database.url} is not a SQLite file`);
  return database.url.slice("file:".length);
}

function serverOf(database: TestDatabase): string {
  const url = new URL(database.url);
  url.pathname = "/postgres";
  return url.toString();
}

/** Drop it if it exists, then make it anew and empty (no tables). */
export async function createEmptyDatabase(database: TestDatabase): Promise<TestDatabase> {
  await database.drop();
  if (database.kind === "postgres")
    await createPostgresDatabase(serverOf(database), postgresDatabaseName(database.url));
  else mkdirSync(path.dirname(sqliteFile(database)), { recursive: true });
  return database;
}

const run = promisify(execFile);
/** A child process in the project with DATABASE_URL set; asynchronous, so a test runner's worker stays responsive. */
async function runWith(database: TestDatabase, command: string, args: string[]) {
  try {
    await run(command, args, { env: { ...process.env, DATABASE_URL: database.url }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed on ${database.url}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** The committed migrations, as `npm run db:migrate` applies them (prisma migrate deploy on SQLite, scripts/db-migrate.mjs' runner on PostgreSQL). */
export function migrateDatabase(database: TestDatabase): Promise<void> {
  return runWith(database, process.execPath, ["scripts/db-migrate.mjs"]);
}

/** The demo data (prisma/seed.ts: 47 units, two rounds, 1,250 questionnaires, the demo accounts). */
export function seedDemoData(database: TestDatabase): Promise<void> {
  return runWith(database, "npx", ["tsx", "prisma/seed.ts"]);
}

/** A fresh database `database`: empty, migrated, and with the demo data unless `demo: false`. */
export async function freshDatabase(database: TestDatabase, options: { demo?: boolean } = {}): Promise<TestDatabase> {
  await createEmptyDatabase(database);
  await migrateDatabase(database);
  if (options.demo ?? true) await seedDemoData(database);
  return database;
}

/**
 * Copy a prepared database into `target` (dropped first): on PostgreSQL CREATE DATABASE …
 * TEMPLATE (the template must have no open connection); on SQLite a file copy when the
 * source is closed and checkpointed, else SQLite's own online copy (VACUUM INTO).
 */
export async function copyDatabase(from: TestDatabase, target: TestDatabase): Promise<TestDatabase> {
  if (from.kind !== target.kind) throw new Error(`cannot copy ${from.kind} into ${target.kind}`);
  await target.drop();
  if (target.kind === "postgres") {
    await createPostgresDatabase(serverOf(target), postgresDatabaseName(target.url), postgresDatabaseName(from.url));
    return target;
  }
  const source = sqliteFile(from);
  mkdirSync(path.dirname(sqliteFile(target)), { recursive: true });
  if (!existsSync(`${source}-wal`)) {
    copyFileSync(source, sqliteFile(target));
    return target;
  }
  const db = new Database(source, { readonly: true });
  try {
    db.prepare("VACUUM INTO ?").run(sqliteFile(target));
  } finally {
    db.close();
  }
  return target;
}

/** PRAGMA integrity_check on SQLite: "ok" or the first problem. PostgreSQL checks itself: "ok" once it answers. */
export async function integrity(database: TestDatabase): Promise<string> {
  if (database.kind === "postgres") {
    return onServer(database.url, async (c) => ((await c.query("SELECT 1")).rowCount === 1 ? "ok" : "no answer"));
  }
  const db = new Database(sqliteFile(database), { readonly: true });
  try {
    return String(db.prepare("PRAGMA integrity_check(1)").pluck().get());
  } finally {
    db.close();
  }
}

/** The database a DATABASE_URL names (file: or postgresql://). Dropping it removes it. */
export function databaseFromUrl(url: string): TestDatabase {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const server = new URL(url);
    server.pathname = "/postgres";
    return postgresDatabase(server.toString(), postgresDatabaseName(url));
  }
  return sqliteDatabase(url.replace(/^file:/, ""));
}
