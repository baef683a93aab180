/**
 * Allocation of a total sample across units (strata).
 *
 *  - "proportional": n_h ∝ N_h, with at least `minimum` per unit;
 *  - "neyman": n_h ∝ N_h·S_h (Neyman 1934), S_h defaulting to √(0.5·0.5) = 0.5;
 *  - "fixed": a fixed number per unit level (department / district / commune).
 * Every unit is capped at N_h (at most a census). Quotas are found by repeatedly fixing
 * units that hit their floor (minimum) or cap (N_h) and sharing the rest, then rounded
 * by the largest-remainder method (Hamilton), so the parts add up exactly to the total.
 *
 * Source: Cochran, W. G. (1977) Sampling Techniques, 3rd ed., §5.5 (proportional),
 * §5.9 (Neyman, with the n_h > N_h adjustment of §5.10); Hamilton's method of
 * apportionment (Balinski & Young 1982).
 * Complexity: O(H²) in the worst case of the fixing loop, O(H log H) rounding.
 *
 * @example
 * allocateSample([{ code: "A", level: "department", population: 600 },
 *   { code: "B", level: "commune", population: 300 }, { code: "C", level: "commune", population: 100 }],
 *   { method: "proportional", total: 100, minimum: 20 })
 * // [{ code: "A", n: 53 }, { code: "B", n: 27 }, { code: "C", n: 20 }]
 */
import { WORST_CASE_PROPORTION } from "./constants";
import type { UnitLevel } from "./types";

export interface AllocationUnit {
  code: string;
  level: UnitLevel;
  population: number;
  /** S_h for Neyman allocation (standard deviation of the indicator in the unit). */
  sd?: number;
}

export type AllocationPlan =
  | { method: "proportional"; total: number; minimum?: number }
  | { method: "neyman"; total: number; minimum?: number }
  | { method: "fixed"; perLevel: Record<UnitLevel, number> };

export const DEFAULT_NEYMAN_SD = Math.sqrt(WORST_CASE_PROPORTION * (1 - WORST_CASE_PROPORTION));

export function allocateSample(units: readonly AllocationUnit[], plan: AllocationPlan): { code: string; n: number }[] {
  if (plan.method === "fixed") {
    return units.map((u) => ({ code: u.code, n: Math.min(u.population, plan.perLevel[u.level]) }));
  }
  const measure = units.map((u) =>
    plan.method === "neyman" ? u.population * (u.sd ?? DEFAULT_NEYMAN_SD) : u.population,
  );
  const lower = units.map((u) => Math.min(u.population, plan.minimum ?? 0));
  const upper = units.map((u) => u.population);
  const n = apportion(plan.total, measure, lower, upper);
  return units.map((u, h) => ({ code: u.code, n: n[h] }));
}

/** Integer parts ∝ measure, within [lower, upper], summing exactly to total. */
export function apportion(total: number, measure: number[], lower: number[], upper: number[]): number[] {
  const H = measure.length;
  const sumUpper = upper.reduce((a, b) => a + b, 0);
  const sumLower = lower.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < sumLower || total > sumUpper) {
    throw new RangeError(
      `total ${total} must be an integer between ${sumLower} (minimums) and ${sumUpper} (populations)`,
    );
  }
  const fixed: (number | null)[] = new Array(H).fill(null);
  let quota: number[] = [];
  for (;;) {
    const free = fixed.map((f, h) => (f === null ? h : -1)).filter((h) => h >= 0);
    const rest = total - fixed.reduce<number>((s, f) => s + (f ?? 0), 0);
    const weight = free.reduce((s, h) => s + measure[h], 0);
    quota = fixed.map((f, h) => f ?? (weight > 0 ? (rest * measure[h]) / weight : rest / free.length));
    const low = free.filter((h) => quota[h] < lower[h]);
    const high = free.filter((h) => quota[h] > upper[h]);
    if (low.length === 0 && high.length === 0) break;
    // Fix the side that is violated more in total; the other may resolve itself.
    const lowGap = low.reduce((s, h) => s + lower[h] - quota[h], 0);
    const highGap = high.reduce((s, h) => s + quota[h] - upper[h], 0);
    if (lowGap >= highGap) for (const h of low) fixed[h] = lower[h];
    else for (const h of high) fixed[h] = upper[h];
  }
  const n = quota.map((q) => Math.floor(q + 1e-9));
  let left = total - n.reduce((a, b) => a + b, 0);
  const order = quota
    .map((q, h) => ({ h, remainder: q - n[h] }))
    .filter(({ h }) => n[h] < upper[h])
    .sort((a, b) => b.remainder - a.remainder || a.h - b.h);
  for (const { h } of order) {
    if (left <= 0) break;
    n[h] += 1;
    left -= 1;
  }
  return n;
}
