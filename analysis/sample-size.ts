/**
 * Sample size for estimating a proportion.
 *
 * Yamane (Slovin): n = N / (1 + N·e²) — the Ministry's guide, e = 5%.
 * Cochran: n₀ = z²·p(1 − p)/e², with the finite-population correction
 * n = n₀ / (1 + (n₀ − 1)/N); z = Φ⁻¹(1 − α/2), p = 0.5 the worst case.
 * Both are rounded up (`Math.ceil`), since the margin must be met, and capped at N.
 *
 * Source: Yamane, T. (1967) Statistics: An Introductory Analysis, 2nd ed., p. 886;
 * Cochran, W. G. (1977) Sampling Techniques, 3rd ed., §4.4 eq. (4.2)–(4.3).
 * Complexity: O(1).
 *
 * @example yamaneSampleSize(1000) // 286  (1000 / 3.5 = 285.7)
 * @example cochranSampleSize({ marginOfError: 0.05 }) // 385
 * @example cochranSampleSize({ marginOfError: 0.05, population: 1000 }) // 278
 */
import { CONFIDENCE_LEVEL, DEFAULT_MARGIN_OF_ERROR, WORST_CASE_PROPORTION } from "./constants";
import { normalQuantile } from "./normal";

export function yamaneSampleSize(population: number, marginOfError: number = DEFAULT_MARGIN_OF_ERROR): number {
  if (!(population > 0) || !(marginOfError > 0))
    throw new RangeError("population and margin of error must be positive");
  return Math.min(population, Math.ceil(population / (1 + population * marginOfError * marginOfError)));
}

export interface CochranOptions {
  marginOfError: number;
  proportion?: number;
  confidenceLevel?: number;
  /** N; omit for an infinite population (no correction). */
  population?: number;
}

export function cochranSampleSize(options: CochranOptions): number {
  const {
    marginOfError: e,
    proportion: p = WORST_CASE_PROPORTION,
    confidenceLevel = CONFIDENCE_LEVEL,
    population,
  } = options;
  if (!(e > 0) || !(p >= 0 && p <= 1)) throw new RangeError("margin of error must be positive and 0 <= p <= 1");
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const n0 = (z * z * p * (1 - p)) / (e * e);
  if (population === undefined) return Math.ceil(n0);
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}
