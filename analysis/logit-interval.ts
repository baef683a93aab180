/**
 * Confidence interval for a proportion built on the logit scale, as R's
 * `svyciprop(~y, design, method = "logit")`: survey fits `svyglm(y ~ 1, family =
 * quasibinomial)` and takes a Wald interval on the intercept with `ddf = degf(design)`.
 * For an intercept-only model that is exactly the delta method:
 *
 *   logit(p) ± t_{1−α/2, df} · SE(p) / (p(1 − p)),   then back through expit.
 *
 * Defined only for 0 < p < 1, SE > 0 and df ≥ 1; otherwise null.
 *
 * Source: Lumley, survey package documentation, `?svyciprop`; Korn & Graubard (1998).
 *
 * Complexity: one t quantile.
 *
 * @example logitInterval(0.8, 0.05, 99) // [0.6827040590063497, 0.8814634471541524]
 */
import { CONFIDENCE_LEVEL } from "./constants";
import { studentTQuantile } from "./student-t";

export function logitInterval(
  p: number,
  se: number,
  df: number,
  level: number = CONFIDENCE_LEVEL,
): [number, number] | null {
  if (!(p > 0 && p < 1) || !(se > 0) || !(df >= 1)) return null;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const center = Math.log(p / (1 - p));
  const halfWidth = (q * se) / (p * (1 - p));
  return [expit(center - halfWidth), expit(center + halfWidth)];
}

export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
