/**
 * Runs a command against PostgreSQL: `tsx tests/support/cli/with-postgres.ts <command…>`.
 * The suites that run on both databases (docs/decisions/015-postgresql.md) run a second time
 * through this, with HAILONG_TEST_POSTGRES_URL set to a server where they may create
 * databases (default: the local server, trust auth, user postgres). A server that is down is
 * started as the project's machines allow (postgres.ts).
 *
 * PostgreSQL that cannot be reached is a FAILURE: a test run that skipped half its
 * databases would pass while proving less. Someone without PostgreSQL who knows it sets
 * HAILONG_SKIP_POSTGRES=1 to skip these runs with a notice; CI=true refuses that too.
 */
import { spawn } from "node:child_process";
import { DEFAULT_POSTGRES_SERVER, ensurePostgresServer } from "../postgres";

const server = process.env.HAILONG_TEST_POSTGRES_URL?.trim() || DEFAULT_POSTGRES_SERVER;
const command = process.argv.slice(2);
if (!command.length) {
  console.error("Usage: tsx tests/support/cli/with-postgres.ts <command…>");
  process.exit(2);
}
if (!(await ensurePostgresServer(server))) {
  const where = new URL(server).host;
  if (process.env.HAILONG_SKIP_POSTGRES === "1" && process.env.CI !== "true") {
    console.warn(
      `\n*** PostgreSQL is not reachable at ${where}: \`${command.join(" ")}\` SKIPPED (HAILONG_SKIP_POSTGRES=1). ***\n`,
    );
    process.exit(0);
  }
  console.error(
    `PostgreSQL is not reachable at ${where}: the PostgreSQL run of \`${command.join(" ")}\` FAILS. ` +
      "Start it (pg_ctlcluster 15 main start), point HAILONG_TEST_POSTGRES_URL at a server, or, outside CI, set HAILONG_SKIP_POSTGRES=1 to skip knowingly.",
  );
  process.exit(1);
}
const child = spawn(command[0], command.slice(1), {
  stdio: "inherit",
  env: { ...process.env, HAILONG_TEST_POSTGRES_URL: server },
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
