import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import pg from "pg";

/**
 * PostgreSQL for the test suites and benchmarks (docs/decisions/015-postgresql.md): a server
 * where they may create databases (trust auth on the project's machines), each suite or file
 * a database of its own, copies made with CREATE DATABASE … TEMPLATE (milliseconds).
 */

/** The server the suites use: HAILONG_TEST_POSTGRES_URL, set by tests/support/cli/with-postgres.ts. Null: the run is on SQLite. */
export function postgresTestServer(): string | null {
  return process.env.HAILONG_TEST_POSTGRES_URL?.trim() || null;
}

/** The local server (trust auth, user postgres), unless HAILONG_TEST_POSTGRES_URL names another. */
export const DEFAULT_POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server URL with another database name. */
export function postgresUrlFor(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The database a URL names. */
export function postgresDatabaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** Run `work` on a connection to `server` (a server URL naming its database), then close it. */
export async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Names are made by the suites themselves ([a-z0-9_]), so quoting them is enough. */
function quoted(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

export function createPostgresDatabase(server: string, name: string, template?: string): Promise<void> {
  return onServer(server, async (client) => {
    await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
  });
}

export function dropPostgresDatabase(server: string, name: string): Promise<void> {
  return onServer(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}

/** The databases on `server` whose names start with `prefix` ([a-z0-9_]). */
export function postgresDatabasesStartingWith(server: string, prefix: string): Promise<string[]> {
  quoted(prefix);
  return onServer(server, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}

async function reachable(server: string): Promise<boolean> {
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

/**
 * Make sure `server` answers: when it does not, start the machine's clusters as the
 * project's machines allow (pg_ctlcluster, docs/stack.md) and wait up to
 * 20 s. False when it still does not answer.
 */
export async function ensurePostgresServer(
  server: string,
  log: (line: string) => void = console.warn,
): Promise<boolean> {
  if (await reachable(server)) return true;
  const clusters = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  for (const version of clusters) {
    try {
      log(`PostgreSQL is not answering at ${new URL(server).host}; starting cluster ${version}/main`);
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
    } catch {
      // Already running on another port, or not allowed: the check below decides.
    }
  }
  for (let i = 0; i < 20; i++) {
    if (await reachable(server)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}
