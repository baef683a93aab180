import { computeRound, type RoundInput, type UnitLevel } from "../../analysis";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { elementsOf, getInstrument } from "./instrument.server";
import { getRoundStrata } from "./round.server";

/**
 * Supervisor review (docs/decisions/009): a rejected interview is left out of every index.
 * Null (self-completion, never reviewed), pending and accepted all count. Prisma's `not`
 * would drop the nulls too (SQL: NULL <> 'rejected' is not true), hence the OR.
 */
export const COUNTED_IN_INDEX: Prisma.ResponseWhereInput = { OR: [{ reviewStatus: null }, { reviewStatus: { not: "rejected" } }] };

/**
 * Everything the results pages show for a round, computed by analysis/ (the one
 * implementation of the SIPAS formulas; docs/decisions/004). Only submitted questionnaires
 * count, and not those rejected after review. The answers are read as (response,
 * criterion, value) triples: ~14,000 rows for the 625-questionnaire demo round.
 */
export async function getRoundResults(roundId: string, instrumentId: string) {
  const [instrument, strata] = await Promise.all([getInstrument(instrumentId), getRoundStrata(roundId)]);
  const elements = elementsOf(instrument);
  const criteria = Object.values(elements).flat();
  const answers = await prisma.answer.findMany({
    where: { itemCode: { in: criteria }, response: { roundId, status: "submitted", ...COUNTED_IN_INDEX } },
    select: { responseId: true, itemCode: true, value: true, response: { select: { unitId: true } } },
  });
  const codeOfUnit = new Map(strata.map((s) => [s.unitId, s.unit.code]));
  const responses = new Map<string, RoundInput["responses"][number]>();
  for (const answer of answers) {
    let response = responses.get(answer.responseId);
    if (!response) {
      response = { id: answer.responseId, unitCode: codeOfUnit.get(answer.response.unitId)!, answers: {} };
      responses.set(answer.responseId, response);
    }
    // 9 = not applicable: the analysis takes null for "no valid answer to this criterion".
    response.answers[answer.itemCode] = answer.value !== null && answer.value >= 1 && answer.value <= 5 ? answer.value : null;
  }
  const input: RoundInput = {
    units: strata.map((s) => ({ code: s.unit.code, level: s.unit.level as UnitLevel, population: s.population })),
    elements,
    responses: [...responses.values()],
  };
  return { instrument, strata, elements, result: computeRound(input) };
}
