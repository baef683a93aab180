/**
 * Difference between two independent estimates (two units, or one unit in two rounds):
 *
 *   d = θ₁ − θ₂,   SE(d) = √(SE₁² + SE₂²),   T = d / SE(d)
 *
 * Reference distribution (`COMPARISON_REFERENCE`): Student's t with Welch–Satterthwaite
 * degrees of freedom df = SE(d)⁴ / (SE₁⁴/df₁ + SE₂⁴/df₂), the same small-sample
 * correction the single estimates' intervals use (t with design df); when a df is not
 * given, standard normal. Two-sided p = 2·P(T_df > |T|). The interval of d uses the
 * same quantile at CONFIDENCE_LEVEL.
 *
 * Source: Welch, B. L. (1947) Biometrika 34:28–35; Satterthwaite, F. E. (1946)
 * Biometrics Bulletin 2:110–114.
 * Complexity: O(1) plus one t quantile.
 *
 * @example
 * compareEstimates({ estimate: 0.9, se: 0.03, df: 40 }, { estimate: 0.8, se: 0.04, df: 30 })
 * // { difference: 0.1, se: 0.05, df: 59.19…, statistic: 2, p_value: 0.0501…, significant: false, … }
 */
import { CONFIDENCE_LEVEL } from "./constants";
import { normalCdf, normalQuantile } from "./normal";
import { studentTQuantile, studentTUpperTail } from "./student-t";

export const COMPARISON_REFERENCE = "t-welch-satterthwaite" as const;

export interface EstimateWithSe {
  estimate: number;
  se: number;
  /** Degrees of freedom of the estimate's variance; omitted = large sample. */
  df?: number | null;
}

export interface Comparison {
  difference: number;
  se: number;
  df: number | null;
  statistic: number | null;
  p_value: number | null;
  ci: [number, number] | null;
  /** True when the two-sided p value is below 1 − CONFIDENCE_LEVEL. */
  significant: boolean | null;
}

export function compareEstimates(a: EstimateWithSe, b: EstimateWithSe, level: number = CONFIDENCE_LEVEL): Comparison {
  const difference = a.estimate - b.estimate;
  const v1 = a.se * a.se;
  const v2 = b.se * b.se;
  const se = Math.sqrt(v1 + v2);
  const df = welchDf(v1, a.df, v2, b.df);
  if (!(se > 0)) return { difference, se, df, statistic: null, p_value: null, ci: null, significant: null };
  const statistic = difference / se;
  const upper = df === null ? 1 - normalCdf(Math.abs(statistic)) : studentTUpperTail(Math.abs(statistic), df);
  const p = 1 - (1 - level) / 2;
  const q = df === null ? normalQuantile(p) : studentTQuantile(p, df);
  const pValue = Math.min(1, 2 * upper);
  return {
    difference,
    se,
    df,
    statistic,
    p_value: pValue,
    ci: [difference - q * se, difference + q * se],
    significant: pValue < 1 - level,
  };
}

function welchDf(
  v1: number,
  df1: number | null | undefined,
  v2: number,
  df2: number | null | undefined,
): number | null {
  if (df1 == null || df2 == null || !(df1 > 0) || !(df2 > 0)) return null;
  const denominator = (v1 * v1) / df1 + (v2 * v2) / df2;
  return denominator > 0 ? ((v1 + v2) * (v1 + v2)) / denominator : null;
}
