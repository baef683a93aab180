import { computeRoundFromAggregates, type UnitLevel } from "../../analysis";
import type { Prisma } from "~/generated/prisma/client";
import { elementsOf, getInstrument } from "./instrument.server";
import { aggregateRound } from "./round-aggregates.server";
import { getRoundStrata } from "./round.server";

/**
 * Supervisor review (docs/decisions/009): a rejected interview is left out of every index.
 * Null (self-completion, never reviewed), pending and accepted all count. Prisma's `not`
 * would drop the nulls too (SQL: NULL <> 'rejected' is not true), hence the OR.
 */
export const COUNTED_IN_INDEX: Prisma.ResponseWhereInput = {
  OR: [{ reviewStatus: null }, { reviewStatus: { not: "rejected" } }],
};

/**
 * Everything the results pages show for a round, computed by analysis/ (the one
 * implementation of the SIPAS formulas; docs/decisions/004) from the counts the database
 * makes of the round's counted questionnaires: submitted, not rejected after review
 * (round-aggregates.server.ts; no answer is read into Node, docs/decisions/016).
 */
export async function getRoundResults(roundId: string, instrumentId: string) {
  const [instrument, strata] = await Promise.all([getInstrument(instrumentId), getRoundStrata(roundId)]);
  const elements = elementsOf(instrument);
  const aggregates = await aggregateRound(roundId, instrument, { unitIds: strata.map((s) => s.unitId), filter: {} });
  const units = strata.map((s) => ({ code: s.unit.code, level: s.unit.level as UnitLevel, population: s.population }));
  return { instrument, strata, elements, result: computeRoundFromAggregates({ units, elements }, aggregates) };
}
