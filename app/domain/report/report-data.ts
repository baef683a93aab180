import {
  compareIndices,
  emptyInterval,
  UNIT_LEVELS,
  type Estimate,
  type IndexInterval,
  type RoundResult,
  type UnitLevel,
} from "../../../analysis";
import type { LocalizedText } from "~/domain/instruments/instrument-definition";

/**
 * Everything the report says, as numbers and names: the one source of the generated
 * text (report-text.ts), the .docx, the print page, the CSV and the Excel tables, so they
 * cannot disagree. Pure: the model layer (report.server.ts) loads the inputs; every
 * number comes from analysis/ (computeRound, compareEstimates, parPoints).
 */

export interface ReportInput {
  round: {
    code: string;
    title: string;
    planReference: string;
    planDate: Date | string | null;
    periodStart: Date | string;
    periodEnd: Date | string;
    targetSampleSize: number;
  };
  year: number;
  /** The round's strata, in the unit list's order. */
  units: { code: string; name: string; level: string; population: number; targetSize: number }[];
  /** Element sections of the instrument, in order, with their criteria. */
  elements: { code: string; title: LocalizedText; criteria: { code: string; text: LocalizedText }[] }[];
  result: RoundResult;
  previous: { title: string; result: RoundResult } | null;
  /** PAR INDEX points of a unit (null: no rule for the level, or no index). */
  parPoints: (level: string, index: number | null) => number | null;
  hasParRules: boolean;
  /** Answers to the expectations question ("which should improve first"), by option. */
  expectations: { respondents: number; options: { code: string; label: LocalizedText; count: number }[] };
}

type Interval = [number, number] | null;

export interface ReportUnit {
  code: string;
  name: string;
  level: UnitLevel;
  population: number;
  target: number;
  n: number;
  index: number | null;
  ci: Interval;
  par: number | null;
  elements: (number | null)[];
}

export interface ReportLevel {
  level: UnitLevel;
  units: number;
  target: number;
  n: number;
  index: number | null;
  ci: Interval;
  elements: (number | null)[];
  /** Highest and lowest unit index among the level's units with answers (null: none). */
  best: ReportUnit | null;
  worst: ReportUnit | null;
}

export interface ReportCriterion {
  code: string;
  element: string;
  text: LocalizedText;
  n: number;
  index: number | null;
  ci: Interval;
  meanScore: number | null;
}

export interface ReportData {
  round: ReportInput["round"];
  year: number;
  target: number;
  n: number;
  /** Responses as a % of the planned sample. */
  responseRate: number | null;
  overall: { index: number | null; ci: Interval; meanOfUnits: number | null; elements: (number | null)[] };
  levels: ReportLevel[];
  units: ReportUnit[];
  elements: { code: string; title: LocalizedText; index: number | null; ci: Interval }[];
  criteria: ReportCriterion[];
  /** Criteria of every unit, for the CSV/Excel table. */
  unitCriteria: (ReportCriterion & { unit: string; unitName: string })[];
  /** Elements from the lowest index up. */
  weakestElements: { code: string; title: LocalizedText; index: number }[];
  /** The WEAKEST_CRITERIA lowest criteria of the province. */
  weakestCriteria: ReportCriterion[];
  /** Weak-and-important criteria (analysis/priorities.ts), lowest index first. */
  priorities: ReportCriterion[];
  /** Expectation options, most chosen first, with the share of respondents who chose each. */
  expectations: { code: string; label: LocalizedText; count: number; share: number }[];
  change: {
    previousTitle: string;
    previous: number;
    current: number;
    difference: number;
    /** The 95% interval of the change excludes 0 (`real` of ADR 010; null: no SE). */
    significant: boolean | null;
  } | null;
  hasParRules: boolean;
}

/** How many weakest criteria the text names. */
export const WEAKEST_CRITERIA = 3;
/** How many priority criteria and expectations the recommendations name. */
export const RECOMMENDATIONS = 3;

/** The SIPAS index of an estimate with its interval (docs/decisions/010); a unit without answers has none. */
function sipasOf(e: Estimate | undefined): IndexInterval {
  return e?.sipas ?? emptyInterval();
}

function elementCiOf(e: Estimate | undefined, code: string): Interval {
  return e?.elements[code]?.ci ?? null;
}

function criterionOf(e: Estimate | undefined, code: string, element: string, text: LocalizedText): ReportCriterion {
  const c = e?.criteria[code];
  const ci: Interval = c?.ci ? [100 * c.ci[0], 100 * c.ci[1]] : null;
  return { code, element, text, n: c?.n ?? 0, index: c?.index ?? null, ci, meanScore: c?.mean_score ?? null };
}

