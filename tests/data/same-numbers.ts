import { expect } from "vitest";

/**
 * Difference allowed between two computations of the same number, relative to max(1, |x|):
 * analysis/aggregates.test.ts measures up to ~1e-12 between the two paths, and a
 * rounding-level standard error (~1e-7) where a variance is 0 by a coincidence of weights.
 */
const TOLERANCE = 1e-6;

/**
 * `actual` equals `expected` in shape, strings and nulls, and in every number to within
 * TOLERANCE: computeRoundFromAggregates sums the interval variances from pair counts,
 * computeRound from the answers, so a standard error may differ in its last bits. For the
 * same reason a standard error that is 0 on one side can be tiny on the other, which gives
 * an interval of zero width instead of none (ci null when se = 0): accepted. Counts,
 * indices and every other number are equal to far less than that, and a wiring mistake
 * (a questionnaire too many or too few) is far more.
 */
export function expectSameNumbers(actual: unknown, expected: unknown, path = "result"): void {
  if (path.endsWith(".ci") && (actual === null) !== (expected === null)) {
    const [low, high] = (actual ?? expected) as [number, number];
    expect(high - low, `${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(high)));
    return;
  }
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(1, Math.abs(expected));
    if (!(Object.is(actual, expected) || Math.abs(actual - expected) <= TOLERANCE * scale)) expect(actual, path).toBe(expected);
    return;
  }
  if (expected === null || typeof expected !== "object" || actual === null || typeof actual !== "object") {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
}
