import { prisma } from "~/db/prisma.server";
import { hashPassword, verifyPassword } from "~/domain/auth/password.server";

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginResult =
  { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked"; lockedUntil?: Date };

/**
 * Check an email and password. Unknown email and wrong password answer the same, so the
 * form does not reveal who has an account; the fifth failure in a row locks the account
 * for fifteen minutes, during which even the right password is refused.
 *
 * Two properties an attacker tests (issue 17):
 * - **The count is atomic.** Each attempt claims its place with one `failedLogins + 1`
 *   UPDATE *before* the password is hashed, so ten guesses sent at once are counted ten
 *   times and only the first five are ever checked (a read-then-write let ten concurrent
 *   guesses leave the count at 3 and no lock).
 * - **Every refusal costs one argon2 verification**, also for an unknown, disabled or locked
 *   account (against a hash made once per process), so the time taken does not say which.
 */
export async function verifyLogin(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabledAt) return refuse(password, { ok: false, reason: "invalid" });
  if (user.lockedUntil && user.lockedUntil > now)
    return refuse(password, { ok: false, reason: "locked", lockedUntil: user.lockedUntil });
  const claimed = await prisma.user.update({
    where: { id: user.id },
    data: { failedLogins: { increment: 1 } },
    select: { failedLogins: true, lockedUntil: true },
  });
  const { failedLogins } = claimed;
  if (claimed.lockedUntil && claimed.lockedUntil > now) {
    // A concurrent attempt locked the account after this one read it: give the place back.
    await prisma.user.update({ where: { id: user.id }, data: { failedLogins: { decrement: 1 } } });
    return refuse(password, { ok: false, reason: "locked", lockedUntil: claimed.lockedUntil });
  }
  if (failedLogins > MAX_FAILED_LOGINS) return refuse(password, await lock(user.id, now));
  if (await verifyPassword(user.passwordHash, password)) {
    await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    return { ok: true, userId: user.id };
  }
  return failedLogins === MAX_FAILED_LOGINS ? lock(user.id, now) : { ok: false, reason: "invalid" };
}

async function lock(userId: string, now: Date): Promise<LoginResult> {
  const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await prisma.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil } });
  return { ok: false, reason: "locked", lockedUntil };
}

/** A hash of nothing anyone knows, made at the first refusal that needs one. */
let decoyHash: Promise<string> | null = null;

/** Spend the time a real check spends, then answer `result`. */
async function refuse(password: string, result: LoginResult): Promise<LoginResult> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoyHash, password);
  return result;
}
