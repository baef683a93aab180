/**
 * The published numbers for one criterion over a set of strata (one unit, a level, or
 * the whole round): counts, proportion satisfied with its design-based SE and 95%
 * interval, mean score with its SE, and the criterion index 100·p.
 *
 * Interval rules, in order (each case is named by `ci_method`):
 *  1. no valid answer → every statistic null;
 *  2. a single answer (in a unit, or in a whole level) → se, ci and ci_method null: no
 *     variance can be estimated from one answer (R's svydesign refuses one PSU);
 *  3. SE = 0 (all answers alike, or census n_h = N_h in every stratum) → the logit
 *     interval does not exist: Clopper–Pearson interval of the pooled counts Σx_h of Σn_h
 *     (`CI_WHEN_SE_ZERO`); for a unit that is its own answers;
 *  4. df < 1 (every stratum has a single answer) → ci null;
 *  5. otherwise the logit interval of `svyciprop(method = "logit")` with df = Σn_h − H,
 *     reproducing its model fit (svyciprop-logit.ts).
 *
 * Source: see stratified-mean.ts, logit-interval.ts, clopper-pearson.ts.
 * Complexity: O(H) plus one t quantile or two beta quantiles.
 *
 * @example
 * estimateCriterion([{ population: 40, counts: [1, 0, 1, 2, 4, 3] }])
 * // { n: 10, n_satisfied: 7, p: 0.7, se: 0.1322…, df: 9, ci_method: "logit", … }
 */
import { clopperPearsonInterval } from "./clopper-pearson";
import { INDEX_SCALE, SCALE_MAX, SCALE_MIN } from "./constants";
import { logitInterval } from "./logit-interval";
import { satisfiedCount, satisfiedMoments, scoreMoments, validCount } from "./score-counts";
import { stratifiedMean } from "./stratified-mean";
import { REPRODUCE_GLM_CONVERGENCE, svycipropLogit } from "./svyciprop-logit";
import type { CriterionEstimate } from "./types";

/** What to report when the standard error is zero; documented in ADR 004. */
export const CI_WHEN_SE_ZERO = "clopper-pearson" as const;

export interface StratumCounts {
  population: number;
  /** [not applicable, n1, n2, n3, n4, n5]. */
  counts: ArrayLike<number>;
}

export function estimateCriterion(strata: readonly StratumCounts[]): CriterionEstimate {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let notApplicable = 0;
  for (const s of strata) {
    notApplicable += s.counts[0];
    for (let v = SCALE_MIN; v <= SCALE_MAX; v++) counts[v - 1] += s.counts[v];
  }
  const n = counts.reduce((a, b) => a + b, 0);
  const nSatisfied = counts[3] + counts[4];
  const proportion = stratifiedMean(strata.map((s) => ({ population: s.population, ...satisfiedMoments(s.counts) })));
  const score = stratifiedMean(strata.map((s) => ({ population: s.population, ...scoreMoments(s.counts) })));
  const result: CriterionEstimate = {
    n,
    n_not_applicable: notApplicable,
    n_satisfied: nSatisfied,
    counts,
    p: null,
    se: null,
    df: null,
    ci: null,
    ci_method: null,
    mean_score: null,
    mean_score_se: null,
    index: null,
  };
  if (n === 0 || proportion === null || score === null) return result;
  const p = proportion.estimate;
  result.p = p;
  result.df = proportion.df;
  result.mean_score = score.estimate;
  result.index = INDEX_SCALE * p;
  if (n === 1) return result;
  result.se = proportion.se;
  result.mean_score_se = score.se;
  if (proportion.se === 0) {
    result.ci = clopperPearsonInterval(nSatisfied, n);
    result.ci_method = CI_WHEN_SE_ZERO;
    return result;
  }
  result.ci = REPRODUCE_GLM_CONVERGENCE
    ? svycipropLogit(
        strata.map((s) => ({ population: s.population, n: validCount(s.counts), successes: satisfiedCount(s.counts) })),
        proportion.df,
      )
    : logitInterval(p, proportion.se, proportion.df);
  result.ci_method = result.ci === null ? null : "logit";
  return result;
}
