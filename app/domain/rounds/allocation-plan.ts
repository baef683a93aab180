import { allocateSample, plannedMargins, type UnitLevel } from "../../../analysis";

export const ALLOCATION_RULES = ["proportional", "fixed", "manual"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export interface PlanUnit {
  code: string;
  level: UnitLevel;
  population: number;
}

export type RuleInput =
  | { rule: "proportional"; total: number; minimum: number }
  | { rule: "fixed"; perLevel: Record<UnitLevel, number> }
  | { rule: "manual"; sizes: Record<string, number> };

export interface AllocationRow {
  code: string;
  population: number;
  n: number;
  /** 95% margin of error at p = 0.5, with the fpc (analysis/margin-of-error.ts); null when n = 0. */
  margin: number | null;
}

/**
 * n_h per unit under the chosen rule and the margins of error it gives, per unit and for
 * the round, computed by analysis/ (allocateSample, plannedMargins: Cochran 1977 §5.3,
 * §5.5). Throws RangeError when the total cannot be shared (e.g. below the minimums).
 */
export function planAllocation(
  units: readonly PlanUnit[],
  input: RuleInput,
): { rows: AllocationRow[]; total: number; roundMargin: number | null } {
  const allocation =
    input.rule === "manual"
      ? units.map((u) => ({ code: u.code, n: Math.min(u.population, input.sizes[u.code] ?? 0) }))
      : allocateSample(
          units,
          input.rule === "fixed"
            ? { method: "fixed", perLevel: input.perLevel }
            : { method: "proportional", total: input.total, minimum: input.minimum },
        );
  const plan = allocation.map((a, h) => ({ code: a.code, n: a.n, population: units[h].population }));
  const sampled = plan.some((u) => u.n > 0);
  const margins = sampled ? plannedMargins(plan) : null;
  return {
    rows: plan.map((u, h) => ({ ...u, margin: margins ? margins.units[h].margin_of_error : null })),
    total: plan.reduce((s, u) => s + u.n, 0),
    roundMargin: margins ? margins.round : null,
  };
}
