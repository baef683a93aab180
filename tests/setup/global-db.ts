import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dropPostgresDatabase, postgresDatabasesStartingWith, postgresTestServer, postgresUrlFor, createPostgresDatabase } from "./postgres";

/**
 * Vitest global setup: build one database from the committed migrations (the real
 * schema, no mocked Prisma). Each test file copies it (tests/setup/test-db.ts), so tests
 * never see each other's rows. docs/style.md, after Epic Stack's tests/setup/db-setup.ts.
 *
 * SQLite by default. With HAILONG_TEST_POSTGRES_URL set (a server URL whose user may create
 * databases, e.g. postgresql://postgres@127.0.0.1:5432/postgres) the template is a
 * PostgreSQL database migrated by scripts/db-migrate.mjs, and each file gets
 * `CREATE DATABASE … TEMPLATE` of it (docs/decisions/015-postgresql.md).
 */
export default async function setup() {
  // The run's id names every per-file copy (test-db.ts), so the teardown can remove the ones a
  // file left: Vitest runs no afterAll of a file whose tests are all skipped (a SQLite-only
  // file on PostgreSQL), and such copies piled up on the shared server.
  const run = String(process.pid);
  process.env.HAILONG_TEST_RUN = run;
  const server = postgresTestServer();
  if (server) {
    const template = `hailong_tpl_${process.pid}`;
    process.env.HAILONG_TEMPLATE_DB = template;
    await dropPostgresDatabase(server, template);
    await createPostgresDatabase(server, template);
    execFileSync("node", ["scripts/db-migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: postgresUrlFor(server, template) },
      stdio: "pipe",
    });
    return async () => {
      for (const name of await postgresDatabasesStartingWith(server, `hailong_t_${run}_`)) await dropPostgresDatabase(server, name);
      await dropPostgresDatabase(server, template);
    };
  }
  // One template per run, so two runs in the same tree do not delete each other's.
  const TEMPLATE_DB = path.resolve(`tests/.tmp/template-${process.pid}.db`);
  process.env.HAILONG_TEMPLATE_DB = TEMPLATE_DB;
  mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  rmSync(TEMPLATE_DB, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  return () => {
    rmSync(TEMPLATE_DB, { force: true });
    const dir = path.dirname(TEMPLATE_DB);
    for (const file of readdirSync(dir).filter((name) => name.startsWith(`test-${run}-`))) rmSync(path.join(dir, file), { force: true });
  };
}
