/**
 * Cronbach's alpha of k items on complete cases:
 *
 *   α = k/(k − 1) · (1 − Σ_j s_j² / s_T²),   s_T² = variance of the item total
 *
 * which is psych's `alpha(x)$total$raw_alpha` = (1 − tr(C)/sum(C))·k/(k − 1) for the
 * item covariance matrix C, since sum(C) is the variance of the total. It therefore
 * needs only per-item sums and sums of squares plus those of the total: O(k) memory
 * and O(k) work per respondent, not a k×k cross-product matrix. Scores are shifted by
 * SCORE_SHIFT before squaring, which leaves variances unchanged and keeps the sums
 * small, so they stay exact integers in double precision. As psych does (`delete =
 * TRUE`), items with no variance among the complete cases are dropped, which changes k
 * (`n_items` reports the items kept).
 *
 * Source: Cronbach, L. J. (1951) Psychometrika 16(3):297–334; Revelle, psych package
 * documentation, `?alpha`.
 * Complexity: O(n·k) for n complete cases.
 *
 * @example cronbachAlpha([[1, 2], [2, 3], [4, 4]]) // 0.9473684210526314
 */
import type { AlphaEstimate } from "./types";

/** Subtracted from every score (the scale midpoint) before accumulating squares. */
export const SCORE_SHIFT = 3;

export interface AlphaMoments {
  nComplete: number;
  itemSums: Float64Array;
  itemSumSquares: Float64Array;
  totalSum: number;
  totalSumSquares: number;
}

export function emptyAlphaMoments(items: number): AlphaMoments {
  return {
    nComplete: 0,
    itemSums: new Float64Array(items),
    itemSumSquares: new Float64Array(items),
    totalSum: 0,
    totalSumSquares: 0,
  };
}

/** Adds one complete case (scores on the original scale). */
export function addAlphaCase(m: AlphaMoments, scores: ArrayLike<number>): void {
  let total = 0;
  for (let j = 0; j < m.itemSums.length; j++) {
    const y = scores[j] - SCORE_SHIFT;
    m.itemSums[j] += y;
    m.itemSumSquares[j] += y * y;
    total += y;
  }
  m.nComplete += 1;
  m.totalSum += total;
  m.totalSumSquares += total * total;
}

export function alphaFromMoments(m: AlphaMoments): AlphaEstimate {
  const n = m.nComplete;
  let k = 0;
  let itemVariance = 0;
  for (let j = 0; j < m.itemSums.length; j++) {
    const variance = (m.itemSumSquares[j] - (m.itemSums[j] * m.itemSums[j]) / n) / (n - 1);
    if (!(variance > 0)) continue; // constant item: psych deletes it
    k += 1;
    itemVariance += variance;
  }
  const result = { raw_alpha: null, n_items: n < 2 ? m.itemSums.length : k, n_complete: n };
  if (k < 2 || n < 2) return result;
  const totalVariance = (m.totalSumSquares - (m.totalSum * m.totalSum) / n) / (n - 1);
  if (!(totalVariance > 0)) return result;
  return { ...result, raw_alpha: (k / (k - 1)) * (1 - itemVariance / totalVariance) };
}

/** Alpha of rows of scores; rows with a missing (null) item are dropped. */
export function cronbachAlpha(rows: readonly (readonly (number | null)[])[]): number | null {
  if (rows.length === 0) return null;
  const m = emptyAlphaMoments(rows[0].length);
  for (const row of rows) {
    if (row.some((v) => v === null)) continue;
    addAlphaCase(m, row as number[]);
  }
  return alphaFromMoments(m).raw_alpha;
}
