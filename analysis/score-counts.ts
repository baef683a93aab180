/**
 * Summaries of one criterion's answers in one stratum, from the counts of each score:
 * the data path keeps only counts (6 numbers per unit × criterion), so every estimate
 * is computed from them in O(1) without revisiting the responses.
 *
 * counts[0] = not applicable, counts[1..5] = answers with that score.
 *
 * Complexity: O(1).
 *
 * @example scoreMoments([2, 0, 1, 1, 2, 1]) // { n: 5, mean: 3.6, sumSquaredDeviations: 5.2 }
 */
import { SATISFIED_MIN_SCORE, SCALE_MAX, SCALE_MIN } from "./constants";

export interface Moments {
  n: number;
  mean: number;
  sumSquaredDeviations: number;
}

export function validCount(counts: ArrayLike<number>): number {
  let n = 0;
  for (let v = SCALE_MIN; v <= SCALE_MAX; v++) n += counts[v];
  return n;
}

export function satisfiedCount(counts: ArrayLike<number>): number {
  let x = 0;
  for (let v = SATISFIED_MIN_SCORE; v <= SCALE_MAX; v++) x += counts[v];
  return x;
}

/** Moments of the score (1..5). */
export function scoreMoments(counts: ArrayLike<number>): Moments {
  const n = validCount(counts);
  let sum = 0;
  for (let v = SCALE_MIN; v <= SCALE_MAX; v++) sum += v * counts[v];
  const mean = n > 0 ? sum / n : NaN;
  let ssd = 0;
  for (let v = SCALE_MIN; v <= SCALE_MAX; v++) ssd += counts[v] * (v - mean) * (v - mean);
  return { n, mean, sumSquaredDeviations: ssd };
}

/** Moments of the satisfied indicator (score ≥ SATISFIED_MIN_SCORE). */
export function satisfiedMoments(counts: ArrayLike<number>): Moments {
  const n = validCount(counts);
  const x = satisfiedCount(counts);
  const p = n > 0 ? x / n : NaN;
  return { n, mean: p, sumSquaredDeviations: x * (1 - p) * (1 - p) + (n - x) * p * p };
}
