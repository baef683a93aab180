/**
 * The database-specific part of the submission benchmark and the crash test: making a fresh
 * database with the demo data, and reading what was stored. Only SQLite today; a
 * `postgresql://` run adds its branch here (a fresh schema, `prisma db execute` of the
 * PostgreSQL migrations, the same seed) and nothing else in bench/ or tests/crash/ changes.
 */
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface BenchDatabase {
  url: string;
  /** Remove it (files, or the schema). */
  drop(): void;
}

/** A fresh SQLite file at `file`, migrated and seeded with the demo data (as scripts/e2e-server.mjs). */
export async function freshDatabase(file: string): Promise<BenchDatabase> {
  mkdirSync(path.dirname(file), { recursive: true });
  const drop = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  };
  drop();
  const url = `file:${file}`;
  // Asynchronous, so a test runner's worker stays responsive while it runs.
  await promisify(exec)("npx prisma migrate deploy && npx tsx prisma/seed.ts", { env: { ...process.env, DATABASE_URL: url } });
  return { url, drop };
}

/** Copy a prepared database (faster than seeding again): SQLite's own online copy. */
export function copyDatabase(from: BenchDatabase, file: string): BenchDatabase {
  const target: BenchDatabase = {
    url: `file:${file}`,
    drop: () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
  target.drop();
  const db = new Database(from.url.slice("file:".length), { readonly: true });
  db.prepare("VACUUM INTO ?").run(file);
  db.close();
  return target;
}

export interface StoredResponse {
  id: string;
  answers: number;
  contentHash: string | null;
}

/** The stored questionnaires of a round, with their number of answer rows. */
export function storedResponses(database: BenchDatabase, roundCode: string): StoredResponse[] {
  const db = new Database(database.url.slice("file:".length), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.id AS id, r.contentHash AS contentHash, (SELECT COUNT(*) FROM Answer a WHERE a.responseId = r.id) AS answers
         FROM Response r JOIN Round o ON o.id = r.roundId WHERE o.code = ?`,
      )
      .all(roundCode) as StoredResponse[];
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check: "ok" or the first problem. */
export function integrity(database: BenchDatabase): string {
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
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00"); // the adapter's DateTime format
  const db = new Database(database.url.slice("file:".length));
  try {
    const base = db.prepare("SELECT instrumentId FROM Round WHERE code = 'lai-chau-2020'").get() as { instrumentId: string };
    const unit = db.prepare("SELECT id FROM Unit WHERE code = ?").get(enumerator.unitCode) as { id: string };
    const [roundId, userId, now] = [crypto.randomUUID(), crypto.randomUUID(), iso(new Date())];
    db.prepare(
      "INSERT INTO Round (id, code, title, periodStart, periodEnd, planReference, instrumentId, status, targetSampleSize, createdAt) VALUES (?, ?, 'Benchmark', ?, ?, 'BENCH', ?, 'collecting', 10, ?)",
    ).run(roundId, enumerator.roundCode, iso(new Date("2020-01-01")), iso(new Date("2099-12-31")), base.instrumentId, now);
    db.prepare("INSERT INTO User (id, email, name, passwordHash, role, createdAt) VALUES (?, ?, 'Benchmark', ?, 'enumerator', ?)").run(
      userId,
      enumerator.email,
      passwordHash,
      now,
    );
    db.prepare("INSERT INTO Assignment (id, roundId, userId, unitId, createdAt) VALUES (?, ?, ?, ?, ?)").run(crypto.randomUUID(), roundId, userId, unit.id, now);
  } finally {
    db.close();
  }
  return enumerator;
}
