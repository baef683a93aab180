/**
 * A round summarised without its respondents: everything computeRound needs, in arrays
 * whose size depends on units × criteria, never on the number of questionnaires. A
 * database can produce these with GROUP BY queries (app/models/round-aggregates.server.ts),
 * so a dashboard over tens of thousands of interviews never loads the answers into Node
 * (issue 7; docs/decisions/016-dashboard-aggregates.md).
 *
 * - `tally`: what tally.ts gathers in its single pass (score counts per unit × criterion,
 *   Cronbach moments, importance sums). All of it is sums over respondents.
 * - `pairs`: for each unit h and ordered pair of criteria (j, l), the number of the unit's
 *   respondents with
 *     [0] a valid answer (1..5) to both j and l,
 *     [1] a satisfied answer (≥ SATISFIED_MIN_SCORE) to j and a valid answer to l,
 *     [2] a satisfied answer to both.
 *   Index `((h·K + j)·K + l)·PAIR_SLOTS + t`. The diagonal (j = l) holds the valid and
 *   satisfied counts of j. These are the second moments the element and SIPAS intervals
 *   need (index-intervals.ts): the influence of an index is linear in the satisfied and
 *   valid indicators, so Σ_i u_i² is a quadratic form in these counts
 *   (index-intervals-pairs.ts has the derivation).
 *
 * Any producer must give the same numbers as `aggregateMatrix` on the same answers;
 * `computeRoundFromAggregates` (compute-round.ts) then returns what `computeRound` does.
 *
 * Complexity of `pairCounts`: O(R·K²) time, O(H·K²) memory (the reference
 * implementation; a database computes the same counts with a self-join of answers on
 * the response, grouped by unit and the two criteria).
 *
 * @example
 * // One unit, criteria c01, c02; answers (4, 2) and (5, not applicable):
 * pairCounts({ nUnits: 1, criteria: ["c01", "c02"], elements: { E1: [0, 1] },
 *   unitIndex: Int32Array.of(0, 0), answers: Uint8Array.of(4, 2, 5, 0) })
 * // [2, 2, 2,  1, 1, 0,   // (c01, c01), (c01, c02)
 * //  1, 0, 0,  1, 0, 0]   // (c02, c01), (c02, c02)
 */
import { SATISFIED_MIN_SCORE } from "./constants";
import { RoundInputError } from "./round-matrix";
import { COUNT_SLOTS, tallyRound, type RoundMatrix, type RoundTally } from "./tally";
import type { RoundInput } from "./types";

export const PAIR_SLOTS = 3;

export interface RoundAggregates {
  nUnits: number;
  criteria: string[];
  /** Element code → criterion positions (indices into `criteria`). */
  elements: Record<string, number[]>;
  tally: RoundTally;
  pairs: Float64Array;
}

/** The pair counts of a dense answer matrix (the reference for any other producer). */
export function pairCounts(matrix: RoundMatrix): Float64Array {
  const K = matrix.criteria.length;
  const { answers, unitIndex } = matrix;
  const T = PAIR_SLOTS;
  const satisfiedFrom = SATISFIED_MIN_SCORE; // imported bindings are getters once transpiled: read once
  const pairs = new Float64Array(matrix.nUnits * K * K * T);
  const valid: number[] = [];
  for (let r = 0; r < unitIndex.length; r++) {
    const base = r * K;
    valid.length = 0;
    for (let k = 0; k < K; k++) if (answers[base + k] !== 0) valid.push(k);
    const unit = unitIndex[r] * K;
    for (const j of valid) {
      const satisfiedJ = answers[base + j] >= satisfiedFrom;
      const row = (unit + j) * K;
      for (const l of valid) {
        const at = (row + l) * T;
        pairs[at] += 1;
        if (!satisfiedJ) continue;
        pairs[at + 1] += 1;
        if (answers[base + l] >= satisfiedFrom) pairs[at + 2] += 1;
      }
    }
  }
  return pairs;
}

/** Everything computeRoundFromAggregates needs, from the answer matrix: O(R·K²). */
export function aggregateMatrix(matrix: RoundMatrix): RoundAggregates {
  return {
    nUnits: matrix.nUnits,
    criteria: matrix.criteria,
    elements: matrix.elements,
    tally: tallyRound(matrix),
    pairs: pairCounts(matrix),
  };
}

/**
 * Throws RoundInputError when aggregates do not fit the round or contradict themselves:
 * units, criteria or elements not those of `input` (criteria in element order), array
 * sizes, a unit with more responses than N_h, score counts that do not add up to the
 * unit's responses (the not-applicable slot included), or a pair diagonal that is not
 * the criterion's valid and satisfied counts. O(H·K).
 */
export function checkAggregates(input: Pick<RoundInput, "units" | "elements">, aggregates: RoundAggregates): void {
  const fail = (message: string) => {
    throw new RoundInputError(`aggregates: ${message}`);
  };
  const H = input.units.length;
  const criteria = Object.values(input.elements).flat();
  const K = criteria.length;
  const { tally, pairs } = aggregates;
  if (aggregates.nUnits !== H) fail(`${aggregates.nUnits} units, the round has ${H}`);
  if (aggregates.criteria.join() !== criteria.join())
    fail(`criteria ${aggregates.criteria.join()} are not the elements' ${criteria.join()}`);
  let position = 0;
  for (const [code, codes] of Object.entries(input.elements)) {
    const expected = codes.map(() => position++);
    if (aggregates.elements[code]?.join() !== expected.join())
      fail(`element ${code} has positions ${aggregates.elements[code]}, expected ${expected}`);
  }
  if (Object.keys(aggregates.elements).length !== Object.keys(input.elements).length)
    fail("elements differ from the round's");
  if (tally.responsesPerUnit.length !== H)
    fail(`responsesPerUnit has ${tally.responsesPerUnit.length} entries, expected ${H}`);
  if (tally.counts.length !== H * K * COUNT_SLOTS)
    fail(`counts has ${tally.counts.length} entries, expected ${H * K * COUNT_SLOTS}`);
  if (pairs.length !== H * K * K * PAIR_SLOTS)
    fail(`pairs has ${pairs.length} entries, expected ${H * K * K * PAIR_SLOTS}`);
  input.units.forEach((unit, h) => {
    const n = tally.responsesPerUnit[h];
    if (!Number.isInteger(unit.population) || unit.population < 1)
      fail(`unit ${unit.code}: population must be a positive integer, got ${unit.population}`);
    if (n > unit.population) fail(`unit ${unit.code}: ${n} responses exceed its population N_h = ${unit.population}`);
    for (let k = 0; k < K; k++) {
      const cell = (h * K + k) * COUNT_SLOTS;
      let all = 0;
      let valid = 0;
      let satisfied = 0;
      for (let v = 0; v < COUNT_SLOTS; v++) {
        all += tally.counts[cell + v];
        if (v > 0) valid += tally.counts[cell + v];
        if (v >= SATISFIED_MIN_SCORE) satisfied += tally.counts[cell + v];
      }
      if (all !== n) fail(`unit ${unit.code}, ${criteria[k]}: counts add up to ${all}, not its ${n} responses`);
      const diagonal = ((h * K + k) * K + k) * PAIR_SLOTS;
      if (pairs[diagonal] !== valid || pairs[diagonal + 1] !== satisfied || pairs[diagonal + 2] !== satisfied) {
        fail(
          `unit ${unit.code}, ${criteria[k]}: pair diagonal ${pairs.subarray(diagonal, diagonal + PAIR_SLOTS).join()} is not ${valid},${satisfied},${satisfied}`,
        );
      }
    }
  });
}
