import { prisma } from "~/db/prisma.server";
import { verifyPassword } from "~/domain/auth/password.server";

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: Date };

/**
 * Check an email and password. Unknown email and wrong password answer the same, so the
 * form does not reveal who has an account; the fifth failure in a row locks the account
 * for fifteen minutes, during which even the right password is refused.
 */
export async function verifyLogin(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabledAt) return { ok: false, reason: "invalid" };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failedLogins = user.failedLogins + 1;
    const lock = failedLogins >= MAX_FAILED_LOGINS;
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: lock ? 0 : failedLogins, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null },
    });
    return lock ? { ok: false, reason: "locked", lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { ok: false, reason: "invalid" };
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { ok: true, userId: user.id };
}
