import { createCookie, redirect } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { prisma } from "~/db/prisma.server";
import { cookieSecrets } from "~/utils/secret.server";
import { isRole, isUnitScoped, roleCan, type Permission, type Role } from "~/domain/auth/permissions";
import { findSessionWithUser } from "./session-lookup.server";

/** Sessions last 30 days from sign-in; an ended or expired one is refused at once. */
export const SESSION_DAYS = 30;

/**
 * The cookie holds only the id of a Session row (Epic Stack ADR 007): ending the row signs
 * the device out, so an admin can end a lost phone's sessions.
 */
const sessionCookie = createCookie("hl_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: SESSION_DAYS * 24 * 60 * 60,
  secrets: cookieSecrets(),
  // Secure when COOKIE_SECURE=1 (behind HTTPS); docs/operations.md, "Configuration".
  secure: process.env.COOKIE_SECURE === "1",
});

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  limitedToUnits: boolean;
  sessionId: string;
}

export async function createSession(userId: string, request: Request): Promise<string> {
  const id = randomBytes(32).toString("hex");
  const now = new Date();
  await prisma.session.create({
    data: {
      id,
      userId,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
      lastSeenAt: now,
      device: (request.headers.get("User-Agent") ?? "").slice(0, 120) || null,
    },
  });
  return sessionCookie.serialize(id);
}

/** The signed-in user, or null (no cookie, unknown, expired or ended session, disabled user). */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const id = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof id !== "string") return null;
  const session = await findSessionWithUser(id);
  const now = new Date();
  if (!session || session.revoked || session.expiresAt < now.getTime() || session.disabled) return null;
  const { email, name, role, limitedToUnits } = session;
  if (!isRole(role)) return null;
  if (now.getTime() - session.lastSeenAt > 5 * 60_000) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { id: session.userId, email, name, role, limitedToUnits, sessionId: id };
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const { pathname, search } = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: pathname + search })}`);
  }
  return user;
}

/** The signed-in user if their role has the permission; 403 otherwise. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!roleCan(user.role, permission)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/**
 * The unit ids a user's scoped queries must filter by, or null for "every unit".
 * Every query for scoped data passes this to `where: { unitId: { in: … } }`.
 */
export async function unitScope(user: Pick<CurrentUser, "id" | "role" | "limitedToUnits">): Promise<string[] | null> {
  if (!isUnitScoped(user)) return null;
  const rows = await prisma.userUnit.findMany({ where: { userId: user.id }, select: { unitId: true } });
  return rows.map((r) => r.unitId);
}

/** End this device's session and clear its cookie. */
export async function signOut(request: Request): Promise<string> {
  const id = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof id === "string") {
    await prisma.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** End every session of a user ("sign out everywhere", or an admin ending a lost phone's). */
export async function endSessionsOf(userId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await prisma.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** A person's signed-in devices, most recently seen first (`/account`). */
export async function listActiveSessions(userId: string, now = new Date()) {
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
}
