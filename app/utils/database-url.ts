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
