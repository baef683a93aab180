import { prisma } from "~/db/prisma.server";

/** Fields never written to the audit log: secrets and personal data. */
const REDACTED = new Set(["passwordHash", "password", "phone", "address"]);

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (REDACTED.has(key) ? "[redacted]" : v));
}

/** Record an administrative action: who, what, which record, before and after. */
export async function recordAudit(entry: {
  userId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}) {
  await prisma.auditEntry.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}

export async function listAudit({ take = 100, skip = 0 }: { take?: number; skip?: number } = {}) {
  return prisma.auditEntry.findMany({
    orderBy: { at: "desc" },
    take,
    skip,
    include: { user: { select: { email: true } } },
  });
}
