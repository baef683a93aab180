import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseNamed, freshDatabase, TMP_DIR } from "../support/database";
import { dropPostgresDatabase, postgresDatabasesStartingWith, postgresTestServer } from "../support/postgres";

/**
 * Vitest global setup: build one database from the committed migrations (the real
 * schema, no mocked Prisma). Each test file copies it (tests/setup/test-db.ts), so tests
 * never see each other's rows. docs/style.md, after Epic Stack's tests/setup/db-setup.ts.
 *
 * SQLite by default. With HAILONG_TEST_POSTGRES_URL set (a server URL whose user may create
 * databases, tests/support/cli/with-postgres.ts) the template is a PostgreSQL database and
 * each file gets `CREATE DATABASE … TEMPLATE` of it (docs/decisions/015-postgresql.md).
 * HAILONG_TEMPLATE_DB names the template by its URL.
 */
export default async function setup() {
  // The run's id names every per-file copy (test-db.ts), so the teardown can remove the ones a
  // file left: Vitest runs no afterAll of a file whose tests are all skipped (a SQLite-only
  // file on PostgreSQL), and such copies piled up on the shared server.
  const run = String(process.pid);
  process.env.HAILONG_TEST_RUN = run;
  const server = postgresTestServer();
  // One template per run, so two runs in the same tree or on one server do not delete each other's.
  const template = await freshDatabase(databaseNamed(`hailong_tpl_${run}`, server), { demo: false });
  process.env.HAILONG_TEMPLATE_DB = template.url;
  return async () => {
    const copies = `hailong_t_${run}_`;
    if (server)
      for (const name of await postgresDatabasesStartingWith(server, copies)) await dropPostgresDatabase(server, name);
    else
      for (const file of readdirSync(TMP_DIR).filter((name) => name.startsWith(copies)))
        rmSync(path.join(TMP_DIR, file), { force: true });
    await template.drop();
  };
}
