import pg from "pg";

/**
 * PostgreSQL for the test suites (docs/decisions/015-postgresql.md): the server named by
 * HAILONG_TEST_POSTGRES_URL, where each test file gets a database of its own, created
 * from a migrated template (CREATE DATABASE … TEMPLATE copies it in milliseconds).
 */
export function postgresTestServer(): string | null {
  return process.env.HAILONG_TEST_POSTGRES_URL?.trim() || null;
}

/** The server URL with another database name. */
export function postgresUrlFor(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
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
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    return rows.map((row) => row.datname);
  });
}
