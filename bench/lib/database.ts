/**
 * The database-specific part of the submission benchmark and the crash test: making a fresh
 * database with the demo data, and reading what was stored. SQLite files, or PostgreSQL
 * databases on a server (default the local one, trust auth; BENCH_POSTGRES_URL): a fresh
 * database, the PostgreSQL migrations (`npm run db:migrate`, scripts/db-migrate.mjs), the
 * same seed; copies through CREATE DATABASE … TEMPLATE.
 */
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPostgresDatabase, dropPostgresDatabase, onServer, postgresUrlFor } from "../../tests/setup/postgres";

export interface BenchDatabase {
  kind: "sqlite" | "postgres";
  url: string;
  /** Remove it (files, or the database). */
  drop(): Promise<void>;
}

/** BENCH_POSTGRES_URL, else the test suites' server (HAILONG_TEST_POSTGRES_URL, scripts/with-postgres.mjs), else the local one. */
export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL?.trim() || process.env.HAILONG_TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

// Database names, URLs, create and drop: the test suites' own helpers (quoting included).
function postgresDatabase(name: string): BenchDatabase {
  return { kind: "postgres", url: postgresUrlFor(POSTGRES_SERVER, name), drop: () => dropPostgresDatabase(POSTGRES_SERVER, name) };
}

/** A fresh PostgreSQL database `name` (dropped first if it exists), migrated and seeded with the demo data. */
export async function freshPostgresDatabase(name: string): Promise<BenchDatabase> {
  const database = postgresDatabase(name);
  await database.drop();
  await createPostgresDatabase(POSTGRES_SERVER, name);
  await promisify(exec)("node scripts/db-migrate.mjs && npx tsx prisma/seed.ts", { env: { ...process.env, DATABASE_URL: database.url } });
  return database;
}

/** A fresh SQLite file at `file`, migrated and seeded with the demo data (as scripts/e2e-server.mjs). */
export async function freshDatabase(file: string): Promise<BenchDatabase> {
  mkdirSync(path.dirname(file), { recursive: true });
  const database = sqliteDatabase(file);
  await database.drop();
  // Asynchronous, so a test runner's worker stays responsive while it runs.
  await promisify(exec)("npx prisma migrate deploy && npx tsx prisma/seed.ts", { env: { ...process.env, DATABASE_URL: database.url } });
  return database;
}

function sqliteDatabase(file: string): BenchDatabase {
  return {
    kind: "sqlite",
    url: `file:${file}`,
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * Copy a prepared database (faster than seeding again): SQLite's own online copy into the
 * file `target`, or on PostgreSQL a database named `target` made from it as a template.
 */
export async function copyDatabase(from: BenchDatabase, target: string): Promise<BenchDatabase> {
  if (from.kind === "postgres") {
    const copy = postgresDatabase(target);
    await copy.drop();
    const template = new URL(from.url).pathname.slice(1);
    await createPostgresDatabase(POSTGRES_SERVER, target, template);
    return copy;
  }
  const copy = sqliteDatabase(target);
  await copy.drop();
  const db = new Database(from.url.slice("file:".length), { readonly: true });
  db.prepare("VACUUM INTO ?").run(target);
  db.close();
  return copy;
}

export interface StoredResponse {
  id: string;
  answers: number;
  contentHash: string | null;
}

const STORED_SQL = `SELECT r."id" AS "id", r."contentHash" AS "contentHash", (SELECT COUNT(*) FROM "Answer" a WHERE a."responseId" = r."id") AS "answers"
  FROM "Response" r JOIN "Round" o ON o."id" = r."roundId" WHERE o."code" = `;

/** The stored questionnaires of a round, with their number of answer rows. */
export async function storedResponses(database: BenchDatabase, roundCode: string): Promise<StoredResponse[]> {
  if (database.kind === "postgres") {
    const rows = await onServer(database.url, async (c) => (await c.query(`${STORED_SQL}$1`, [roundCode])).rows);
    return rows.map((r) => ({ ...r, answers: Number(r.answers) }));
  }
  const db = new Database(database.url.slice("file:".length), { readonly: true });
  try {
    return db.prepare(`${STORED_SQL}?`).all(roundCode) as StoredResponse[];
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check on SQLite: "ok" or the first problem. PostgreSQL checks itself: "ok" once it answers. */
export async function integrity(database: BenchDatabase): Promise<string> {
  if (database.kind === "postgres") return onServer(database.url, async (c) => ((await c.query("SELECT 1")).rowCount === 1 ? "ok" : "no answer"));
  const db = new Database(database.url.slice("file:".length), { readonly: true });
  try {
    return String(db.prepare("PRAGMA integrity_check(1)").pluck().get());
  } finally {
    db.close();
  }
}

export interface BenchEnumerator {
  roundCode: string;
  unitCode: string;
  email: string;
  password: string;
}

/**
 * A collecting round on the demo questionnaire, and an enumerator assigned to one of its
 * units, written directly (as tests/e2e/sync-api.spec.ts does). Returns how to sign in.
 */
export async function addEnumerator(database: BenchDatabase, suffix: string): Promise<BenchEnumerator> {
  const { hash } = await import("@node-rs/argon2");
  const password = `bench-${suffix}-password`;
  const enumerator = { roundCode: `bench-${suffix}`, unitCode: "huyen-tam-duong", email: `bench-${suffix}@hailong.test`, password };
  const passwordHash = await hash(password);
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00"); // the SQLite adapter's DateTime format
  const [roundId, userId, assignmentId, now] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), new Date()];
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO "Round" ("id", "code", "title", "periodStart", "periodEnd", "planReference", "instrumentId", "status", "targetSampleSize", "createdAt")
       SELECT ?, ?, 'Benchmark', ?, ?, 'BENCH', "instrumentId", 'collecting', 10, ? FROM "Round" WHERE "code" = 'lai-chau-2020'`,
      [roundId, enumerator.roundCode, new Date("2020-01-01"), new Date("2099-12-31"), now],
    ],
    [
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt") VALUES (?, ?, 'Benchmark', ?, 'enumerator', ?)`,
      [userId, enumerator.email, passwordHash, now],
    ],
    [
      `INSERT INTO "Assignment" ("id", "roundId", "userId", "unitId", "createdAt") SELECT ?, ?, ?, "id", ? FROM "Unit" WHERE "code" = ?`,
      [assignmentId, roundId, userId, now, enumerator.unitCode],
    ],
  ];
  if (database.kind === "postgres") {
    await onServer(database.url, async (c) => {
      for (const [sql, params] of statements) {
        let n = 0;
        // timestamp(3) columns hold UTC wall time, as Prisma's pg adapter writes them.
        const values = params.map((p) => (p instanceof Date ? p.toISOString().replace("T", " ").replace("Z", "") : p));
        await c.query(sql.replace(/\?/g, () => `$${++n}`), values);
      }
    });
    return enumerator;
  }
  const db = new Database(database.url.slice("file:".length));
  try {
    for (const [sql, params] of statements) db.prepare(sql).run(...params.map((p) => (p instanceof Date ? iso(p) : p)));
  } finally {
    db.close();
  }
  return enumerator;
}
