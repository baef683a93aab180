import { prisma } from "~/db/prisma.server";

export type RoundStatus = "draft" | "collecting" | "closed";
export type UnitLevel = "department" | "district" | "commune";

/** Rounds newest first, with how many questionnaires each has received. */
export async function listRounds() {
  const rounds = await prisma.round.findMany({ orderBy: { periodStart: "desc" } });
  const counts = await prisma.response.groupBy({
    by: ["roundId"],
    where: { status: "submitted" },
    _count: { _all: true },
  });
  const byRound = new Map(counts.map((c) => [c.roundId, c._count._all]));
  return rounds.map((round) => ({ ...round, submitted: byRound.get(round.id) ?? 0 }));
}

export async function getRoundByCode(code: string) {
  return prisma.round.findUnique({ where: { code } });
}

/** A round's strata with their units, in the order of the unit list (departments, districts, communes). */
export async function getRoundStrata(roundId: string) {
  const strata = await prisma.stratum.findMany({ where: { roundId }, include: { unit: true } });
  const levelOrder: Record<string, number> = { department: 0, district: 1, commune: 2 };
  return strata.sort(
    (a, b) => levelOrder[a.unit.level] - levelOrder[b.unit.level] || a.unit.name.localeCompare(b.unit.name, "vi"),
  );
}

export async function getStratum(roundId: string, unitCode: string) {
  return prisma.stratum.findFirst({ where: { roundId, unit: { code: unitCode } }, include: { unit: true } });
}
