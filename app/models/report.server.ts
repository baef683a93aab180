import type { Round } from "~/generated/prisma/client";
import type { InstrumentDefinition } from "~/models/instrument-definition";
import { buildReportData, type ReportInput } from "~/report/report-data";
import { prisma } from "~/utils/db.server";
import { getParRules, parScorerFor, roundYear } from "./par-rule.server";
import { getRoundResults } from "./results.server";

/** Questionnaires that count: submitted and not rejected by a supervisor (docs/decisions/009). */
const COUNTED = { status: "submitted", OR: [{ reviewStatus: null }, { reviewStatus: { not: "rejected" } }] };

/** Answers to the expectations question(s): how many respondents chose each option. */
export async function countExpectations(roundId: string, instrument: InstrumentDefinition): Promise<ReportInput["expectations"]> {
  const items = instrument.sections.filter((s) => s.kind === "expectations").flatMap((s) => s.items.filter((i) => i.kind === "multi"));
  if (items.length === 0) return { respondents: 0, options: [] };
  const where = { itemCode: { in: items.map((i) => i.code) }, response: { roundId, ...COUNTED } };
  const [groups, respondents] = await Promise.all([
    prisma.answer.groupBy({ by: ["choice"], where, _count: { _all: true } }),
    prisma.answer.findMany({ where, distinct: ["responseId"], select: { responseId: true } }),
  ]);
  const counts = new Map(groups.map((g) => [g.choice, g._count._all]));
  const options = items.flatMap((i) => i.options ?? []).map((o) => ({ code: o.code, label: o.label, count: counts.get(o.code) ?? 0 }));
  return { respondents: respondents.length, options };
}

/** Everything the report shows for a round (numbers from analysis/ via getRoundResults). */
export async function getReportData(round: Round) {
  const year = roundYear(round);
  const [{ instrument, strata, result }, parScore, rules] = await Promise.all([
    getRoundResults(round.id, round.instrumentId),
    parScorerFor(year),
    getParRules(year),
  ]);
  const previousRound = round.previousRoundId ? await prisma.round.findUnique({ where: { id: round.previousRoundId } }) : null;
  const previous = previousRound
    ? { title: previousRound.title, result: (await getRoundResults(previousRound.id, previousRound.instrumentId)).result }
    : null;
  return buildReportData({
    round,
    year,
    units: strata.map((s) => ({ code: s.unit.code, name: s.unit.name, level: s.unit.level, population: s.population, targetSize: s.targetSize })),
    elements: instrument.sections
      .filter((s) => s.kind === "element")
      .map((s) => ({ code: s.code, title: s.title, criteria: s.items.filter((i) => i.kind === "likert").map((i) => ({ code: i.code, text: i.text })) })),
    result,
    previous,
    parPoints: parScore,
    hasParRules: Object.keys(rules).length > 0,
    expectations: await countExpectations(round.id, instrument),
  });
}

export async function getSavedReport(roundId: string) {
  return prisma.roundReport.findUnique({ where: { roundId } });
}

export async function saveReport(roundId: string, text: string, userId: string) {
  return prisma.roundReport.upsert({
    where: { roundId },
    create: { roundId, text, updatedById: userId },
    update: { text, updatedById: userId },
  });
}
