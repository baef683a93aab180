/**
 * Checks a RoundInput and lays it out as the dense matrix the tally reads
 * (see tally.ts). Throws RoundInputError naming the response and criterion for: an
 * unknown unit, an answer outside 1..5, a duplicate response id, a duplicate unit, a
 * criterion in two elements, a population that is not a positive integer, or a unit
 * with more responses than its population N_h.
 *
 * Criteria are the elements' criteria in order; answers to other keys are ignored and
 * a missing key counts as not applicable.
 *
 * Complexity: O(R·K).
 */
import { SCALE_MAX, SCALE_MIN } from "./constants";
import type { RoundMatrix } from "./tally";
import { UNIT_LEVELS, type RoundInput } from "./types";

export class RoundInputError extends Error {
  constructor(
    message: string,
    readonly responseIndex?: number,
    readonly criterion?: string,
  ) {
    super(message);
    this.name = "RoundInputError";
  }
}

export function toRoundMatrix(input: RoundInput): RoundMatrix {
  const unitPosition = new Map<string, number>();
  input.units.forEach((u, h) => {
    if (unitPosition.has(u.code)) throw new RoundInputError(`duplicate unit ${u.code}`);
    if (!Number.isInteger(u.population) || u.population < 1) {
      throw new RoundInputError(`unit ${u.code}: population must be a positive integer, got ${u.population}`);
    }
    if (!UNIT_LEVELS.includes(u.level)) throw new RoundInputError(`unit ${u.code}: unknown level ${u.level}`);
    unitPosition.set(u.code, h);
  });
  const criteria: string[] = [];
  const elements: Record<string, number[]> = {};
  for (const [element, codes] of Object.entries(input.elements)) {
    elements[element] = codes.map((c) => {
      if (criteria.includes(c)) throw new RoundInputError(`criterion ${c} appears in two elements`);
      criteria.push(c);
      return criteria.length - 1;
    });
  }
  const K = criteria.length;
  const R = input.responses.length;
  const unitIndex = new Int32Array(R);
  const answers = new Uint8Array(R * K);
  const perUnit = new Int32Array(input.units.length);
  const ids = new Set<string>();
  for (let r = 0; r < R; r++) {
    const response = input.responses[r];
    const h = unitPosition.get(response.unitCode);
    if (h === undefined) throw new RoundInputError(`response ${response.id}: unknown unit ${response.unitCode}`, r);
    if (ids.has(response.id)) throw new RoundInputError(`duplicate response id ${response.id}`, r);
    ids.add(response.id);
    unitIndex[r] = h;
    perUnit[h] += 1;
    for (let k = 0; k < K; k++) {
      const v = response.answers[criteria[k]];
      if (v === null || v === undefined) continue;
      if (!Number.isInteger(v) || v < SCALE_MIN || v > SCALE_MAX) {
        throw new RoundInputError(
          `response ${response.id}: ${criteria[k]} = ${v} is not an integer ${SCALE_MIN}..${SCALE_MAX}`,
          r,
          criteria[k],
        );
      }
      answers[r * K + k] = v;
    }
  }
  input.units.forEach((u, h) => {
    if (perUnit[h] > u.population) {
      throw new RoundInputError(`unit ${u.code}: ${perUnit[h]} responses exceed its population N_h = ${u.population}`);
    }
  });
  return { nUnits: input.units.length, criteria, elements, unitIndex, answers };
}
