/**
 * `tsx tests/support/cli/seeded.ts build <name>` builds the e2e data (seeded.ts) into the
 * SQLite file tests/.tmp/<name>.db and, when PostgreSQL is reachable, into the database
 * <name> on the run's server, both at once, and prints the variables that name them
 * (HAILONG_SEEDED_SQLITE=…, HAILONG_SEEDED_POSTGRES=…) on its last lines.
 * `… drop <name>` removes both. scripts/test.mjs runs these around the suites.
 */
import { databaseNamed } from "../database";
import { DEFAULT_POSTGRES_SERVER, ensurePostgresServer } from "../postgres";
import { buildSeededDatabase } from "../seeded";

const [action, name] = process.argv.slice(2);
if (!["build", "drop"].includes(action) || !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("Usage: tsx tests/support/cli/seeded.ts build|drop <name>");
  process.exit(2);
}
const server = process.env.HAILONG_TEST_POSTGRES_URL?.trim() || DEFAULT_POSTGRES_SERVER;
const sqlite = databaseNamed(name, null);
// Unreachable PostgreSQL is reported by the PostgreSQL runs themselves (with-postgres.ts).
const postgres = (await ensurePostgresServer(server)) ? databaseNamed(name, server) : null;
const targets = postgres ? [sqlite, postgres] : [sqlite];
if (action === "drop") {
  await Promise.all(targets.map((database) => database.drop()));
} else {
  await Promise.all(targets.map((database) => buildSeededDatabase(database)));
  process.stdout.write(`HAILONG_SEEDED_SQLITE=${sqlite.url}\n`);
  if (postgres) process.stdout.write(`HAILONG_SEEDED_POSTGRES=${postgres.url}\n`);
}
