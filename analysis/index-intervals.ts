/**
 * Standard errors and 95% intervals of the element and SIPAS indices, for each unit,
 * each level and the round (ADR 010).
 *
 * An index is a fixed linear combination of criterion estimates, θ = 100·Σ_j c_j p_j
 * (element: c_j = 1/m over its m criteria with data; SIPAS: c_j = 1/(E·m_e) over the E
 * elements with data). Criterion j's estimate (ADR 004, unchanged) is
 *
 *   p_j = Σ_h N_h ȳ_hj / N_j,   N_j = Σ_{h: n_hj > 0} N_h,
 *
 * which is the ratio Σ_i w_i ỹ_ij / Σ_i w_i x̃_ij on the respondent-level design
 * (strata = units, w_i = N_h/n_h, fpc N_h) with x̃_ij = x_ij·n_h/n_hj (x = valid answer)
 * and ỹ_ij = y_ij·n_h/n_hj (y = satisfied). Its Taylor-series influence is
 *
 *   z_ij = w_i (ỹ_ij − p_j x̃_ij) / X̂_j = (N_h / (n_hj N_j)) · (y_ij − p_j) · x_ij
 *
 * and the index's is u_i = 100·Σ_j c_j z_ij. Its variance is the stratified variance of
 * the total Σ_i u_i (Σ_i u_i = 0 over the group):
 *
 *   V(θ) = Σ_h (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_{i∈h} (u_i − ū_h)²
 *
 * with n_h the unit's respondents; a unit with one respondent adds (1 − 1/N_h)·u_i²
 * (survey.lonely.psu = "adjust", centred at the grand mean 0, as stratified-mean.ts);
 * a census stratum (n_h = N_h) adds nothing. df = Σ_h n_h − H (survey's `degf`).
 * Interval: θ ± t_{df, 0.975}·SE clipped to [0, 100].
 *
 * ū_h is known from the counts, ū_h = 100·Σ_j c_j N_h (x_hj − p_j n_hj) / (n_hj N_j n_h)
 * with x_hj the stratum's satisfied count. Σ_{i∈h} (u_i − ū_h)² comes from one of two
 * places, the rest is shared (this file: `indexInfluence` sets up the coefficients and
 * ū_h, `intervalsFromSumSquares` turns sums of squares into intervals):
 * - a pass over the answer matrix, summing (u_i − ū_h)² directly
 *   (index-intervals-matrix.ts; computeRound, the CLI);
 * - pairwise counts of valid and satisfied answers per unit, u being linear in those
 *   indicators (index-intervals-pairs.ts; computeRoundFromAggregates, issue 7).
 *
 * Source: Wolter, K. (2007) Introduction to Variance Estimation, 2nd ed., §6.3 (Taylor
 * series for a ratio and functions of ratios); Lumley, T. (2010) Complex Surveys §2.2,
 * §3.3; survey 4.1-1 `svyratio.survey.design2` (influence (y − R x)/X̂), `svycontrast`,
 * `svyrecvar`/`onestrat`. Reproduced in tests/fixtures/r/make-index-fixtures.R.
 *
 * Complexity: O(R·K) for the matrix pass or O(H·K²) from pairs; O(H·K) otherwise.
 *
 * @example
 * indexInterval(80, 4, 10) // { index: 80, se: 2, df: 10, ci: [75.5437…, 84.4562…] } (qt(.975, 10) = 2.2281…)
 * // An element of one criterion answered by everyone has SE = 100 × the criterion's SE.
 */
import { CONFIDENCE_LEVEL, INDEX_SCALE, SATISFIED_MIN_SCORE } from "./constants";
import { studentTQuantile } from "./student-t";
import { COUNT_SLOTS, type RoundMatrix, type RoundTally } from "./tally";
import type { IndexInterval, RoundUnit } from "./types";

/** survey's onestrat treats f < 1e-7 as a self-representing (census) stratum (stratified-mean.ts). */
const CENSUS_FRACTION_TOLERANCE = 1e-7;

/** Each response belongs to three groups: its unit, its level, the round. */
export const GROUPINGS = 3;

/** What the set-up needs of a round: its units, criteria and elements (a RoundMatrix or RoundAggregates). */
export type RoundLayout = Pick<RoundMatrix, "nUnits" | "criteria" | "elements">;

/**
 * A set of groups that partition the strata with respondents: `groupOf[h]` is the
 * group of stratum h (−1: no respondents), `p[g·K + k]` the criterion proportion of
 * group g (NaN: no data).
 */
export interface Grouping {
  groupOf: Int32Array;
  nGroups: number;
  p: Float64Array;
}

export interface GroupIntervals {
  /** Per group: element code → interval, in element order. */
  elements: IndexInterval[][];
  sipas: IndexInterval[];
}

