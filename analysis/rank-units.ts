/**
 * Ranking of units by an estimate (e.g. the proportion satisfied or an index), with
 * each adjacent pair tested by compareEstimates: `indistinguishable_from_next` is true
 * when the unit and the one ranked just below it do not differ significantly at
 * 1 − CONFIDENCE_LEVEL, so a league table can show ties instead of spurious order.
 * Units without an estimate or SE are left out. Ranks are competition ranks (1, 2, 2, 4)
 * on the point estimate.
 *
 * Source: Goldstein, H. & Spiegelhalter, D. J. (1996) League tables and their
 * limitations, JRSS A 159(3):385–443.
 * Complexity: O(H log H).
 *
 * @example
 * rankUnits([{ code: "A", estimate: 0.9, se: 0.02, df: 50 },
 *            { code: "B", estimate: 0.7, se: 0.02, df: 50 }])
 * // [{ code: "A", rank: 1, indistinguishable_from_next: false, … }, { code: "B", rank: 2, … null }]
 */
import { compareEstimates, type EstimateWithSe } from "./compare-estimates";
import { CONFIDENCE_LEVEL } from "./constants";

export interface RankedUnit {
  code: string;
  rank: number;
  estimate: number;
  se: number;
  /** p value of the test against the next unit; null for the last. */
  p_value_vs_next: number | null;
  indistinguishable_from_next: boolean | null;
}

export function rankUnits(
  units: readonly (EstimateWithSe & { code: string })[],
  level: number = CONFIDENCE_LEVEL,
): RankedUnit[] {
  const sorted = units
    .filter((u) => Number.isFinite(u.estimate) && Number.isFinite(u.se))
    .slice()
    .sort((a, b) => b.estimate - a.estimate || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || sorted[i - 1].estimate !== u.estimate) rank = i + 1; // competition ranking
    const next = sorted[i + 1];
    const comparison = next ? compareEstimates(u, next, level) : null;
    const pValue = comparison ? comparison.p_value : null;
    let indistinguishable: boolean | null = null;
    if (comparison) indistinguishable = pValue === null ? u.estimate === next.estimate : pValue >= 1 - level;
    return {
      code: u.code,
      rank,
      estimate: u.estimate,
      se: u.se,
      p_value_vs_next: pValue,
      indistinguishable_from_next: indistinguishable,
    };
  });
}
