/**
 * One pass over the responses of a round into typed arrays, from which every estimate
 * is computed: counts of each score per unit × criterion, Cronbach moments per element
 * and overall, and the sums behind each criterion's importance correlation.
 *
 * Input is a dense matrix: `unitIndex[r]` and `answers[r·K + k]` (0 = not applicable,
 * 1..5 = score), so the hot loop touches no objects or strings.
 *
 * Complexity: O(R·K) time for R responses and K criteria; O(H·K) memory.
 *
 * @example
 * tallyRound({ nUnits: 1, criteria: ["c01"], elements: { ALL: [0] },
 *   unitIndex: Int32Array.of(0), answers: Uint8Array.of(4) }).counts // [0,0,0,0,1,0]
 */
import { addAlphaCase, emptyAlphaMoments, type AlphaMoments } from "./cronbach-alpha";
import { emptyImportanceSums, type ImportanceSums } from "./priorities";

/** Counts per unit × criterion: not applicable, then scores 1..5. */
export const COUNT_SLOTS = 6;

export interface RoundMatrix {
  nUnits: number;
  criteria: string[];
  /** Element code → criterion positions (indices into `criteria`). */
  elements: Record<string, number[]>;
  unitIndex: Int32Array;
  answers: Uint8Array;
}

export interface RoundTally {
  responsesPerUnit: Int32Array;
  counts: Float64Array;
  alpha: { overall: AlphaMoments; elements: Record<string, AlphaMoments> };
  importance: ImportanceSums;
}

export function tallyRound(m: RoundMatrix): RoundTally {
  const K = m.criteria.length;
  const R = m.unitIndex.length;
  const counts = new Float64Array(m.nUnits * K * COUNT_SLOTS);
  const responsesPerUnit = new Int32Array(m.nUnits);
  const groups = Object.entries(m.elements).map(([code, items]) => ({ code, items, moments: emptyAlphaMoments(items.length) }));
  const overall = emptyAlphaMoments(K);
  const importance = emptyImportanceSums(K);
  const scratch = new Float64Array(K);
  const { n: iN, x: iX, xx: iXX, m: iM, mm: iMM, xm: iXM } = importance;
  for (let r = 0; r < R; r++) {
    const base = r * K;
    const h = m.unitIndex[r];
    responsesPerUnit[h] += 1;
    const cell = h * K * COUNT_SLOTS;
    let valid = 0;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const v = m.answers[base + k];
      counts[cell + k * COUNT_SLOTS + v] += 1;
      if (v !== 0) {
        valid += 1;
        sum += v;
      }
    }
    if (valid === K) addAlphaCase(overall, m.answers.subarray(base, base + K));
    for (const g of groups) {
      let complete = true;
      for (let j = 0; j < g.items.length; j++) {
        const v = m.answers[base + g.items[j]];
        if (v === 0) { complete = false; break; }
        scratch[j] = v;
      }
      if (complete) addAlphaCase(g.moments, scratch);
    }
    if (valid < 2) continue;
    const others = 1 / (valid - 1);
    for (let k = 0; k < K; k++) {
      const x = m.answers[base + k];
      if (x === 0) continue;
      const rest = (sum - x) * others;
      iN[k] += 1;
      iX[k] += x;
      iXX[k] += x * x;
      iM[k] += rest;
      iMM[k] += rest * rest;
      iXM[k] += x * rest;
    }
  }
  const elements: Record<string, AlphaMoments> = {};
  for (const g of groups) elements[g.code] = g.moments;
  return { responsesPerUnit, counts, alpha: { overall, elements }, importance };
}
