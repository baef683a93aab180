/**
 * Σ_{i∈h} (u_i − ū_h)² of index-intervals.ts from pairwise counts instead of the answer
 * matrix, so the element and SIPAS intervals can be computed from database aggregates
 * (aggregates.ts, issue 7). Same result as the matrix pass to rounding.
 *
 * Derivation. Write y_ik for "respondent i satisfied with k" and z_ik = x_ik − y_ik for
 * "valid but not satisfied" (x = valid). An index's influence in stratum h is
 *
 *   u_i = Σ_k a_k (y_ik − p_k x_ik) = Σ_k (α_k y_ik + β_k z_ik),
 *   α_k = a_k (1 − p_k),  β_k = −a_k p_k,
 *
 * with a_k = weight_hk (times 1/E for SIPAS, summing over all criteria; over the
 * element's criteria for an element) and p_k the group's proportion. u is linear in the
 * indicators, so its centred sum of squares is a quadratic form in their centred
 * cross-products (Wolter 2007 §6.3: the linearised variance of a function of ratios is
 * that of a linear combination of totals; Lumley 2010 §3.3):
 *
 *   Σ_{i∈h} (u_i − ū_h)² = αᵀ C_yy α + 2 αᵀ C_yz β + βᵀ C_zz β,
 *   C_ab[k, l] = Σ_{i∈h} a_ik b_il − A_k B_l / n_h   (A_k = Σ_i a_ik),
 *
 * and every C comes from the pair counts: Σ y_k y_l = S_kl (slot 2), Σ y_k z_l =
 * Y_kX_l − S_kl, Σ z_k z_l = V_kl − Y_kX_l − Y_lX_k + S_kl (slots 0, 1).
 *
 * Precision. The expansion Σ u² − n ū² (ū_h from the set-up) subtracts two nearly
 * equal numbers whenever a stratum's u_i barely vary around a mean far from 0 (levels and
 * the round, where p is the group's, not the stratum's). Where the true sum is 0 — every
 * respondent of a unit answering alike — it keeps rounding residue (~1e-16 · n ū²), and
 * a level made of such units then gets a rounding-level SE and a zero-width interval
 * instead of SE 0 and none (ADR 010). Centring the integer counts first, n_h·Σ ab − A·B, is exact
 * (integers below 2^53), so n ū² never appears and such strata give 0 exactly; α and β
 * carry 1 − p and p separately, so a criterion answered by everyone (z = 1 − y) adds
 * non-negative terms only. Measured in analysis/aggregates.test.ts against the matrix
 * pass, per stratum (several random runs): wherever the sum is not 0 the centred form is
 * within 2e-11 relative and the expansion within 1e-10 — neither worse than 1e-9; where
 * it is 0, the expansion leaves residue up to 3e-16 of its terms, the centred form up to
 * 2e-17 and
 * only where the zero is a coincidence of weights across criteria (u_i constant although
 * the answers differ), which neither form sees exactly: the matrix pass too then gives a
 * rounding-level SE (up to 1e-7 seen) and possibly a zero-width interval.
 * A lonely stratum (n_h = 1) is left uncentred, as in the matrix pass
 * (survey.lonely.psu = "adjust").
 *
 * Complexity: O(H·K²·G) time (G = 3 groupings), O(K²) extra memory; independent of the
 * number of respondents.
 *
 * @example
 * // One unit, one criterion c01 (element E1), answers 4, 2, 5: p = 2/3 in every grouping,
 * // weight 100/3, u = (100/3)(y − 2/3) = 11.1, −22.2, 11.1 and ū = 0, so for E1 and
 * // SIPAS in each of the three groupings
 * pairSumSquares(Float64Array.of(3, 2, 2), tally, influence) // [740.740…, 740.740…, … ×6]
 * // = 100² · 6/81, what matrixSumSquares gives from the three answers.
 */
import { PAIR_SLOTS, type RoundAggregates } from "./aggregates";
import {
  GROUPINGS,
  groupIntervals,
  type GroupIntervals,
  type Grouping,
  type IndexInfluence,
  type PublishedIndices,
} from "./index-intervals";
import type { RoundTally } from "./tally";
import type { RoundUnit } from "./types";

