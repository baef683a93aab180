import path from "node:path";

/**
 * The database the app and the Prisma CLI use: `DATABASE_URL`, or the SQLite file
 * `data/hailong.db` beside the project when it is unset, so the README's first command
 * needs no `.env`.
 */
export const DEFAULT_DATABASE_URL = "file:./data/hailong.db";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  process.env.DATABASE_URL = url;
  return url;
}

/** `postgresql://…` or `postgres://…` selects the PostgreSQL client (docs/decisions/015). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The SQLite file of DATABASE_URL (`file:…`), as an absolute path: the app's own
 * connections (direct-db.server.ts, the writer thread) open it by this path, so both name
 * the same file whatever the working directory. Refused for a PostgreSQL URL.
 */
export function sqliteFilePath(): string {
  const url = databaseUrl();
  if (isPostgresUrl(url)) throw new Error("DATABASE_URL is PostgreSQL, not a SQLite file");
  return path.resolve(url.replace(/^file:/, ""));
}
