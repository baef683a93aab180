import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The e2e tests' own access to the database the server under test uses, to set up rows and
 * check what was stored. The e2e server (scripts/e2e-server.mjs) makes a SQLite file per
 * port, or, with HAILONG_TEST_POSTGRES_URL, a PostgreSQL database per port
 * (docs/decisions/015-postgresql.md). Both are reached through the same small synchronous
 * API (better-sqlite3's prepare/get/all/run), so a spec is written once:
 * - SQLite: better-sqlite3 itself;
 * - PostgreSQL: each statement runs in a child process (tests/e2e/pg-bridge.mjs) so that the
 *   call stays synchronous, after `postgresDialect` has quoted the schema's mixed-case names
 *   and numbered the `?` placeholders. Slower (a process per statement), fine for set-up
 *   and checks.
 */
const port = process.env.E2E_PORT ?? "3100";
export const E2E_DB = path.resolve(`tests/.tmp/e2e-${port}.db`);
const postgresServer = process.env.HAILONG_TEST_POSTGRES_URL?.trim() || null;

export interface TestStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
export interface TestDb {
  prepare(sql: string): TestStatement;
  close(): void;
}

export function e2eDatabaseUrl(): string {
  if (!postgresServer) return `file:${E2E_DB}`;
  const url = new URL(postgresServer);
  url.pathname = `/hailong_e2e_${port}`;
  return url.toString();
}

export function openTestDb(options: { readonly?: boolean } = {}): TestDb {
  if (!postgresServer) return new Database(E2E_DB, { readonly: options.readonly ?? false, fileMustExist: true });
  const url = e2eDatabaseUrl();
  const bridge = path.resolve("tests/e2e/pg-bridge.mjs");
  const call = (sql: string, params: unknown[]) =>
    JSON.parse(
      execFileSync(process.execPath, [bridge], {
        input: JSON.stringify({ url, sql: postgresDialect(sql), params }),
        encoding: "utf8",
        // A round's answers (the dashboard spec reads ~14,000 rows) exceed the 1 MB default.
        maxBuffer: 256 * 1024 * 1024,
      }),
    ) as { rows: unknown[]; changes: number };
  return {
    prepare: (sql) => ({
      get: (...params) => call(sql, params).rows[0],
      all: (...params) => call(sql, params).rows,
      run: (...params) => ({ changes: call(sql, params).changes }),
    }),
    close: () => {},
  };
}

let mixedCase: Set<string> | null = null;
/** Model and field names of the schema that PostgreSQL would fold to lower case unquoted. */
function schemaNames(): Set<string> {
  if (mixedCase) return mixedCase;
  const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const names = new Set<string>();
  let inModel = false;
  for (const line of schema.split("\n")) {
    const model = /^model\s+(\w+)/.exec(line);
    if (model) {
      names.add(model[1]);
      inModel = true;
      continue;
    }
    if (/^}/.test(line)) inModel = false;
    const field = inModel ? /^\s+(\w+)\s+\w/.exec(line) : null;
    if (field && /[A-Z]/.test(field[1])) names.add(field[1]);
  }
  mixedCase = names;
  return names;
}

/**
 * SQLite-flavoured test SQL to PostgreSQL: quote the schema's mixed-case names (Prisma
 * creates them quoted) and turn `?` placeholders into `$1, $2, …`, leaving string literals
 * and already-quoted names alone.
 */
export function postgresDialect(sql: string): string {
  const names = schemaNames();
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"[^"]*"|\?|[A-Za-z_][A-Za-z0-9_]*/g, (token) => {
    if (token === "?") return `$${++n}`;
    if (token.startsWith("'") || token.startsWith('"')) return token;
    return names.has(token) ? `"${token}"` : token;
  });
}
