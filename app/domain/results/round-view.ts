/**
 * A dashboard view of a round: analysis/ on the aggregates the database counted for the
 * view's questionnaires (every number comes from there, ADR 004; the questionnaires stay
 * in the database, ADR 016), plus the counts analysis/ does not make (expectations,
 * comments). Pure, so tests/data/dashboard.test.ts can compare it with computeRound on
 * the same questionnaires.
 */
import {
  compareIndices,
  computeRoundFromAggregates,
  type Estimate,
  type IndexChange,
  type IndexInterval,
  type RoundAggregates,
  type UnitLevel,
} from "../../../analysis";
import { smallGroups, type DashboardFilter } from "./filters";

export interface ViewUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  population: number;
  targetSize: number;
}

/** A round as every view of it starts: units (a viewer's only), elements, and the filter's languages. */
export interface RoundData {
  units: ViewUnit[];
  elements: Record<string, string[]>;
  languages: string[];
}

/** What the database counts for one view (models/dashboard.server.ts getViewCounts). */
export interface ViewCounts {
  /** Over viewUnits(data, filter), in that order. */
  aggregates: RoundAggregates;
  /** Questionnaires choosing any "improve first" option, and each option (by code). */
  expectations: { respondents: number; options: Record<string, number> };
  /** Non-blank comments per unit code. */
  commentsPerUnit: Record<string, number>;
}

/**
 * The units a filter keeps (level, unit). Units with no questionnaire stay in, with n = 0,
 * so "responses vs target" shows them.
 */
export function viewUnits(data: RoundData, filter: DashboardFilter): ViewUnit[] {
  return data.units.filter(
    (u) => (!filter.level || u.level === filter.level) && (!filter.unit || u.code === filter.unit),
  );
}

/** analysis/'s result for the view, its questionnaire counts and which of them the small-group rule hides. */
export function computeView(data: RoundData, counts: ViewCounts, filter: DashboardFilter) {
  const units = viewUnits(data, filter);
  const { responsesPerUnit } = counts.aggregates.tally;
  const perUnit = new Map<string, number>();
  units.forEach((u, h) => responsesPerUnit[h] > 0 && perUnit.set(u.code, responsesPerUnit[h]));
  const n = responsesPerUnit.reduce((sum, k) => sum + k, 0);
  const input = {
    units: units.map((u) => ({ code: u.code, level: u.level, population: u.population })),
    elements: data.elements,
  };
  const result = computeRoundFromAggregates(input, counts.aggregates);
  const comments = Object.values(counts.commentsPerUnit).reduce((sum, k) => sum + k, 0);
  return {
    units,
    n,
    result,
    ...smallGroups(perUnit, filter),
    expectations: counts.expectations,
    comments,
    commentsPerUnit: counts.commentsPerUnit,
  };
}

export type View = ReturnType<typeof computeView>;

/** Share of respondents choosing each "improve first" option, among those who chose any. Unweighted (a description of respondents, like analysis/priorities.ts' importance). */
export function expectationShares(expectations: ViewCounts["expectations"], optionCodes: readonly string[]) {
  const { respondents } = expectations;
  return {
    respondents,
    options: optionCodes
      .map((code) => ({ code, count: expectations.options[code] ?? 0 }))
      .map((o) => ({ ...o, share: respondents > 0 ? (100 * o.count) / respondents : null }))
      .sort((a, b) => b.count - a.count),
  };
}

export type { IndexChange };

/**
 * Change of an index since the previous round: analysis/compare-rounds.ts (ADR 010: Welch
 * t on the two independent rounds' intervals; `real` = the 95% interval of the
 * difference excludes 0). Null when either side is missing or has no index.
 */
export function indexChange(
  current: IndexInterval | undefined,
  previous: IndexInterval | undefined,
): IndexChange | null {
  return current && previous ? compareIndices(current, previous) : null;
}

/** The weakest criteria of an estimate: lowest index first, at most `count`. */
export function weakestCriteria(estimate: Pick<Estimate, "criteria">, count = 5) {
  return Object.entries(estimate.criteria)
    .filter(([, c]) => c.index !== null)
    .sort(([a, x], [b, y]) => (x.index as number) - (y.index as number) || a.localeCompare(b))
    .slice(0, count)
    .map(([code, c]) => ({
      code,
      index: c.index as number,
      ci: c.ci ? ([100 * c.ci[0], 100 * c.ci[1]] as [number, number]) : null,
      n: c.n,
    }));
}

/** The lowest element of an estimate (the one to fix first), or null. */
export function weakestElement(estimate: Pick<Estimate, "elements">) {
  const entries = Object.entries(estimate.elements).filter(([, e]) => e.index !== null);
  if (entries.length === 0) return null;
  const [code, e] = entries.reduce((low, cur) => ((cur[1].index as number) < (low[1].index as number) ? cur : low));
  return { code, ...e };
}
