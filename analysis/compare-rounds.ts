/**
 * Change of the SIPAS and element indices between two independent rounds (or two
 * units): whether it is statistically real (ADR 010).
 *
 *   d = θ_current − θ_previous,   SE(d) = √(SE₁² + SE₂²)
 *
 * The two samples are drawn independently (a new draw each round), so there is no
 * covariance term. Test and interval as compare-estimates.ts: Student t with
 * Welch–Satterthwaite df, two-sided p, 95% interval of d; `real` = the interval
 * excludes 0 (the same as p < 0.05, since both use the same t quantile).
 *
 * When one side has SE 0 (a census, or every answer alike) the other's SE carries the
 * test; when both are 0, or either is null (one respondent), there is no test:
 * `real` null. Units are matched by code; a unit in only one round has no change.
 *
 * Source: Welch (1947), Satterthwaite (1946) via compare-estimates.ts; Kish, L. (1965)
 * Survey Sampling §12.4 (difference of independent samples: variances add).
 * Complexity: O(units × elements).
 *
 * @example
 * compareIndices({ index: 82, se: 1.5, df: 400, ci: null }, { index: 78, se: 1.6, df: 380, ci: null })
 * // { difference: 4, se: 2.193…, p_value: 0.069…, real: false, … }
 */
import { compareEstimates, type Comparison } from "./compare-estimates";
import { UNIT_LEVELS, type Estimate, type IndexInterval, type RoundResult, type UnitLevel } from "./types";

export interface IndexChange extends Omit<Comparison, "se"> {
  /** Null when either side has no SE (one respondent). */
  se: number | null;
  current: number;
  previous: number;
  /** The 95% interval of the difference excludes 0; null without a test. */
  real: boolean | null;
}

export interface GroupChange {
  sipas: IndexChange | null;
  elements: Record<string, IndexChange | null>;
}

export interface RoundChange {
  overall: GroupChange;
  levels: Record<UnitLevel, GroupChange>;
  /** Units with responses in both rounds, by code. */
  units: Record<string, GroupChange>;
}

/** Change from `previous` to `current`; null when either index is missing. */
export function compareIndices(current: IndexInterval, previous: IndexInterval): IndexChange | null {
  if (current.index === null || previous.index === null) return null;
  const base = { current: current.index, previous: previous.index };
  if (current.se === null || previous.se === null) {
    const difference = current.index - previous.index;
    return {
      ...base,
      difference,
      se: null,
      df: null,
      statistic: null,
      p_value: null,
      ci: null,
      significant: null,
      real: null,
    };
  }
  // A side with SE 0 adds nothing to Welch's df: give it the other side's df, so that
  // the test uses the informative side's t distribution.
  const c = compareEstimates(
    { estimate: current.index, se: current.se, df: current.se > 0 ? current.df : previous.df },
    { estimate: previous.index, se: previous.se, df: previous.se > 0 ? previous.df : current.df },
  );
  const real = c.ci === null ? null : c.ci[0] > 0 || c.ci[1] < 0;
  return { ...base, ...c, real };
}

export function compareGroups(current: Estimate, previous: Estimate): GroupChange {
  const elements: Record<string, IndexChange | null> = {};
  for (const code of Object.keys(current.elements)) {
    const before = previous.elements[code];
    elements[code] = before ? compareIndices(current.elements[code], before) : null;
  }
  return { sipas: compareIndices(current.sipas, previous.sipas), elements };
}

/** Every unit (present in both), level and the round, from two results of computeRound. */
export function compareRounds(current: RoundResult, previous: RoundResult): RoundChange {
  const levels = {} as Record<UnitLevel, GroupChange>;
  for (const level of UNIT_LEVELS) levels[level] = compareGroups(current.levels[level], previous.levels[level]);
  const units: Record<string, GroupChange> = {};
  for (const [code, unit] of Object.entries(current.units)) {
    const before = previous.units[code];
    if (before && unit.n_responses > 0 && before.n_responses > 0) units[code] = compareGroups(unit, before);
  }
  return { overall: compareGroups(current.overall, previous.overall), levels, units };
}
