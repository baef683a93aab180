/**
 * The element and SIPAS intervals of index-intervals.ts by one pass over the dense answer
 * matrix: u_i for every quantity and grouping per respondent, squared deviation from the
 * ū_h the set-up computed from the counts (no cancellation: Σ (u_i − ū_h)² is summed
 * directly). The form used by computeRound and the CLI; from aggregates without
 * respondents, index-intervals-pairs.ts gives the same sums.
 *
 * Complexity: O(R·K) for the pass (3 table look-ups per answer, about 0.3 s of CPU per
 * million questionnaires × 22 criteria), O(H·K·G) otherwise.
 */
import { SATISFIED_MIN_SCORE } from "./constants";
import {
  GROUPINGS,
  groupIntervals,
  satisfiedIn,
  validIn,
  type GroupIntervals,
  type Grouping,
  type IndexInfluence,
  type PublishedIndices,
} from "./index-intervals";
import { COUNT_SLOTS, type RoundMatrix, type RoundTally } from "./tally";
import type { RoundUnit } from "./types";

/**
 * Element and SIPAS intervals for the three groupings of the strata, in one pass.
 * `indices[g]` holds each group's published element indices and SIPAS index (so the
 * interval is centred on exactly the published value).
 */
export function indexIntervals(
  matrix: RoundMatrix,
  tally: RoundTally,
  units: readonly RoundUnit[],
  groupings: readonly Grouping[],
  indices: readonly PublishedIndices[][],
): GroupIntervals[] {
  return groupIntervals(matrix, tally, units, groupings, indices, (influence) =>
    matrixSumSquares(matrix, tally, influence),
  );
}

/**
 * Σ (u_i − ū_h)² by a pass over the answer matrix: u per respondent for every quantity
 * and grouping. Complexity O(R·K), 3 table look-ups per answer, then O(H·K·G).
 */
export function matrixSumSquares(matrix: RoundMatrix, tally: RoundTally, influence: IndexInfluence): Float64Array {
  const { H, K, elementList, weight, p, sipasShare, ubar } = influence;
  const S = COUNT_SLOTS;
  const G = GROUPINGS; // imported bindings are getters once transpiled: read once for the loop
  const E = elementList.length;
  const Q = E + 1;
  // coef[((h·K + k)·S + v)·G + g]: the index's influence u from answer v to criterion k,
  // before the element coefficient's share in SIPAS (applied per respondent below).
  const coef = new Float64Array(H * K * S * G);
  for (let hk = 0; hk < H * K; hk++) {
    for (let g = 0; g < G; g++) {
      const scale = weight[hk * G + g];
      if (scale === 0) continue;
      const pk = p[hk * G + g];
      for (let v = 1; v < S; v++) coef[(hk * S + v) * G + g] = scale * ((v >= SATISFIED_MIN_SCORE ? 1 : 0) - pk);
    }
  }
  const sumSq = new Float64Array(H * G * Q);

  // The pass: u per respondent for every quantity and grouping, squared deviation from
  // ū_h. Three groupings in scalars and criteria visited element by element, so the
  // inner loop only reads: about 0.3 s of CPU per million questionnaires × 22 criteria.
  const order = Int32Array.from(elementList.flat());
  const elementEnd = new Int32Array(E);
  elementList.reduce((end, positions, e) => (elementEnd[e] = end + positions.length), 0);
  const { answers, unitIndex } = matrix;
  const R = unitIndex.length;
  const rowSize = K * S * G;
  for (let r = 0; r < R; r++) {
    const h = unitIndex[r];
    const base = r * K;
    const row = h * rowSize;
    const o0 = h * G * Q;
    const o1 = o0 + Q;
    const o2 = o1 + Q;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let j = 0;
    for (let e = 0; e < E; e++) {
      let u0 = 0;
      let u1 = 0;
      let u2 = 0;
      for (const end = elementEnd[e]; j < end; j++) {
        const k = order[j];
        const at = row + (k * S + answers[base + k]) * G;
        u0 += coef[at];
        u1 += coef[at + 1];
        u2 += coef[at + 2];
      }
      s0 += u0;
      s1 += u1;
      s2 += u2;
      const d0 = u0 - ubar[o0 + e];
      const d1 = u1 - ubar[o1 + e];
      const d2 = u2 - ubar[o2 + e];
      sumSq[o0 + e] += d0 * d0;
      sumSq[o1 + e] += d1 * d1;
      sumSq[o2 + e] += d2 * d2;
    }
    const t0 = s0 * sipasShare[h * G] - ubar[o0 + E];
    const t1 = s1 * sipasShare[h * G + 1] - ubar[o1 + E];
    const t2 = s2 * sipasShare[h * G + 2] - ubar[o2 + E];
    sumSq[o0 + E] += t0 * t0;
    sumSq[o1 + E] += t1 * t1;
    sumSq[o2 + E] += t2 * t2;
  }
  zeroAlikeStrata(sumSq, tally, influence);
  return sumSq;
}

/**
 * Where every respondent of a stratum (n_h > 1) has the same influence from each
 * criterion of a quantity — one class (not applicable, not satisfied, satisfied) for
 * all, or a group proportion of 0 or 1, which makes those classes' coefficients all 0 —
 * the u_i are one float and Σ (u_i − ū_h)² is 0 exactly. The pass leaves u_i − ū_h at
 * rounding level (ū_h comes from the counts), which for a level made only of such
 * strata would give SE ≈ 1e-15 and a zero-width interval instead of SE 0 and none (ADR 010,
 * degenerate cases). The pairwise-count form gets 0 exactly there
 * (index-intervals-pairs.ts). O(H·K·G).
 */
function zeroAlikeStrata(sumSq: Float64Array, tally: RoundTally, influence: IndexInfluence): void {
  const { H, K, elementList, weight, p } = influence;
  const S = COUNT_SLOTS;
  const G = GROUPINGS;
  const E = elementList.length;
  const Q = E + 1;
  const n = tally.responsesPerUnit;
  for (let h = 0; h < H; h++) {
    if (n[h] < 2) continue;
    for (let g = 0; g < G; g++) {
      const alike = (k: number) => {
        const at = (h * K + k) * G + g;
        if (weight[at] === 0 || p[at] === 0 || p[at] === 1) return true;
        const cell = (h * K + k) * S;
        const valid = validIn(tally.counts, cell);
        const satisfied = satisfiedIn(tally.counts, cell);
        return satisfied === n[h] || (satisfied === 0 && valid === n[h]);
      };
      let all = true;
      for (let e = 0; e < E; e++) {
        if (elementList[e].every(alike)) sumSq[(h * G + g) * Q + e] = 0;
        else all = false;
      }
      if (all) sumSq[(h * G + g) * Q + E] = 0;
    }
  }
}
