// The SQLite-specific part of backup and restore (docs/decisions/014-durability.md): where the
// database file is, and how to count its rows. A PostgreSQL deployment backs up with
// pg_dump / pg_basebackup instead; the scripts refuse a postgresql:// URL and say so.
import path from "node:path";

const DEFAULT_DATABASE_URL = "file:./data/hailong.db"; // as app/db/database-url.ts

/** The SQLite file DATABASE_URL names, resolved like Prisma (relative to the project). */
export function sqliteFileFromEnv(env = process.env) {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL is not a SQLite file (${url.split(":")[0]}:…). For PostgreSQL use pg_dump / pg_restore (docs/operations.md, "Backups and durability").`,
    );
  }
  return path.resolve(url.slice("file:".length));
}

/** Row counts of every table but SQLite's own, in name order. */
export function countRows(db) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get()]));
}

/** "ok", or the problems PRAGMA integrity_check reports (first 10). */
export function integrityProblems(db) {
  const rows = db.prepare("PRAGMA integrity_check(10)").pluck().all();
  return rows.length === 1 && rows[0] === "ok" ? [] : rows;
}

/** A timestamp usable in a file name on every system: 2026-11-27T21-40-05Z. */
export function fileTimestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
}