/**
 * The influence of every quantity (each element, then SIPAS: Q = E + 1) in every
 * grouping, as coefficients per stratum h and criterion k (G = GROUPINGS):
 * element e's u_i = Σ_{k∈e} weight_hkg · (y_ik − p_hkg · x_ik) and SIPAS's
 * u_i = sipasShare_hg · Σ_e u_ie. Shared by the matrix pass and the pairwise-count form.
 */
export interface IndexInfluence {
  H: number;
  K: number;
  /** Elements' criterion positions, in element order. */
  elementList: number[][];
  /** [(h·K + k)·G + g]: 100 · c_e · N_h / (n_hk · N_gk); 0 when k has no data in h or its group. */
  weight: Float64Array;
  /** [(h·K + k)·G + g]: the group's proportion p_k where weight ≠ 0, else 0. */
  p: Float64Array;
  /** [h·G + g] = 1/E_g: SIPAS is the mean of the group's elements with data. */
  sipasShare: Float64Array;
  /** [(h·G + g)·Q + q]: ū_h, from the counts; 0 for a lonely stratum (n_h = 1). */
  ubar: Float64Array;
}

/**
 * Σ_{i∈h} (u_i − ū_h)² at [(h·G + g)·Q + q] for every stratum, grouping and quantity
 * (Σ u_i² for a lonely stratum): from the answer matrix or from pairwise counts.
 */
export type IndexSumSquares = (influence: IndexInfluence) => Float64Array;

/** A group's published element indices (element order) and SIPAS index: each interval is centred on exactly these. */
export interface PublishedIndices {
  elements: (number | null)[];
  sipas: number | null;
}

/** The intervals from any source of Σ (u_i − ū_h)²: set-up, sums of squares, variances. */
export function groupIntervals(
  layout: RoundLayout,
  tally: RoundTally,
  units: readonly RoundUnit[],
  groupings: readonly Grouping[],
  indices: readonly PublishedIndices[][],
  sumSquares: IndexSumSquares,
): GroupIntervals[] {
  const influence = indexInfluence(layout, tally, units, groupings);
  return intervalsFromSumSquares(sumSquares(influence), influence, tally, units, groupings, indices);
}

/** The coefficients of every influence u and ū_h, from the counts: O(H·K·G). */
export function indexInfluence(
  layout: RoundLayout,
  tally: RoundTally,
  units: readonly RoundUnit[],
  groupings: readonly Grouping[],
): IndexInfluence {
  const K = layout.criteria.length;
  const H = layout.nUnits;
  const S = COUNT_SLOTS;
  const G = GROUPINGS;
  if (groupings.length !== G) throw new Error(`indexIntervals: expected ${G} groupings (unit, level, round)`);
  const elementList = Object.values(layout.elements);
  const E = elementList.length;
  const Q = E + 1; // quantities: each element, then SIPAS
  const n = tally.responsesPerUnit;

  const weight = new Float64Array(H * K * G);
  const pOf = new Float64Array(H * K * G);
  const ubar = new Float64Array(H * G * Q);
  const sipasShare = new Float64Array(H * G);

  groupings.forEach((grouping, g) => {
    const { groupOf, p } = grouping;
    const populationWithData = new Float64Array(grouping.nGroups * K);
    for (let h = 0; h < H; h++) {
      const group = groupOf[h];
      if (group < 0) continue;
      for (let k = 0; k < K; k++)
        if (validIn(tally.counts, (h * K + k) * S) > 0) populationWithData[group * K + k] += units[h].population;
    }
    // Element coefficient 1/m_e and SIPAS share 1/E per group.
    const elementCoef = new Float64Array(grouping.nGroups * E);
    const groupShare = new Float64Array(grouping.nGroups);
    for (let group = 0; group < grouping.nGroups; group++) {
      let withData = 0;
      elementList.forEach((positions, e) => {
        let m = 0;
        for (const k of positions) if (!Number.isNaN(p[group * K + k])) m += 1;
        if (m > 0) {
          elementCoef[group * E + e] = 1 / m;
          withData += 1;
        }
      });
      groupShare[group] = withData > 0 ? 1 / withData : 0;
    }
    for (let h = 0; h < H; h++) {
      const group = groupOf[h];
      if (group < 0) continue;
      sipasShare[h * G + g] = groupShare[group];
      let sipasMean = 0;
      for (let e = 0; e < E; e++) {
        const c = elementCoef[group * E + e];
        let mean = 0;
        if (c > 0) {
          for (const k of elementList[e]) {
            const cell = (h * K + k) * S;
            const nk = validIn(tally.counts, cell);
            const pk = p[group * K + k];
            if (nk === 0 || Number.isNaN(pk)) continue;
            const scale = (INDEX_SCALE * c * units[h].population) / (nk * populationWithData[group * K + k]);
            weight[(h * K + k) * G + g] = scale;
            pOf[(h * K + k) * G + g] = pk;
            mean += scale * (satisfiedIn(tally.counts, cell) - pk * nk);
          }
        }
        // A lonely stratum is left uncentred, as survey's onestrat does under "adjust"
        // (the grand mean of u is 0 anyway).
        const centre = n[h] > 1 ? mean / n[h] : 0;
        ubar[(h * G + g) * Q + e] = centre;
        sipasMean += centre;
      }
      ubar[(h * G + g) * Q + E] = sipasMean * groupShare[group];
    }
  });
  return { H, K, elementList, weight, p: pOf, sipasShare, ubar };
}

