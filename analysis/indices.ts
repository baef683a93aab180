/**
 * SIPAS indices (docs/method/sipas.md §2): criterion index = 100 × proportion satisfied; element
 * index = unweighted mean of its criterion indices that have data; the SIPAS index of a
 * unit, a level or the round = unweighted mean of its element indices that have data.
 * A provincial index may instead be the mean of the unit indices (`meanIndex`).
 *
 * Source: Bộ Nội vụ, Decision 2640/QĐ-BNV (2017) methodology as summarised in docs/method/sipas.md.
 * Complexity: O(number of criteria).
 *
 * @example meanIndex([80, null, 90]) // 85
 */
import type { CriterionEstimate } from "./types";

/** Unweighted mean of the values that exist; null when none does. */
export function meanIndex(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    sum += v;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export function elementIndices(
  criteria: Record<string, CriterionEstimate>,
  elements: Record<string, string[]>,
): Record<string, { index: number | null }> {
  const out: Record<string, { index: number | null }> = {};
  for (const [element, codes] of Object.entries(elements)) {
    out[element] = { index: meanIndex(codes.map((c) => criteria[c]?.index ?? null)) };
  }
  return out;
}

export function sipasIndex(elements: Record<string, { index: number | null }>): number | null {
  return meanIndex(Object.values(elements).map((e) => e.index));
}
