import { progressRow, progressTotals, type ProgressRow } from "~/domain/progress/progress";
import { prisma } from "~/db/prisma.server";

type Scope = string[] | null;

export interface UnitProgress extends ProgressRow {
  unitId: string;
  code: string;
  name: string;
}

export interface EnumeratorProgress extends ProgressRow {
  userId: string;
  name: string;
  units: number;
}

/**
 * The progress board of a round within a scope (null = every unit). Completed counts
 * status "submitted" only (a double-entry copy of a paper form is never counted);
 * refused counts drawn people whose outcome is "refused".
 */
export async function getProgress(roundId: string, scope: Scope) {
  const unitFilter = scope ? { unitId: { in: scope } } : {};
  const [strata, responses, refusals, assignments] = await Promise.all([
    prisma.stratum.findMany({
      where: { roundId, ...unitFilter },
      include: { unit: { select: { code: true, name: true } } },
    }),
    prisma.response.groupBy({
      by: ["unitId", "status", "recordedById"],
      where: { roundId, ...unitFilter },
      _count: { _all: true },
    }),
    prisma.frameRow.groupBy({
      by: ["unitId"],
      where: { roundId, outcome: "refused", ...unitFilter },
      _count: { _all: true },
    }),
    prisma.assignment.findMany({
      where: { roundId, ...unitFilter },
      include: { user: { select: { name: true } }, frameRow: { select: { outcome: true } } },
    }),
  ]);
  const refused = new Map(refusals.map((r) => [r.unitId, r._count._all]));
  const tally = (filter: (r: (typeof responses)[number]) => boolean) =>
    responses.filter(filter).reduce((n, r) => n + r._count._all, 0);

  const units: UnitProgress[] = strata
    .map((s) => ({
      unitId: s.unitId,
      code: s.unit.code,
      name: s.unit.name,
      ...progressRow({
        target: s.targetSize,
        completed: tally((r) => r.unitId === s.unitId && r.status === "submitted"),
        inProgress: tally((r) => r.unitId === s.unitId && r.status === "in_progress"),
        refused: refused.get(s.unitId) ?? 0,
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));

  const targetOf = new Map(strata.map((s) => [s.unitId, s.targetSize]));
  const byUser = new Map<string, { name: string; units: Set<string>; target: number; refused: number }>();
  for (const a of assignments) {
    const entry = byUser.get(a.userId) ?? { name: a.user.name, units: new Set<string>(), target: 0, refused: 0 };
    entry.units.add(a.unitId);
    // A whole unit counts its n_h; a person counts one. Both kinds in one unit are unusual
    // (a supervisor hands out either the unit or people), so no attempt to net them out.
    entry.target += a.frameRowId ? 1 : (targetOf.get(a.unitId) ?? 0);
    if (a.frameRow?.outcome === "refused") entry.refused++;
    byUser.set(a.userId, entry);
  }
  const enumerators: EnumeratorProgress[] = [...byUser.entries()]
    .map(([userId, e]) => ({
      userId,
      name: e.name,
      units: e.units.size,
      ...progressRow({
        target: e.target,
        completed: tally((r) => r.recordedById === userId && r.status === "submitted"),
        inProgress: tally((r) => r.recordedById === userId && r.status === "in_progress"),
        refused: e.refused,
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));

  return { units, enumerators, totals: progressTotals(units) };
}
