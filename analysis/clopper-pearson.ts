/**
 * Clopper–Pearson ("exact") binomial confidence interval for x successes in n trials:
 *
 *   lower = B⁻¹(α/2; x, n − x + 1)   (0 when x = 0)
 *   upper = B⁻¹(1 − α/2; x + 1, n − x)   (1 when x = n)
 *
 * where B⁻¹ is the beta quantile; the same interval as R's `binom.test(x, n)$conf.int`.
 * Used where the design-based standard error is zero and the logit interval does not
 * exist (all answers alike, or a census).
 *
 * Source: Clopper, C. J. & Pearson, E. S. (1934) Biometrika 26(4):404–413.
 *
 * Complexity: two beta quantiles, O(√n) each per iteration.
 *
 * @example clopperPearsonInterval(10, 10) // [0.6915028921812394, 1]  (binom.test(10, 10): 0.69150289218123917)
 */
import { CONFIDENCE_LEVEL } from "./constants";
import { betaQuantile } from "./incomplete-beta";

export function clopperPearsonInterval(
  successes: number,
  trials: number,
  level: number = CONFIDENCE_LEVEL,
): [number, number] | null {
  if (!(trials > 0) || successes < 0 || successes > trials) return null;
  const alpha = 1 - level;
  const lower = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
  const upper = successes === trials ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
  return [lower, upper];
}