/** V(θ) = Σ_h (1 − f_h)·n_h/(n_h − 1)·sumSq per group, then SE, df and interval. O(H·Q·G). */
export function intervalsFromSumSquares(
  sumSq: Float64Array,
  influence: IndexInfluence,
  tally: RoundTally,
  units: readonly RoundUnit[],
  groupings: readonly Grouping[],
  indices: readonly PublishedIndices[][],
): GroupIntervals[] {
  const { H } = influence;
  const G = GROUPINGS;
  const E = influence.elementList.length;
  const Q = E + 1;
  const n = tally.responsesPerUnit;
  return groupings.map((grouping, g) => {
    const variance = new Float64Array(grouping.nGroups * Q);
    const respondents = new Float64Array(grouping.nGroups);
    const strata = new Float64Array(grouping.nGroups);
    for (let h = 0; h < H; h++) {
      const group = grouping.groupOf[h];
      if (group < 0) continue;
      respondents[group] += n[h];
      strata[group] += 1;
      const N = units[h].population;
      const f = (N - n[h]) / N;
      if (f < CENSUS_FRACTION_TOLERANCE) continue;
      const factor = n[h] > 1 ? (f * n[h]) / (n[h] - 1) : f;
      for (let q = 0; q < Q; q++) variance[group * Q + q] += factor * sumSq[(h * G + g) * Q + q];
    }
    const elements: IndexInterval[][] = [];
    const sipas: IndexInterval[] = [];
    for (let group = 0; group < grouping.nGroups; group++) {
      const df = respondents[group] - strata[group];
      const single = respondents[group] < 2;
      const interval = (index: number | null, q: number) =>
        index === null ? emptyInterval() : indexInterval(index, single ? null : variance[group * Q + q], df);
      const published = indices[g][group];
      elements.push(published.elements.map((index, e) => interval(index, e)));
      sipas.push(interval(published.sipas, E));
    }
    return { elements, sipas };
  });
}

export function emptyInterval(): IndexInterval {
  return { index: null, se: null, df: null, ci: null };
}

/**
 * An index with variance V on the 0–100 scale: SE = √V, interval θ ± t·SE clipped to
 * [0, 100]; no interval when SE is 0 (all alike or a census) or df < 1; SE, df and
 * interval null when `variance` is null (one respondent).
 */
export function indexInterval(
  index: number,
  variance: number | null,
  df: number,
  level: number = CONFIDENCE_LEVEL,
): IndexInterval {
  if (variance === null || !Number.isFinite(variance)) return { index, se: null, df: null, ci: null };
  const se = Math.sqrt(Math.max(0, variance));
  if (!(se > 0) || !(df >= 1)) return { index, se, df, ci: null };
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return { index, se, df, ci: [Math.max(0, index - q * se), Math.min(INDEX_SCALE, index + q * se)] };
}

/**
 * The mean of the unit SIPAS indices of a group, with its SE: the units are independent
 * strata, so V = Σ_h V(SIPAS_h) / H² over the H units with an index. SE null when a unit
 * has an index but no SE (one respondent). df = Σ n_h − H, as for the pooled index.
 */
export function meanOfUnitsInterval(
  unitIntervals: readonly { sipas: IndexInterval; n_responses: number }[],
): IndexInterval {
  const members = unitIntervals.filter((u) => u.sipas.index !== null);
  if (members.length === 0) return emptyInterval();
  let sum = 0;
  let variance: number | null = 0;
  let respondents = 0;
  for (const u of members) {
    sum += u.sipas.index as number;
    respondents += u.n_responses;
    if (u.sipas.se === null) variance = null;
    else if (variance !== null) variance += u.sipas.se * u.sipas.se;
  }
  const H = members.length;
  return indexInterval(sum / H, variance === null ? null : variance / (H * H), respondents - H);
}

/** Valid answers (1..5) in the counts of one unit × criterion starting at `cell`. */
export function validIn(counts: Int32Array, cell: number): number {
  let n = 0;
  for (let v = 1; v < COUNT_SLOTS; v++) n += counts[cell + v];
  return n;
}

/** Satisfied answers in the counts of one unit × criterion starting at `cell`. */
export function satisfiedIn(counts: Int32Array, cell: number): number {
  let x = 0;
  for (let v = SATISFIED_MIN_SCORE; v < COUNT_SLOTS; v++) x += counts[cell + v];
  return x;
}
