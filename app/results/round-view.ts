/**
 * A dashboard view of a round: the filtered questionnaires handed to analysis/
 * computeRound (every number comes from there, ADR 004), plus the counts analysis/ does
 * not make (expectations). Pure, so tests/data/dashboard.test.ts can compare it with
 * computeRound on the same data.
 */
import {
  compareIndices,
  computeRound,
  type Estimate,
  type IndexChange,
  type IndexInterval,
  type RoundInput,
  type UnitLevel,
} from "../../analysis";
import { filterResponses, smallGroups, type DashboardFilter, type DashboardResponse } from "./filters";

export interface ViewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  population: number;
  targetSize: number;
}

export interface RoundData {
  units: ViewUnit[];
  elements: Record<string, string[]>;
  responses: DashboardResponse[];
}

/** The analysis input for a set of questionnaires over the given units. */
export function toRoundInput(units: readonly ViewUnit[], elements: Record<string, string[]>, responses: readonly DashboardResponse[]): RoundInput {
  return {
    units: units.map((u) => ({ code: u.code, level: u.level, population: u.population })),
    elements,
    responses: responses.map((r) => ({ id: r.id, unitCode: r.unitCode, answers: r.answers })),
  };
}

/**
 * The units a filter keeps (level, unit), the questionnaires it keeps, and analysis/'s
 * result on them. Units with no questionnaire stay in, with n = 0, so "responses vs
 * target" shows them.
 */
export function computeView(data: RoundData, filter: DashboardFilter) {
  const levelOf = new Map(data.units.map((u) => [u.code, u.level]));
  const units = data.units.filter((u) => (!filter.level || u.level === filter.level) && (!filter.unit || u.code === filter.unit));
  const responses = filterResponses(data.responses, filter, levelOf);
  const small = smallGroups(responses, filter);
  const result = computeRound(toRoundInput(units, data.elements, responses));
  return { units, responses, result, ...small };
}

/** Share of respondents choosing each "improve first" option, among those who chose any. Unweighted (a description of respondents, like analysis/priorities.ts' importance). */
export function expectationShares(responses: readonly DashboardResponse[], optionCodes: readonly string[]) {
  const answered = responses.filter((r) => r.expectations.length > 0);
  const counts = new Map(optionCodes.map((code) => [code, 0]));
  for (const r of answered) for (const code of r.expectations) if (counts.has(code)) counts.set(code, counts.get(code)! + 1);
  return {
    respondents: answered.length,
    options: optionCodes
      .map((code) => ({ code, count: counts.get(code)!, share: answered.length > 0 ? (100 * counts.get(code)!) / answered.length : null }))
      .sort((a, b) => b.count - a.count),
  };
}

export type { IndexChange };

/**
 * Change of an index since the previous round: analysis/compare-rounds.ts (ADR 010: Welch
 * t on the two independent rounds' intervals; `real` = the 95% interval of the
 * difference excludes 0). Null when either side is missing or has no index.
 */
export function indexChange(current: IndexInterval | undefined, previous: IndexInterval | undefined): IndexChange | null {
  return current && previous ? compareIndices(current, previous) : null;
}

/** The weakest criteria of an estimate: lowest index first, at most `count`. */
export function weakestCriteria(estimate: Pick<Estimate, "criteria">, count = 5) {
  return Object.entries(estimate.criteria)
    .filter(([, c]) => c.index !== null)
    .sort(([a, x], [b, y]) => (x.index as number) - (y.index as number) || a.localeCompare(b))
    .slice(0, count)
    .map(([code, c]) => ({ code, index: c.index as number, ci: c.ci ? ([100 * c.ci[0], 100 * c.ci[1]] as [number, number]) : null, n: c.n }));
}

/** The lowest element of an estimate (the one to fix first), or null. */
export function weakestElement(estimate: Pick<Estimate, "elements">) {
  const entries = Object.entries(estimate.elements).filter(([, e]) => e.index !== null);
  if (entries.length === 0) return null;
  const [code, e] = entries.reduce((low, cur) => ((cur[1].index as number) < (low[1].index as number) ? cur : low));
  return { code, ...e };
}
