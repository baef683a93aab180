/**
 * Input and output shapes of a round's analysis. Output keys are snake_case because
 * they are the JSON the CLI writes and the web app stores; `null` marks a value that
 * does not exist (no answers, no standard error, no interval).
 */

export type UnitLevel = "department" | "district" | "commune";
export const UNIT_LEVELS: readonly UnitLevel[] = ["department", "district", "commune"];

export interface RoundUnit {
  code: string;
  level: UnitLevel;
  /** N_h: completed dossiers of the unit in the round's period (stratum size). */
  population: number;
}

export interface RoundResponse {
  id: string;
  unitCode: string;
  /** Criterion code → score 1..5, or null (not applicable / missing). */
  answers: Record<string, number | null>;
}

export interface RoundInput {
  units: RoundUnit[];
  /** Element code → its criterion codes, order kept: { E1: ["c01", …], … }. */
  elements: Record<string, string[]>;
  responses: RoundResponse[];
}

export type CiMethod = "logit" | "clopper-pearson";

export interface CriterionEstimate {
  n: number;
  n_not_applicable: number;
  n_satisfied: number;
  /** Counts of scores 1, 2, 3, 4, 5. */
  counts: [number, number, number, number, number];
  p: number | null;
  se: number | null;
  df: number | null;
  ci: [number, number] | null;
  ci_method: CiMethod | null;
  mean_score: number | null;
  mean_score_se: number | null;
  index: number | null;
}

/**
 * An element or SIPAS index (0–100) with its design-based SE, df and 95% interval
 * index ± t·SE clipped to [0, 100] (ADR 010). se/df/ci null: one respondent; ci null
 * also when se = 0 (all alike, or a census) or df < 1.
 */
export interface IndexInterval {
  index: number | null;
  se: number | null;
  df: number | null;
  ci: [number, number] | null;
}

export interface Estimate {
  criteria: Record<string, CriterionEstimate>;
  /** Each element's index with its SE, df and interval (ADR 010). */
  elements: Record<string, IndexInterval>;
  index: number | null;
  /** The SIPAS index with its interval; `sipas.index === index` (ADR 010). */
  sipas: IndexInterval;
}

export interface GroupEstimate extends Estimate {
  /** Units in the group that have at least one response. */
  n_units: number;
  /** Mean of the unit indices (the other way to state a provincial index). */
  index_mean_of_units: number | null;
  /** The mean of unit indices with its interval; `.index === index_mean_of_units` (ADR 010). */
  mean_of_units: IndexInterval;
}

export interface UnitEstimate extends Estimate {
  level: UnitLevel;
  population: number;
  n_responses: number;
}

export interface AlphaEstimate {
  raw_alpha: number | null;
  n_items: number;
  n_complete: number;
}

export type PriorityQuadrant =
  "weak-and-important" | "strong-and-important" | "weak-and-less-important" | "strong-and-less-important";

export interface CriterionPriority {
  criterion: string;
  index: number | null;
  /** Pearson r of the criterion score with the mean of the respondent's other answers. */
  importance: number | null;
  n: number;
  quadrant: PriorityQuadrant | null;
}

export interface RoundMeta {
  n_responses: number;
  n_units: number;
  criteria: string[];
  elements: Record<string, string[]>;
  units_without_responses: string[];
  confidence_level: number;
  satisfied_min_score: number;
  lonely_stratum_rule: string;
  methods: Record<string, string>;
}

export interface RoundResult {
  meta: RoundMeta;
  overall: GroupEstimate;
  levels: Record<UnitLevel, GroupEstimate>;
  units: Record<string, UnitEstimate>;
  cronbach_alpha: { overall: AlphaEstimate; elements: Record<string, AlphaEstimate> };
  priorities: CriterionPriority[];
}
