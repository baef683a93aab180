import { INVITATION_STATUSES, invitationExpiry, type InvitationStatus } from "~/domain/invitations/invitation-rules";
import { newInvitationToken } from "~/domain/invitations/invitation-token.server";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";

type Scope = string[] | null;

const inScope = (scope: Scope) => (scope ? { unitId: { in: scope } } : {});

/**
 * Issue one invitation to every drawn person (main group) of the round who has none yet,
 * in the given units. Idempotent: frameRowId is unique on Invitation, and people who
 * already hold one are skipped, so pressing "issue" twice issues nothing more.
 */
export async function issueInvitations(input: { roundId: string; unitIds: string[]; userId: string }) {
  const round = await prisma.round.findUniqueOrThrow({ where: { id: input.roundId } });
  const people = await prisma.frameRow.findMany({
    where: { roundId: round.id, unitId: { in: input.unitIds }, drawGroup: "main", invitation: { is: null } },
    select: { id: true, unitId: true },
    orderBy: [{ unitId: "asc" }, { drawOrder: "asc" }],
  });
  const expiresAt = invitationExpiry(round.periodEnd);
  let issued = 0;
  for (const person of people) {
    // createMany would fail the whole batch on a race with another admin; one row at a
    // time, a lost race on the unique frameRowId just skips that person.
    const created = await prisma.invitation
      .create({
        data: {
          token: newInvitationToken(),
          roundId: round.id,
          unitId: person.unitId,
          frameRowId: person.id,
          expiresAt,
        },
      })
      .catch((error: { code?: string }) => (error.code === "P2002" ? null : Promise.reject(error)));
    if (created) issued++;
  }
  await recordAudit({
    userId: input.userId,
    action: "invitations.issue",
    entity: "Round",
    entityId: round.id,
    after: { units: input.unitIds.length, issued },
  });
  return issued;
}

/** N anonymous invitations for a unit (walk-in slips): no frame row behind them. */
export async function issueAnonymousInvitations(input: {
  roundId: string;
  unitId: string;
  count: number;
  userId: string;
}) {
  const round = await prisma.round.findUniqueOrThrow({ where: { id: input.roundId } });
  const expiresAt = invitationExpiry(round.periodEnd);
  const data = Array.from({ length: input.count }, () => ({
    token: newInvitationToken(),
    roundId: round.id,
    unitId: input.unitId,
    expiresAt,
  }));
  await prisma.invitation.createMany({ data });
  await recordAudit({
    userId: input.userId,
    action: "invitations.issue-anonymous",
    entity: "Unit",
    entityId: input.unitId,
    after: { roundId: round.id, count: input.count },
  });
  return input.count;
}

/** A person's frame outcome "refused" shows on their invitation (unless they answered after all). */
export async function syncRefusedInvitations(roundId: string) {
  await prisma.invitation.updateMany({
    where: { roundId, status: { in: ["issued", "opened"] }, frameRow: { is: { outcome: "refused" } } },
    data: { status: "refused" },
  });
}

/** The first open of a link: status "opened" (a later open keeps the first time). */
export async function markInvitationOpened(invitationId: string, now = new Date()) {
  await prisma.invitation.updateMany({
    where: { id: invitationId, openedAt: null, status: "issued" },
    data: { status: "opened", openedAt: now },
  });
}

export type StatusCounts = Record<InvitationStatus, number> & { total: number; drawn: number; notIssued: number };

/** Per unit: invitations by status, drawn (main) people and those still without an invitation. */
export async function getInvitationCounts(roundId: string, scope: Scope) {
  const [byStatus, drawn, waiting] = await Promise.all([
    prisma.invitation.groupBy({
      by: ["unitId", "status"],
      where: { roundId, ...inScope(scope) },
      _count: { _all: true },
    }),
    prisma.frameRow.groupBy({
      by: ["unitId"],
      where: { roundId, drawGroup: "main", ...inScope(scope) },
      _count: { _all: true },
    }),
    prisma.frameRow.groupBy({
      by: ["unitId"],
      where: { roundId, drawGroup: "main", invitation: { is: null }, ...inScope(scope) },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string, StatusCounts>();
  const row = (unitId: string) => {
    if (!counts.has(unitId))
      counts.set(unitId, { issued: 0, opened: 0, completed: 0, refused: 0, total: 0, drawn: 0, notIssued: 0 });
    return counts.get(unitId)!;
  };
  for (const c of byStatus) {
    const r = row(c.unitId);
    if ((INVITATION_STATUSES as readonly string[]).includes(c.status)) r[c.status as InvitationStatus] += c._count._all;
    r.total += c._count._all;
  }
  for (const c of drawn) row(c.unitId).drawn = c._count._all;
  for (const c of waiting) row(c.unitId).notIssued = c._count._all;
  return counts;
}

/** Unused invitations of a unit, for printing slips: token only, never a name or phone. */
export async function listSlipInvitations(roundId: string, unitId: string) {
  return prisma.invitation.findMany({
    where: { roundId, unitId, usedAt: null, status: { in: ["issued", "opened"] } },
    select: { token: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Rows for the text-message export: people with a phone whose invitation is still open. */
export async function listSmsRows(roundId: string, scope: Scope) {
  const rows = await prisma.invitation.findMany({
    where: {
      roundId,
      ...inScope(scope),
      status: { in: ["issued", "opened"] },
      frameRow: { is: { phone: { not: null } } },
    },
    select: { token: true, unit: { select: { name: true } }, frameRow: { select: { phone: true } } },
    orderBy: [{ unitId: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({ phone: r.frameRow!.phone!, token: r.token, unit: r.unit.name }));
}
