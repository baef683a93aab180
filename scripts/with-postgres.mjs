#!/usr/bin/env node
// Runs a command against PostgreSQL: `node scripts/with-postgres.mjs <command…>`.
// The test suites that run on both databases (docs/decisions/015-postgresql.md) run a
// second time through this script, with HAILONG_TEST_POSTGRES_URL set to a server where
// the suites may create databases (default: the local server, trust auth, user postgres).
// When that server is down it is started, as the project's machines allow
// (pg_ctlcluster, docs/stack.md). With no PostgreSQL at all on the machine the run is
// skipped with a loud notice, unless HAILONG_REQUIRE_POSTGRES=1, which makes it a failure.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import pg from "pg";

const server = process.env.HAILONG_TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable() {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureServer() {
  if (await reachable()) return true;
  const clusters = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  for (const version of clusters) {
    try {
      console.log(`PostgreSQL is not answering at ${new URL(server).host}; starting cluster ${version}/main`);
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
    } catch {
      // Already running on another port, or not allowed: the check below decides.
    }
  }
  for (let i = 0; i < 20; i++) {
    if (await reachable()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

const command = process.argv.slice(2);
if (!command.length) {
  console.error("Usage: node scripts/with-postgres.mjs <command…>");
  process.exit(2);
}
if (!(await ensureServer())) {
  const message = `PostgreSQL is not reachable at ${new URL(server).host}: the PostgreSQL run of \`${command.join(" ")}\` is SKIPPED.`;
  if (process.env.HAILONG_REQUIRE_POSTGRES === "1") {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n*** ${message} ***\n`);
  process.exit(0);
}
const child = spawn(command[0], command.slice(1), {
  stdio: "inherit",
  env: { ...process.env, HAILONG_TEST_POSTGRES_URL: server },
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
