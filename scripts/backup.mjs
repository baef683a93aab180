#!/usr/bin/env node
// npm run backup [-- --dir <folder>] [--json]
//
// An online, consistent copy of the SQLite database while the app serves it
// (docs/decisions/014-durability.md). `VACUUM INTO` reads the database in one read
// transaction, so the copy is the database as of one instant, with every committed
// transaction and no half of one; in WAL mode the app keeps writing meanwhile (readers do
// not block the writer: https://www.sqlite.org/wal.html, https://www.sqlite.org/lang_vacuum.html#vacuuminto).
// The copy is written to a temporary name, checked with PRAGMA integrity_check, and only
// then renamed to backups/hailong-<timestamp>.db, so a file with that name is always whole.
import { renameSync, rmSync, statSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { countRows, fileTimestamp, integrityProblems, sqliteFileFromEnv } from "./sqlite-file.mjs";

const { values } = parseArgs({
  options: { dir: { type: "string", default: "backups" }, json: { type: "boolean", default: false } },
});

const source = sqliteFileFromEnv();
const dir = path.resolve(values.dir);
mkdirSync(dir, { recursive: true });
const target = path.join(dir, `hailong-${fileTimestamp()}.db`);
const partial = `${target}.partial`;

const started = performance.now();
const db = new Database(source, { fileMustExist: true, timeout: 5000 });
try {
  db.prepare("VACUUM INTO ?").run(partial);
} finally {
  db.close();
}

const copy = new Database(partial, { readonly: true });
let counts;
try {
  const problems = integrityProblems(copy);
  if (problems.length) throw new Error(`the copy failed PRAGMA integrity_check: ${problems.join("; ")}`);
  counts = countRows(copy);
} catch (error) {
  copy.close();
  rmSync(partial, { force: true });
  throw error;
}
copy.close();
renameSync(partial, target);

const result = { path: target, bytes: statSync(target).size, seconds: (performance.now() - started) / 1000, counts };
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`Backup of ${source}`);
  console.log(`  → ${target}`);
  console.log(`  ${(result.bytes / 1048576).toFixed(1)} MB in ${result.seconds.toFixed(1)} s, integrity_check ok`);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString("en")}`);
}
