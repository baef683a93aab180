/**
 * Margin of error a planned sample will have: the half-width of the normal-theory
 * interval for a proportion at p = 0.5 (worst case).
 *
 * One unit (simple random sample of n from N), the inverse of Cochran's formula:
 *   e = z·√( p(1 − p)/n · (N − n)/(N − 1) )
 * A round (stratified, strata = units), Cochran (1977) eq. (5.6) with S_h² = N_h·PQ/(N_h−1):
 *   e = z·√( Σ_h (N_h/N)² (1 − n_h/N_h) S_h² / n_h )
 * which equals the one-unit formula when there is one stratum. A census (n = N) has 0.
 * A unit with n = 0 in `plannedMargins` gets null (no estimate is possible).
 *
 * Source: Cochran, W. G. (1977) Sampling Techniques, 3rd ed., §3.4 and §5.3.
 * Complexity: O(H).
 *
 * @example marginOfError({ n: 278, population: 1000 }) // 0.04996…
 */
import { CONFIDENCE_LEVEL, WORST_CASE_PROPORTION } from "./constants";
import { normalQuantile } from "./normal";

export interface MarginOptions {
  proportion?: number;
  confidenceLevel?: number;
}

export function marginOfError(sample: { n: number; population?: number }, options: MarginOptions = {}): number {
  return stratifiedMarginOfError([{ n: sample.n, population: sample.population ?? Infinity }], options);
}

export function stratifiedMarginOfError(
  strata: readonly { n: number; population: number }[],
  { proportion: p = WORST_CASE_PROPORTION, confidenceLevel = CONFIDENCE_LEVEL }: MarginOptions = {},
): number {
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const total = strata.reduce((s, h) => s + h.population, 0);
  let variance = 0;
  for (const h of strata) {
    if (!(h.n > 0)) throw new RangeError("every stratum needs n > 0");
    if (h.n > h.population) throw new RangeError("n exceeds the population");
    const pq = p * (1 - p);
    if (!Number.isFinite(h.population)) {
      variance += strata.length === 1 ? pq / h.n : NaN;
      continue;
    }
    const share = h.population / total;
    const s2 = h.population > 1 ? (h.population * pq) / (h.population - 1) : 0;
    variance += share * share * (1 - h.n / h.population) * (s2 / h.n);
  }
  return z * Math.sqrt(variance);
}

export interface PlannedMargins {
  units: { code: string; n: number; population: number; margin_of_error: number | null }[];
  /** Stratified margin of the whole round (units with n = 0 are left out). */
  round: number;
}

/**
 * The margin each unit and the round will have under a planned allocation, e.g.
 * `plannedMargins(allocateSample(units, plan).map((a, h) => ({ ...a, population: units[h].population })))`.
 */
export function plannedMargins(
  plan: readonly { code: string; n: number; population: number }[],
  options: MarginOptions = {},
): PlannedMargins {
  const sampled = plan.filter((u) => u.n > 0);
  return {
    units: plan.map((u) => ({ ...u, margin_of_error: u.n > 0 ? marginOfError(u, options) : null })),
    round: stratifiedMarginOfError(sampled, options),
  };
}
