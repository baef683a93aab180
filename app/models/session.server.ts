import { prisma } from "~/db/prisma.server";

/** A person's signed-in devices, most recently seen first (`/account`). */
export async function listActiveSessions(userId: string, now = new Date()) {
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
}