/** indexIntervals (index-intervals-matrix.ts) from a round's aggregates: the same GroupIntervals, no respondent rows. */
export function indexIntervalsFromPairs(
  aggregates: RoundAggregates,
  units: readonly RoundUnit[],
  groupings: readonly Grouping[],
  indices: readonly PublishedIndices[][],
): GroupIntervals[] {
  const { tally, pairs } = aggregates;
  return groupIntervals(aggregates, tally, units, groupings, indices, (influence) =>
    pairSumSquares(pairs, tally, influence),
  );
}

export function pairSumSquares(pairs: Float64Array, tally: RoundTally, influence: IndexInfluence): Float64Array {
  const { H, K, elementList, weight, p, sipasShare } = influence;
  const G = GROUPINGS;
  const T = PAIR_SLOTS;
  const E = elementList.length;
  const Q = E + 1;
  if (pairs.length !== H * K * K * T)
    throw new Error(`pairSumSquares: expected ${H * K * K * T} pair counts, got ${pairs.length}`);
  const n = tally.responsesPerUnit;
  const sumSq = new Float64Array(H * G * Q);
  const cyy = new Float64Array(K * K);
  const cyz = new Float64Array(K * K);
  const czz = new Float64Array(K * K);
  const alpha = new Float64Array(K);
  const beta = new Float64Array(K);
  const all = elementList.flat();
  // Σ_{k,l ∈ positions} (α_k α_l C_yy + α_k β_l C_yz[k,l] + β_k α_l C_yz[l,k] + β_k β_l C_zz).
  const form = (positions: readonly number[]) => {
    let s = 0;
    for (const k of positions) {
      const ak = alpha[k];
      const bk = beta[k];
      if (ak === 0 && bk === 0) continue;
      for (const l of positions) {
        const kl = k * K + l;
        s += ak * (alpha[l] * cyy[kl] + beta[l] * cyz[kl]) + bk * (alpha[l] * cyz[l * K + k] + beta[l] * czz[kl]);
      }
    }
    return s;
  };
  for (let h = 0; h < H; h++) {
    const nh = n[h];
    if (nh === 0) continue;
    centredCrossProducts(pairs, h, K, nh, cyy, cyz, czz);
    for (let g = 0; g < G; g++) {
      for (let k = 0; k < K; k++) {
        const a = weight[(h * K + k) * G + g];
        const pk = p[(h * K + k) * G + g];
        alpha[k] = a * (1 - pk);
        beta[k] = -a * pk;
      }
      const out = (h * G + g) * Q;
      for (let e = 0; e < E; e++) sumSq[out + e] = form(elementList[e]);
      const share = sipasShare[h * G + g];
      sumSq[out + E] = share * share * form(all);
    }
  }
  return sumSq;
}

/** C_yy, C_yz, C_zz of stratum h (uncentred when n_h = 1), each exact before one division. */
function centredCrossProducts(
  pairs: Float64Array,
  h: number,
  K: number,
  nh: number,
  cyy: Float64Array,
  cyz: Float64Array,
  czz: Float64Array,
): void {
  const T = PAIR_SLOTS;
  const at = (j: number, l: number) => ((h * K + j) * K + l) * T;
  const centre = nh > 1;
  for (let j = 0; j < K; j++) {
    const yj = pairs[at(j, j) + 2];
    const zj = pairs[at(j, j)] - yj;
    for (let l = 0; l < K; l++) {
      const jl = at(j, l);
      const valid = pairs[jl];
      const yx = pairs[jl + 1]; // y_j x_l
      const xy = pairs[at(l, j) + 1]; // y_l x_j
      const yy = pairs[jl + 2];
      const yz = yx - yy;
      const zz = valid - yx - xy + yy;
      const yl = pairs[at(l, l) + 2];
      const zl = pairs[at(l, l)] - yl;
      const kl = j * K + l;
      if (centre) {
        cyy[kl] = (nh * yy - yj * yl) / nh;
        cyz[kl] = (nh * yz - yj * zl) / nh;
        czz[kl] = (nh * zz - zj * zl) / nh;
      } else {
        cyy[kl] = yy;
        cyz[kl] = yz;
        czz[kl] = zz;
      }
    }
  }
}
