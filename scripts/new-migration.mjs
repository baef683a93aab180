#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql by diffing the schema as last
// committed against the working copy. `prisma migrate dev` needs a shadow database that
// the Wasm engine cannot make on SQLite (docs/stack.md), so this is how a migration
// is written here. Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addToHistory } from "./migration-history.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const schema = "prisma/schema.prisma";
const hasMigrations =
  existsSync("prisma/migrations") &&
  execFileSync("git", ["ls-files", "prisma/migrations"], { encoding: "utf8" }).trim() !== "";
let from = ["--from-empty"];
if (hasMigrations) {
  const previous = path.join(mkdtempSync(path.join(tmpdir(), "hailong-")), "schema.prisma");
  writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`], { encoding: "utf8" }));
  from = ["--from-schema-datamodel", previous];
}
const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
  encoding: "utf8",
});
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.error("The schema has not changed since the last commit: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
if (!existsSync("prisma/migrations/migration_lock.toml")) {
  writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "sqlite"\n');
}
console.log(`Wrote ${dir}/migration.sql`);
// The schema snapshot and the PostgreSQL twin (docs/decisions/015-postgresql.md).
await addToHistory(`${stamp}_${name}`);
console.log(
  `Wrote prisma/snapshots/${stamp}_${name}.prisma and prisma/postgresql/migrations/${stamp}_${name}/migration.sql`,
);
