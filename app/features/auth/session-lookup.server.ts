import { postgresPool, sqliteStatement, usesPostgres } from "~/db/direct-db.server";

/**
 * The session row and its user, read on every signed-in request: plain SQL on the process's
 * own connection (direct-db.server.ts), SQLite and PostgreSQL side by side, because one
 * Prisma query cost more CPU than the rest of a sync upload's request handling (ADR 017).
 * DateTimes come back as milliseconds: SQLite holds ISO text, PostgreSQL timestamp(3) in UTC
 * (EXTRACT(EPOCH …) reads it as UTC whatever the server's time zone).
 */
export interface SessionWithUser {
  userId: string;
  expiresAt: number;
  lastSeenAt: number;
  revoked: boolean;
  email: string;
  name: string;
  role: string;
  limitedToUnits: boolean;
  disabled: boolean;
}

interface Row extends Omit<SessionWithUser, "expiresAt" | "lastSeenAt" | "revoked" | "limitedToUnits" | "disabled"> {
  expiresAt: string | number;
  lastSeenAt: string | number;
  revoked: boolean | number;
  limitedToUnits: boolean | number;
  disabled: boolean | number;
}

const POSTGRES = `SELECT s."userId", EXTRACT(EPOCH FROM s."expiresAt") * 1000 AS "expiresAt", EXTRACT(EPOCH FROM s."lastSeenAt") * 1000 AS "lastSeenAt",
  s."revokedAt" IS NOT NULL AS "revoked", u."email", u."name", u."role", u."limitedToUnits", u."disabledAt" IS NOT NULL AS "disabled"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = $1`;
const SQLITE = `SELECT s."userId", s."expiresAt", s."lastSeenAt", s."revokedAt" IS NOT NULL AS "revoked", u."email", u."name", u."role",
  u."limitedToUnits", u."disabledAt" IS NOT NULL AS "disabled"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`;

export async function findSessionWithUser(id: string): Promise<SessionWithUser | null> {
  const row = usesPostgres()
    ? (await postgresPool().query<Row>(POSTGRES, [id])).rows[0]
    : (sqliteStatement(SQLITE).get(id) as Row | undefined);
  if (!row) return null;
  const time = (value: string | number) =>
    typeof value === "number" ? value : usesPostgres() ? Number(value) : Date.parse(value);
  return {
    ...row,
    expiresAt: time(row.expiresAt),
    lastSeenAt: time(row.lastSeenAt),
    revoked: Boolean(row.revoked),
    limitedToUnits: Boolean(row.limitedToUnits),
    disabled: Boolean(row.disabled),
  };
}
