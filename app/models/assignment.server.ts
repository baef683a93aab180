import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";

type Scope = string[] | null;

/** Enumerators who can take work: active accounts with the enumerator role. */
export async function listEnumerators() {
  return prisma.user.findMany({
    where: { role: "enumerator", disabledAt: null },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

/** The round's assignments within the scope, with the enumerator and unit. */
export async function listAssignments(roundId: string, scope: Scope) {
  return prisma.assignment.findMany({
    where: { roundId, ...(scope ? { unitId: { in: scope } } : {}) },
    include: {
      user: { select: { name: true, email: true } },
      unit: { select: { code: true, name: true } },
      frameRow: { select: { dossierCode: true, drawOrder: true } },
    },
    orderBy: [{ unitId: "asc" }, { createdAt: "asc" }],
  });
}

/** Drawn people (main group) of a unit, by draw order: what a supervisor can hand out. */
export async function listDrawnPeople(roundId: string, unitId: string) {
  return prisma.frameRow.findMany({
    where: { roundId, unitId, drawGroup: "main" },
    select: { id: true, dossierCode: true, drawOrder: true, outcome: true },
    orderBy: { drawOrder: "asc" },
  });
}

/**
 * Give a unit (or some of its drawn people) of a round to an enumerator, and add the unit
 * to their UserUnit so their scope (paper entry, interviews) covers it. Idempotent: an
 * assignment that exists already is not made twice.
 */
export async function assignWork(input: {
  roundId: string;
  unitId: string;
  enumeratorId: string;
  frameRowIds: string[];
  actorId: string;
}) {
  const { roundId, unitId, enumeratorId } = input;
  // Only people drawn for this round and unit: a forged id from another unit is dropped.
  const people = input.frameRowIds.length
    ? await prisma.frameRow.findMany({
        where: { id: { in: input.frameRowIds }, roundId, unitId },
        select: { id: true },
      })
    : [];
  const targets = people.length ? people.map((p) => p.id) : [null];
  const created: string[] = [];
  for (const frameRowId of targets) {
    const existing = await prisma.assignment.findFirst({
      where: { roundId, unitId, userId: enumeratorId, frameRowId },
    });
    if (existing) continue;
    const row = await prisma.assignment.create({ data: { roundId, unitId, userId: enumeratorId, frameRowId } });
    created.push(row.id);
  }
  await prisma.userUnit.upsert({
    where: { userId_unitId: { userId: enumeratorId, unitId } },
    create: { userId: enumeratorId, unitId },
    update: {},
  });
  await recordAudit({
    userId: input.actorId,
    action: "assignments.assign",
    entity: "Assignment",
    entityId: created[0] ?? null,
    after: { roundId, unitId, enumeratorId, people: people.length, created: created.length },
  });
  return created.length;
}

/** Take an assignment back (the unit stays in the enumerator's UserUnit: their entered forms stay visible to them). */
export async function removeAssignment(input: { assignmentId: string; scope: Scope; actorId: string }) {
  const assignment = await prisma.assignment.findUnique({ where: { id: input.assignmentId } });
  if (!assignment || (input.scope && !input.scope.includes(assignment.unitId))) return false;
  await prisma.assignment.delete({ where: { id: assignment.id } });
  await recordAudit({
    userId: input.actorId,
    action: "assignments.remove",
    entity: "Assignment",
    entityId: assignment.id,
    before: assignment,
  });
  return true;
}
