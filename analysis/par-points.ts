/**
 * PAR INDEX points carried by a unit's SIPAS index (docs/method/sipas.md §7). Each province sets, per
 * year and unit level, how many points of its administrative-reform index (Chỉ số cải
 * cách hành chính, PAR INDEX) the satisfaction index is worth; the mapping is one of:
 *
 *  - linear {maxPoints, from, to}: 0 points at or below `from`, `maxPoints` at or above
 *    `to`, and in between  points = maxPoints × (index − from) / (to − from);
 *  - thresholds {steps: [{min, points}]}: the points of the highest step whose `min` the
 *    index reaches (index ≥ min); 0 below every step.
 *
 * Points are rounded to `PAR_POINT_DECIMALS` decimals (half away from zero, on the
 * decimal value, so 1.005 → 1.01), the precision provincial scoring sheets print. A unit
 * without an index gets no points (null), not 0: "no data" is not "scored zero".
 *
 * Source: the rule is the province's own (e.g. the yearly decision approving its PAR
 * INDEX criteria); the Ministry's national PAR INDEX gives SIPAS a fixed share of the
 * score in the same way.
 * Complexity: O(1) for linear, O(S) for S threshold steps.
 *
 * @example
 * parPoints(85.48, { kind: "linear", maxPoints: 10, from: 50, to: 100 }) // 7.1
 * parPoints(85.48, { kind: "thresholds", steps: [{ min: 80, points: 4 }, { min: 90, points: 6 }] }) // 4
 */

export const PAR_POINT_DECIMALS = 2;

export interface LinearParRule {
  kind: "linear";
  maxPoints: number;
  /** Index (0–100) at or below which the unit gets 0 points. */
  from: number;
  /** Index at or above which the unit gets maxPoints. */
  to: number;
}

export interface ThresholdParRule {
  kind: "thresholds";
  steps: { min: number; points: number }[];
}

export type ParRuleDefinition = LinearParRule | ThresholdParRule;

/** Round half away from zero to `decimals`, on the decimal representation (no 1.005 → 1.00). */
export function roundHalfAway(value: number, decimals: number = PAR_POINT_DECIMALS): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

export function parPoints(index: number | null | undefined, rule: ParRuleDefinition): number | null {
  if (index === null || index === undefined || !Number.isFinite(index)) return null;
  if (rule.kind === "linear") {
    if (index <= rule.from) return 0;
    if (index >= rule.to) return roundHalfAway(rule.maxPoints);
    return roundHalfAway((rule.maxPoints * (index - rule.from)) / (rule.to - rule.from));
  }
  let points = 0;
  let reached = -Infinity;
  for (const step of rule.steps) {
    if (index >= step.min && step.min > reached) {
      reached = step.min;
      points = step.points;
    }
  }
  return roundHalfAway(points);
}

/** The most points a rule can give (the scale of a PAR column). */
export function maxParPoints(rule: ParRuleDefinition): number {
  return rule.kind === "linear" ? rule.maxPoints : Math.max(0, ...rule.steps.map((s) => s.points));
}
