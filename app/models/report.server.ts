import type { Round } from "~/generated/prisma/client";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { buildReportData, type ReportInput } from "~/domain/report/report-data";
import { prisma } from "~/db/prisma.server";
import { countRoundExpectations } from "./dashboard.server";
import { getParRules, parScorerFor, roundYear } from "./par-rule.server";
import { getRoundResults } from "./results.server";
import { getRoundStrata } from "./round.server";

/** Answers to the expectations question(s): how many respondents chose each option, counted in the database. */
export async function countExpectations(
  roundId: string,
  instrument: InstrumentDefinition,
): Promise<ReportInput["expectations"]> {
  const items = instrument.sections
    .filter((s) => s.kind === "expectations")
    .flatMap((s) => s.items.filter((i) => i.kind === "multi"));
  if (items.length === 0) return { respondents: 0, options: [] };
  const unitIds = (await getRoundStrata(roundId)).map((s) => s.unitId);
  const counts = await countRoundExpectations(
    roundId,
    unitIds,
    items.map((i) => i.code),
  );
  const options = items
    .flatMap((i) => i.options ?? [])
    .map((o) => ({ code: o.code, label: o.label, count: counts.options[o.code] ?? 0 }));
  return { respondents: counts.respondents, options };
}

/** Everything the report shows for a round (numbers from analysis/ via getRoundResults). */
export async function getReportData(round: Round) {
  const year = roundYear(round);
  const [{ instrument, strata, result }, parScore, rules] = await Promise.all([
    getRoundResults(round.id, round.instrumentId),
    parScorerFor(year),
    getParRules(year),
  ]);
  const previousRound = round.previousRoundId
    ? await prisma.round.findUnique({ where: { id: round.previousRoundId } })
    : null;
  const previous = previousRound
    ? {
        title: previousRound.title,
        result: (await getRoundResults(previousRound.id, previousRound.instrumentId)).result,
      }
    : null;
  return buildReportData({
    round,
    year,
    units: strata.map((s) => ({
      code: s.unit.code,
      name: s.unit.name,
      level: s.unit.level,
      population: s.population,
      targetSize: s.targetSize,
    })),
    elements: instrument.sections
      .filter((s) => s.kind === "element")
      .map((s) => ({
        code: s.code,
        title: s.title,
        criteria: s.items.filter((i) => i.kind === "likert").map((i) => ({ code: i.code, text: i.text })),
      })),
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
