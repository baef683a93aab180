/**
 * Puts the element and SIPAS intervals of index-intervals.ts into a round's result:
 * three groupings of the strata (each unit alone, each level, the round), one pass.
 * Fills `elements[code].se/df/ci` and `sipas` of every unit, level and the round, and
 * `mean_of_units` of each level and the round (ADR 010).
 *
 * Complexity: O(R·K) for the pass, O(H·K) otherwise.
 */
import { indexIntervals, meanOfUnitsInterval, type Grouping } from "./index-intervals";
import type { RoundMatrix, RoundTally } from "./tally";
import { UNIT_LEVELS, type Estimate, type GroupEstimate, type RoundUnit, type UnitEstimate, type UnitLevel } from "./types";

export interface RoundEstimates {
  units: Record<string, UnitEstimate>;
  levels: Record<UnitLevel, GroupEstimate>;
  overall: GroupEstimate;
}

export function attachIndexIntervals(matrix: RoundMatrix, tally: RoundTally, units: readonly RoundUnit[], estimates: RoundEstimates): void {
  const H = units.length;
  const elementCodes = Object.keys(matrix.elements);
  const hasResponses = (h: number) => tally.responsesPerUnit[h] > 0;
  const unitGroups = units.map((u) => estimates.units[u.code]);
  const levelGroups = UNIT_LEVELS.map((level) => estimates.levels[level]);
  const groupings: { grouping: Grouping; estimates: Estimate[] }[] = [
    { grouping: grouping(H, (h) => (hasResponses(h) ? h : -1), unitGroups, matrix.criteria), estimates: unitGroups },
    {
      grouping: grouping(H, (h) => (hasResponses(h) ? UNIT_LEVELS.indexOf(units[h].level) : -1), levelGroups, matrix.criteria),
      estimates: levelGroups,
    },
    { grouping: grouping(H, (h) => (hasResponses(h) ? 0 : -1), [estimates.overall], matrix.criteria), estimates: [estimates.overall] },
  ];
  const published = groupings.map((g) =>
    g.estimates.map((e) => ({ elements: elementCodes.map((code) => e.elements[code].index), sipas: e.index })),
  );
  const intervals = indexIntervals(
    matrix,
    tally,
    units,
    groupings.map((g) => g.grouping),
    published,
  );
  groupings.forEach((g, i) => {
    g.estimates.forEach((estimate, group) => {
      elementCodes.forEach((code, e) => (estimate.elements[code] = intervals[i].elements[group][e]));
      estimate.sipas = intervals[i].sipas[group];
    });
  });
  const meanOfUnits = (members: number[]) => meanOfUnitsInterval(members.map((h) => unitGroups[h]));
  const withResponses = units.map((_, h) => h).filter(hasResponses);
  UNIT_LEVELS.forEach((level) => {
    estimates.levels[level].mean_of_units = meanOfUnits(withResponses.filter((h) => units[h].level === level));
  });
  estimates.overall.mean_of_units = meanOfUnits(withResponses);
}

function grouping(H: number, groupOf: (h: number) => number, groups: Estimate[], criteria: string[]): Grouping {
  const K = criteria.length;
  const p = new Float64Array(groups.length * K);
  groups.forEach((estimate, group) => criteria.forEach((code, k) => (p[group * K + k] = estimate.criteria[code].p ?? NaN)));
  return { groupOf: Int32Array.from({ length: H }, (_, h) => groupOf(h)), nGroups: groups.length, p };
}