function byIndexDesc(a: { index: number | null; name?: string }, b: { index: number | null; name?: string }) {
  return (b.index ?? -1) - (a.index ?? -1) || (a.name ?? "").localeCompare(b.name ?? "", "vi");
}

export function buildReportData(input: ReportInput): ReportData {
  const { result } = input;
  const elementCodes = input.elements.map((e) => e.code);
  const criteriaList = input.elements.flatMap((e) => e.criteria.map((c) => ({ ...c, element: e.code })));

  const units: ReportUnit[] = input.units.map((s) => {
    const u = result.units[s.code];
    const sipas = sipasOf(u);
    const n = u?.n_responses ?? 0;
    const index = n > 0 ? sipas.index : null;
    return {
      code: s.code,
      name: s.name,
      level: s.level as UnitLevel,
      population: s.population,
      target: s.targetSize,
      n,
      index,
      ci: n > 0 ? sipas.ci : null,
      par: input.parPoints(s.level, index),
      elements: elementCodes.map((code) => (n > 0 ? (u?.elements[code]?.index ?? null) : null)),
    };
  });

  const levels: ReportLevel[] = UNIT_LEVELS.filter((level) => units.some((u) => u.level === level)).map((level) => {
    const members = units.filter((u) => u.level === level);
    const scored = members.filter((u) => u.index !== null).sort(byIndexDesc);
    const g = result.levels[level];
    const sipas = sipasOf(g);
    return {
      level,
      units: members.length,
      target: members.reduce((s, u) => s + u.target, 0),
      n: members.reduce((s, u) => s + u.n, 0),
      index: sipas.index,
      ci: sipas.ci,
      elements: elementCodes.map((code) => g?.elements[code]?.index ?? null),
      best: scored[0] ?? null,
      worst: scored.length > 1 ? scored[scored.length - 1] : null,
    };
  });

  const overallSipas = sipasOf(result.overall);
  const elements = input.elements.map((e) => ({
    code: e.code,
    title: e.title,
    index: result.overall.elements[e.code]?.index ?? null,
    ci: elementCiOf(result.overall, e.code),
  }));
  const criteria = criteriaList.map((c) => criterionOf(result.overall, c.code, c.element, c.text));
  const priorityCodes = new Set(
    result.priorities.filter((p) => p.quadrant === "weak-and-important").map((p) => p.criterion),
  );

  const respondents = input.expectations.respondents;
  const expectations = input.expectations.options
    .filter((o) => o.count > 0 && respondents > 0)
    .map((o) => ({ ...o, share: (100 * o.count) / respondents }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const target = input.units.reduce((s, u) => s + u.targetSize, 0) || input.round.targetSampleSize;
  const n = result.meta.n_responses;

  return {
    round: input.round,
    year: input.year,
    target,
    n,
    responseRate: target > 0 ? (100 * n) / target : null,
    overall: {
      index: overallSipas.index,
      ci: overallSipas.ci,
      meanOfUnits: result.overall.index_mean_of_units ?? null,
      elements: elements.map((e) => e.index),
    },
    levels,
    units,
    elements,
    criteria,
    unitCriteria: units.flatMap((u) =>
      criteriaList.map((c) => ({
        ...criterionOf(result.units[u.code], c.code, c.element, c.text),
        unit: u.code,
        unitName: u.name,
      })),
    ),
    weakestElements: elements
      .filter((e): e is typeof e & { index: number } => e.index !== null)
      .sort((a, b) => a.index - b.index)
      .map(({ code, title, index }) => ({ code, title, index })),
    weakestCriteria: criteria
      .filter((c) => c.index !== null)
      .sort((a, b) => a.index! - b.index!)
      .slice(0, WEAKEST_CRITERIA),
    priorities: criteria
      .filter((c) => priorityCodes.has(c.code) && c.index !== null)
      .sort((a, b) => a.index! - b.index!)
      .slice(0, RECOMMENDATIONS),
    expectations,
    change: roundChange(input, overallSipas),
    hasParRules: input.hasParRules,
  };
}

/** Change of the province's SIPAS index since the previous round (analysis/compare-rounds.ts). */
function roundChange(input: ReportInput, current: IndexInterval): ReportData["change"] {
  if (!input.previous) return null;
  const change = compareIndices(current, sipasOf(input.previous.result.overall));
  if (!change) return null;
  return {
    previousTitle: input.previous.title,
    previous: change.previous,
    current: change.current,
    difference: change.difference,
    significant: change.real,
  };
}
