/**
 * Puts the element and SIPAS intervals of index-intervals.ts into a round's result:
 * three groupings of the strata (each unit alone, each level, the round), one pass.
 * Fills `elements[code].se/df/ci` and `sipas` of every unit, level and the round, and
 * `mean_of_units` of each level and the round (ADR 010).
 *
 * `sumSquares` says where Σ (u_i − ū_h)² comes from: the answer matrix
 * (`matrixSumSquares`, O(R·K)) or pairwise counts (`pairSumSquares`, O(H·K²)).
 *
 * Complexity: that of `sumSquares`, plus O(H·K) otherwise.
 */
import {
  groupIntervals,
  meanOfUnitsInterval,
  type Grouping,
  type IndexSumSquares,
  type PublishedIndices,
  type RoundLayout,
} from "./index-intervals";
import type { RoundTally } from "./tally";
import {
  UNIT_LEVELS,
  type Estimate,
  type GroupEstimate,
  type RoundUnit,
  type UnitEstimate,
  type UnitLevel,
} from "./types";

export interface RoundEstimates {
  units: Record<string, UnitEstimate>;
  levels: Record<UnitLevel, GroupEstimate>;
  overall: GroupEstimate;
}

export function attachIndexIntervals(
  layout: RoundLayout,
  tally: RoundTally,
  units: readonly RoundUnit[],
  estimates: RoundEstimates,
  sumSquares: IndexSumSquares,
): void {
  const elementCodes = Object.keys(layout.elements);
  const hasResponses = (h: number) => tally.responsesPerUnit[h] > 0;
  const { groupings, groups, published } = roundGroupings(layout, tally, units, estimates);
  const intervals = groupIntervals(layout, tally, units, groupings, published, sumSquares);
  groups.forEach((members, i) => {
    members.forEach((estimate, group) => {
      elementCodes.forEach((code, e) => (estimate.elements[code] = intervals[i].elements[group][e]));
      estimate.sipas = intervals[i].sipas[group];
    });
  });
  const unitGroups = units.map((u) => estimates.units[u.code]);
  const meanOfUnits = (members: number[]) => meanOfUnitsInterval(members.map((h) => unitGroups[h]));
  const withResponses = units.map((_, h) => h).filter(hasResponses);
  UNIT_LEVELS.forEach((level) => {
    estimates.levels[level].mean_of_units = meanOfUnits(withResponses.filter((h) => units[h].level === level));
  });
  estimates.overall.mean_of_units = meanOfUnits(withResponses);
}

/**
 * The three groupings (units, levels, the round) with their criterion proportions and
 * published indices, read from the point estimates.
 */
export function roundGroupings(
  layout: RoundLayout,
  tally: RoundTally,
  units: readonly RoundUnit[],
  estimates: RoundEstimates,
) {
  const H = units.length;
  const elementCodes = Object.keys(layout.elements);
  const hasResponses = (h: number) => tally.responsesPerUnit[h] > 0;
  const unitGroups = units.map((u) => estimates.units[u.code]);
  const levelGroups = UNIT_LEVELS.map((level) => estimates.levels[level]);
  const groups: Estimate[][] = [unitGroups, levelGroups, [estimates.overall]];
  const groupings: Grouping[] = [
    grouping(H, (h) => (hasResponses(h) ? h : -1), unitGroups, layout.criteria),
    grouping(H, (h) => (hasResponses(h) ? UNIT_LEVELS.indexOf(units[h].level) : -1), levelGroups, layout.criteria),
    grouping(H, (h) => (hasResponses(h) ? 0 : -1), [estimates.overall], layout.criteria),
  ];
  const published: PublishedIndices[][] = groups.map((members) =>
    members.map((e) => ({ elements: elementCodes.map((code) => e.elements[code].index), sipas: e.index })),
  );
  return { groupings, groups, published };
}

function grouping(H: number, groupOf: (h: number) => number, groups: Estimate[], criteria: string[]): Grouping {
  const K = criteria.length;
  const p = new Float64Array(groups.length * K);
  groups.forEach((estimate, group) =>
    criteria.forEach((code, k) => (p[group * K + k] = estimate.criteria[code].p ?? NaN)),
  );
  return { groupOf: Int32Array.from({ length: H }, (_, h) => groupOf(h)), nGroups: groups.length, p };
}
