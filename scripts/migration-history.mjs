#!/usr/bin/env node
// One schema, two migration histories (docs/decisions/015-postgresql.md).
//
// prisma/schema.prisma (SQLite) is the only schema anyone edits. Every migration keeps a
// snapshot of it (prisma/snapshots/<migration>.prisma); from consecutive snapshots this
// script derives, with `prisma migrate diff --script` (which works offline for both
// providers; docs/stack.md):
//   - prisma/migrations/<name>/migration.sql             (SQLite, applied by prisma migrate deploy)
//   - prisma/postgresql/migrations/<name>/migration.sql  (PostgreSQL, applied by scripts/db-migrate.mjs)
//   - prisma/postgresql/schema.prisma                    (the PostgreSQL client's schema)
// `check` regenerates all of it in a temporary folder and fails on any difference, so the
// histories cannot drift from the schema or from each other (tests/data/migration-history.test.ts).
//
// Usage: node scripts/migration-history.mjs check | write
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const SCHEMA = path.join(root, "prisma", "schema.prisma");
export const SQLITE_MIGRATIONS = path.join(root, "prisma", "migrations");
export const SNAPSHOTS = path.join(root, "prisma", "snapshots");
export const PG_DIR = path.join(root, "prisma", "postgresql");
export const PG_SCHEMA = path.join(PG_DIR, "schema.prisma");
export const PG_MIGRATIONS = path.join(PG_DIR, "migrations");

const GENERATED_NOTICE =
  "// GENERATED from prisma/schema.prisma by scripts/migration-history.mjs: do not edit.\n" +
  "// The PostgreSQL twin of the schema, for the PostgreSQL client (app/generated/prisma-pg).\n";

/** The PostgreSQL schema: the same models, another provider and client output. */
export function postgresSchemaOf(sqliteSchema) {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output     = "../../app/generated/prisma-pg"');
  if (swapped === sqliteSchema || !swapped.includes("prisma-pg")) {
    throw new Error('prisma/schema.prisma: expected provider "sqlite" and output "../app/generated/prisma"');
  }
  return GENERATED_NOTICE + swapped;
}

/** Migration names in order (their timestamps sort). */
export function migrationNames() {
  return readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function diff(fromSchemaFile, toSchemaFile) {
  const from = fromSchemaFile ? ["--from-schema-datamodel", fromSchemaFile] : ["--from-empty"];
  const { stdout } = await run(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", toSchemaFile, "--script"],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * Everything derived from the snapshots, as { relativePath: content }. Diffs run two at
 * a time (the machines have 2 cores).
 */
export async function derivedFiles() {
  const names = migrationNames();
  const work = mkdtempSync(path.join(tmpdir(), "hailong-history-"));
  const files = {};
  const jobs = [];
  names.forEach((name, k) => {
    const snapshot = path.join(SNAPSHOTS, `${name}.prisma`);
    if (!existsSync(snapshot)) throw new Error(`prisma/snapshots/${name}.prisma is missing`);
    const previous = k === 0 ? null : path.join(SNAPSHOTS, `${names[k - 1]}.prisma`);
    const pgTo = path.join(work, `${name}.pg.prisma`);
    writeFileSync(pgTo, postgresSchemaOf(readFileSync(snapshot, "utf8")));
    let pgFrom = null;
    if (previous) {
      pgFrom = path.join(work, `${names[k - 1]}.pg-from.prisma`);
      writeFileSync(pgFrom, postgresSchemaOf(readFileSync(previous, "utf8")));
    }
    jobs.push(async () => {
      files[`prisma/migrations/${name}/migration.sql`] = await diff(previous, snapshot);
    });
    jobs.push(async () => {
      files[`prisma/postgresql/migrations/${name}/migration.sql`] = await diff(pgFrom, pgTo);
    });
  });
  for (let i = 0; i < jobs.length; i += 2) await Promise.all(jobs.slice(i, i + 2).map((job) => job()));
  files["prisma/postgresql/schema.prisma"] = postgresSchemaOf(readFileSync(SCHEMA, "utf8"));
  return files;
}

/** Differences between the committed files and what the snapshots derive, as messages. */
export async function checkHistory() {
  const problems = [];
  const names = migrationNames();
  const last = names.at(-1);
  if (last && readFileSync(path.join(SNAPSHOTS, `${last}.prisma`), "utf8") !== readFileSync(SCHEMA, "utf8")) {
    problems.push(
      `prisma/schema.prisma differs from the last migration's snapshot (${last}): write a migration with npm run db:new-migration -- <name>`,
    );
  }
  const pgNames = existsSync(PG_MIGRATIONS)
    ? readdirSync(PG_MIGRATIONS, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  if (pgNames.join() !== names.join()) {
    problems.push(`PostgreSQL migrations [${pgNames.join(", ")}] are not the SQLite ones [${names.join(", ")}]`);
  }
  const files = await derivedFiles();
  for (const [relative, expected] of Object.entries(files)) {
    const file = path.join(root, relative);
    const actual = existsSync(file) ? readFileSync(file, "utf8") : null;
    if (actual !== expected)
      problems.push(`${relative} is not what the schema snapshots give (run: npm run db:history -- write)`);
  }
  return problems;
}

/**
 * After a new SQLite migration `name` was written from the working schema: keep the
 * schema's snapshot and write the PostgreSQL twin of the migration and of the schema.
 */
export async function addToHistory(name) {
  const names = migrationNames();
  const k = names.indexOf(name);
  if (k < 0) throw new Error(`no migration ${name}`);
  mkdirSync(SNAPSHOTS, { recursive: true });
  const snapshot = path.join(SNAPSHOTS, `${name}.prisma`);
  writeFileSync(snapshot, readFileSync(SCHEMA, "utf8"));
  const work = mkdtempSync(path.join(tmpdir(), "hailong-history-"));
  const to = path.join(work, "to.prisma");
  writeFileSync(to, postgresSchemaOf(readFileSync(snapshot, "utf8")));
  let from = null;
  if (k > 0) {
    from = path.join(work, "from.prisma");
    writeFileSync(from, postgresSchemaOf(readFileSync(path.join(SNAPSHOTS, `${names[k - 1]}.prisma`), "utf8")));
  }
  const sql = await diff(from, to);
  mkdirSync(path.join(PG_MIGRATIONS, name), { recursive: true });
  writeFileSync(path.join(PG_MIGRATIONS, name, "migration.sql"), sql);
  writeFileSync(PG_SCHEMA, postgresSchemaOf(readFileSync(SCHEMA, "utf8")));
}

export async function writeHistory() {
  const files = await derivedFiles();
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return Object.keys(files);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const command = process.argv[2];
  if (command === "write") {
    for (const file of await writeHistory()) console.log(`wrote ${file}`);
  } else if (command === "check") {
    const problems = await checkHistory();
    for (const p of problems) console.error(p);
    process.exit(problems.length ? 1 : 0);
  } else {
    console.error("Usage: node scripts/migration-history.mjs check | write");
    process.exit(2);
  }
}
