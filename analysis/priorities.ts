/**
 * Priorities to improve (importance–performance analysis). For each criterion:
 *  - performance = its index (100 × proportion satisfied);
 *  - importance = Pearson correlation, over respondents who answered it and at least
 *    one other criterion, between the criterion's score and the mean of the
 *    respondent's OTHER answers (`IMPORTANCE_EXCLUDES_CRITERION`: the criterion is left
 *    out of the mean, the "corrected item–total" correlation, so that a criterion does
 *    not correlate with itself and criteria of small elements are not favoured);
 *  - quadrant: below/above the mean index of all criteria × below/above the mean
 *    importance. "weak-and-important" criteria are the ones to improve first.
 * The correlation is unweighted (a description of respondents, not a population
 * estimate).
 *
 * Source: Martilla, J. A. & James, J. C. (1977) Importance–performance analysis,
 * Journal of Marketing 41(1):77–79; derived importance as in Pearson (1896).
 * Complexity: O(K) from the sums gathered in one pass (tally.ts).
 *
 * @example
 * priorityQuadrant(70, 0.6, { index: 80, importance: 0.5 }) // "weak-and-important"
 */
import type { CriterionPriority, PriorityQuadrant } from "./types";

export const IMPORTANCE_EXCLUDES_CRITERION = true;

export interface ImportanceSums {
  n: Float64Array;
  x: Float64Array;
  xx: Float64Array;
  m: Float64Array;
  mm: Float64Array;
  xm: Float64Array;
}

export function emptyImportanceSums(k: number): ImportanceSums {
  const a = () => new Float64Array(k);
  return { n: a(), x: a(), xx: a(), m: a(), mm: a(), xm: a() };
}

/** Pearson r from sums; null when either variable is constant or n < 2. */
export function pearsonFromSums(n: number, sx: number, sxx: number, sy: number, syy: number, sxy: number): number | null {
  if (n < 2) return null;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (!(vx > 0 && vy > 0)) return null;
  return (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
}

export function priorityQuadrant(
  index: number,
  importance: number,
  centre: { index: number; importance: number },
): PriorityQuadrant {
  const weak = index < centre.index;
  const important = importance >= centre.importance;
  if (important) return weak ? "weak-and-important" : "strong-and-important";
  return weak ? "weak-and-less-important" : "strong-and-less-important";
}

/** Importance and quadrant of each criterion, given its index and the tallied sums. */
export function criterionPriorities(
  criteria: readonly string[],
  indices: readonly (number | null)[],
  sums: ImportanceSums,
): CriterionPriority[] {
  const importance = criteria.map((_, k) =>
    pearsonFromSums(sums.n[k], sums.x[k], sums.xx[k], sums.m[k], sums.mm[k], sums.xm[k]),
  );
  const both = criteria.map((_, k) => indices[k] !== null && importance[k] !== null);
  const used = both.filter(Boolean).length;
  const centre = {
    index: indices.reduce<number>((s, v, k) => s + (both[k] ? (v as number) : 0), 0) / used,
    importance: importance.reduce<number>((s, v, k) => s + (both[k] ? (v as number) : 0), 0) / used,
  };
  return criteria.map((criterion, k) => ({
    criterion,
    index: indices[k],
    importance: importance[k],
    n: sums.n[k],
    quadrant: both[k] ? priorityQuadrant(indices[k] as number, importance[k] as number, centre) : null,
  }));
}
