#!/usr/bin/env node
// `npm run db:migrate`: bring the database named by DATABASE_URL up to date.
//
// - SQLite (file:…): `prisma migrate deploy`.
// - PostgreSQL (postgresql://…): Prisma's Wasm schema engine cannot migrate PostgreSQL
//   (docs/stack.md: "Column type 'name' could not be deserialized"), so this applies
//   prisma/postgresql/migrations itself: each migration once, in order, in its own
//   transaction (PostgreSQL has transactional DDL, so a failed migration leaves nothing
//   half-applied), recorded in "_hailong_migrations" with a SHA-256 of its SQL. A recorded
//   migration whose file changed afterwards stops the run: history is never rewritten.
//   An advisory lock keeps two app instances starting at once from racing.
// docs/decisions/015-postgresql.md
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const LOCK_ID = 0x4841494c; // "HAIL"

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url ?? "");
}

export async function migratePostgres(url, { log = console.log } = {}) {
  const dir = path.join(root, "prisma", "postgresql", "migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_hailong_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query('SELECT name, checksum FROM "_hailong_migrations"');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    let count = 0;
    for (const name of names) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_hailong_migrations" (name, checksum) VALUES ($1, $2)', [name, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${error.message}`);
      }
      count += 1;
      log(`Applied ${name}`);
    }
    log(count ? `${count} migration(s) applied.` : "PostgreSQL schema is up to date.");
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const url = process.env.DATABASE_URL?.trim() || "file:./data/hailong.db";
  if (isPostgresUrl(url)) {
    try {
      await migratePostgres(url);
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
  } else {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    });
  }
}
