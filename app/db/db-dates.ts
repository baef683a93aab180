/**
 * DateTimes as Prisma's driver adapters store them, for the SQL written without Prisma
 * (ADR 017, the frame import), so that Prisma reads those rows back unchanged:
 * - SQLite (better-sqlite3 adapter, its default "iso8601" format): ISO 8601 with `+00:00`;
 * - PostgreSQL (`timestamp(3)` without time zone, in UTC): `YYYY-MM-DD HH:MM:SS.mmm`.
 */
export const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export const postgresDate = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
