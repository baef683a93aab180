#!/usr/bin/env node
// npm run restore -- <backup file>
//
// Replaces the database DATABASE_URL names with a backup made by `npm run backup`.
// Stop the app first (every instance): the script refuses while another process has the
// database open, and checks the backup before it touches anything:
//   1. the backup passes PRAGMA integrity_check and holds the app's tables;
//   2. the current database is switched out of WAL mode, which SQLite allows only when no
//      other connection is open (SQLITE_BUSY otherwise: "stop the app") and which folds
//      any write-ahead log left by a crash into the file, so the file set aside is whole;
//   3. the current file is kept aside as <name>.before-restore-<timestamp>;
//   4. the backup is copied to a temporary name and renamed over the database (a rename is
//      atomic: the database is either the old file or the whole backup, never half).
// The app switches the restored file back to WAL mode when it opens it.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { countRows, fileTimestamp, integrityProblems, sqliteFileFromEnv } from "./sqlite-file.mjs";

const REQUIRED_TABLES = ["_prisma_migrations", "Response", "Answer", "Round", "Unit"];

function fail(message) {
  console.error(`restore: ${message}`);
  process.exit(1);
}

const backup = process.argv[2] ? path.resolve(process.argv[2]) : fail("usage: npm run restore -- <backup file>");
if (!existsSync(backup)) fail(`no such file: ${backup}`);
let target;
try {
  target = sqliteFileFromEnv();
} catch (error) {
  fail(error.message);
}
if (backup === target) fail("the backup is the database itself");

// 1. The backup must be a whole, sound database of this app.
let counts;
{
  let db;
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(db);
    if (problems.length) fail(`${backup} failed PRAGMA integrity_check: ${problems.join("; ")}`);
    counts = countRows(db);
  } catch (error) {
    fail(`${backup} is not a readable SQLite database (${error.message})`);
  } finally {
    db?.close();
  }
  const missing = REQUIRED_TABLES.filter((table) => !(table in counts));
  if (missing.length) fail(`${backup} is not a Hài Lòng database (missing tables: ${missing.join(", ")})`);
}

// 2–3. Set the current database aside, only if nobody has it open.
let aside = null;
if (existsSync(target)) {
  const current = new Database(target, { timeout: 0 });
  try {
    current.pragma("journal_mode = DELETE");
  } catch (error) {
    current.close();
    if (error.code === "SQLITE_BUSY")
      fail(`${target} is in use: stop the app (every instance) and run the restore again.`);
    throw error;
  }
  current.close();
  aside = `${target}.before-restore-${fileTimestamp()}`;
  renameSync(target, aside);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
}

// 4. Copy, then rename into place.
const partial = `${target}.restoring`;
copyFileSync(backup, partial);
const fd = openSync(partial, "r+");
fsyncSync(fd); // on disk before the rename makes it the database
closeSync(fd);
renameSync(partial, target);

console.log(`Restored ${target}`);
console.log(`  from ${backup} (integrity_check ok)`);
if (aside) console.log(`  the previous database is kept as ${aside}`);
for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString("en")}`);
