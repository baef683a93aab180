import type { RoundForm, UnitOption } from "~/domain/rounds/round-schema";
import type { AllocationRow, AllocationRule } from "~/domain/rounds/allocation-plan";
import { NEXT_STATUS, type RoundStatus } from "~/domain/rounds/round-status";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";

/** Rounds for the admin list, newest first, with counts (never contact data). */
export async function listRoundsForAdmin() {
  return prisma.round.findMany({
    orderBy: [{ periodStart: "desc" }, { code: "asc" }],
    select: {
      code: true,
      title: true,
      status: true,
      periodStart: true,
      periodEnd: true,
      targetSampleSize: true,
      _count: { select: { strata: true, frameRows: true } },
    },
  });
}

export async function listRoundCodes() {
  return (await prisma.round.findMany({ select: { code: true } })).map((r) => r.code);
}

/** Units the new-round form offers: all, with their validity; the form filters by period. */
export async function listUnitOptions(): Promise<UnitOption[]> {
  const units = await prisma.unit.findMany({ orderBy: [{ level: "asc" }, { name: "asc" }] });
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level as UnitOption["level"],
    validFrom: u.validFrom.toISOString(),
    validTo: u.validTo?.toISOString() ?? null,
  }));
}

/** Instrument versions; one not frozen yet is a draft (it may still change), which the form warns about. */
export async function listInstrumentOptions() {
  const rows = await prisma.instrument.findMany({
    orderBy: [{ code: "asc" }, { version: "desc" }],
    select: { id: true, code: true, version: true, name: true, frozenAt: true },
  });
  return rows.map((i) => ({
    id: i.id,
    code: i.code,
    version: i.version,
    name: JSON.parse(i.name) as Record<string, string>,
    draft: i.frozenAt === null,
  }));
}

/** Create a draft round and its strata (N_h and the allocated n_h) in one transaction. */
export async function createRoundWithStrata(
  form: RoundForm,
  allocation: readonly AllocationRow[],
  userId: string | null,
) {
  const units = await prisma.unit.findMany({
    where: { code: { in: allocation.map((a) => a.code) } },
    select: { id: true, code: true },
  });
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const rule: AllocationRule = form.rule;
  const round = await prisma.$transaction(async (tx) => {
    const created = await tx.round.create({
      data: {
        code: form.code,
        title: form.title,
        periodStart: form.periodStart,
        periodEnd: form.periodEnd,
        planReference: form.planReference,
        planDate: form.planDate ?? null,
        instrumentId: form.instrumentId,
        status: "draft",
        targetSampleSize: allocation.reduce((s, a) => s + a.n, 0),
        allocationRule: rule,
        allocationMinimum: rule === "proportional" ? (form.minimum ?? 0) : null,
      },
    });
    await tx.stratum.createMany({
      data: allocation.map((a) => ({
        roundId: created.id,
        unitId: unitId.get(a.code)!,
        population: a.population,
        targetSize: a.n,
      })),
    });
    return created;
  });
  await recordAudit({
    userId,
    action: "round.create",
    entity: "Round",
    entityId: round.id,
    after: { ...round, strata: allocation.map(({ code, population, n }) => ({ code, population, n })) },
  });
  return round;
}

export async function getRoundForAdmin(code: string) {
  return prisma.round.findUnique({
    where: { code },
    include: { instrument: { select: { code: true, version: true, frozenAt: true } } },
  });
}

export class StatusChangeError extends Error {}

/** Move a round one step forward (draft → collecting → closed), audited. */
export async function changeRoundStatus(code: string, to: RoundStatus, userId: string | null) {
  const round = await prisma.round.findUniqueOrThrow({ where: { code } });
  if (NEXT_STATUS[round.status as RoundStatus] !== to) throw new StatusChangeError(`${round.status} → ${to}`);
  const { updated, cut, interviewsCut } = await prisma.$transaction(async (tx) => {
    const updated = await tx.round.update({ where: { id: round.id }, data: { status: to } });
    // Closing cuts the only link from a questionnaire back to the person who answered it
    // (invitation → frame row): after the round, answers cannot be traced to a name.
    const cut =
      to === "closed"
        ? (
            await tx.invitation.updateMany({
              where: { roundId: round.id, frameRowId: { not: null } },
              data: { frameRowId: null },
            })
          ).count
        : 0;
    // Interviews point at the person interviewed (issue 5): cut those links the same way.
    const interviewsCut =
      to === "closed"
        ? (
            await tx.response.updateMany({
              where: { roundId: round.id, frameRowId: { not: null } },
              data: { frameRowId: null },
            })
          ).count
        : 0;
    return { updated, cut, interviewsCut };
  });
  await recordAudit({
    userId,
    action: "round.status",
    entity: "Round",
    entityId: round.id,
    before: { status: round.status },
    after: { status: to, invitationLinksCut: cut, interviewLinksCut: interviewsCut },
  });
  return updated;
}
