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
 * criterionPriorities([
 *   { criterion: "c01", index: 70, importance: 0.6 },
 *   { criterion: "c02", index: 90, importance: 0.4 },
 * ]).map((p) => p.quadrant) // ["weak-and-important", "strong-and-less-important"]
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

/**
 * Adds one cell of respondents with c ≥ 2 valid answers to criterion k's importance sums,
 * from integer sums over those respondents' answers x to k: n, Σx, Σx², and of their
 * answer totals S: ΣS, ΣxS, ΣS². The mean of the other answers is m = (S − x)/(c − 1), so
 * Σm, Σm² and Σxm follow without visiting a respondent (tally.ts in memory, the database's
 * aggregates in app/models/round-aggregates.server.ts).
 */
export function addImportanceCell(
  out: ImportanceSums,
  k: number,
  c: number,
  n: number,
  sx: number,
  sxx: number,
  sS: number,
  sxS: number,
  sS2: number,
): void {
  if (n === 0) return;
  const d = c - 1;
  out.n[k] += n;
  out.x[k] += sx;
  out.xx[k] += sxx;
  out.m[k] += (sS - sx) / d;
  out.mm[k] += (sS2 - 2 * sxS + sxx) / (d * d);
  out.xm[k] += (sxS - sxx) / d;
}

/** Pearson r from sums; null when either variable is constant or n < 2. */
export function pearsonFromSums(
  n: number,
  sx: number,
  sxx: number,
  sy: number,
  syy: number,
  sxy: number,
): number | null {
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

/** Importance (Pearson r) of each criterion from the sums gathered by tally.ts. */
export function importanceFromSums(sums: ImportanceSums): (number | null)[] {
  return Array.from(sums.n, (n, k) => pearsonFromSums(n, sums.x[k], sums.xx[k], sums.m[k], sums.mm[k], sums.xm[k]));
}

export interface PriorityInput {
  criterion: string;
  index: number | null;
  importance: number | null;
  n?: number;
}

/**
 * Quadrant of each criterion against the means of the indices and importances of the
 * criteria that have both.
 */
export function criterionPriorities(rows: readonly PriorityInput[]): CriterionPriority[] {
  const both = rows.filter((r) => r.index !== null && r.importance !== null);
  const centre = {
    index: both.reduce((s, r) => s + (r.index as number), 0) / both.length,
    importance: both.reduce((s, r) => s + (r.importance as number), 0) / both.length,
  };
  return rows.map((r) => ({
    criterion: r.criterion,
    index: r.index,
    importance: r.importance,
    n: r.n ?? 0,
    quadrant: r.index !== null && r.importance !== null ? priorityQuadrant(r.index, r.importance, centre) : null,
  }));
}
