/**
 * Everything a round publishes, from plain data: per-unit estimates, design-based
 * estimates per level and for the round (strata = units, weights N_h/n_hk, fpc from
 * N_h), SIPAS indices, Cronbach's alpha and priorities to improve.
 *
 * Complexity: O(R·K) for the single pass over responses, then O(H·K) for estimates.
 *
 * @example
 * computeRound({ units: [{ code: "U1", level: "commune", population: 50 }],
 *   elements: { E1: ["c01"] },
 *   responses: [{ id: "r1", unitCode: "U1", answers: { c01: 4 } },
 *               { id: "r2", unitCode: "U1", answers: { c01: 2 } }] }).overall.index // 50
 */
import { CONFIDENCE_LEVEL, LONELY_STRATUM_RULE, SATISFIED_MIN_SCORE } from "./constants";
import { alphaFromMoments } from "./cronbach-alpha";
import { CI_WHEN_SE_ZERO, estimateCriterion, type StratumCounts } from "./criterion-estimate";
import { checkAggregates, type RoundAggregates } from "./aggregates";
import { emptyInterval, type IndexSumSquares, type RoundLayout } from "./index-intervals";
import { matrixSumSquares } from "./index-intervals-matrix";
import { pairSumSquares } from "./index-intervals-pairs";
import { attachIndexIntervals } from "./index-intervals-round";
import { elementIndices, meanIndex, sipasIndex } from "./indices";
import { criterionPriorities, importanceFromSums } from "./priorities";
import { toRoundMatrix } from "./round-matrix";
import { COUNT_SLOTS, tallyRound, type RoundMatrix, type RoundTally } from "./tally";
import {
  UNIT_LEVELS,
  type AlphaEstimate,
  type CriterionEstimate,
  type GroupEstimate,
  type IndexInterval,
  type RoundInput,
  type RoundResult,
  type RoundUnit,
  type UnitEstimate,
  type UnitLevel,
} from "./types";

export const METHODS: Record<string, string> = {
  satisfied: `score >= ${SATISFIED_MIN_SCORE}; not-applicable answers leave only that criterion`,
  estimation: "stratified SRS, strata = units, weights N_h/n_hk, fpc 1 - n_hk/N_h (R survey svymean)",
  ci: "logit interval with t(df = sum n_hk - strata), as survey::svyciprop(method = 'logit')",
  ci_when_se_zero: `${CI_WHEN_SE_ZERO} interval of the pooled counts`,
  single_answer: "a criterion with a single answer (unit or level): se, ci and ci_method null",
  index: "criterion 100*p; element = mean of criterion indices; SIPAS = mean of element indices",
  index_mean_of_units: "mean of the unit SIPAS indices of the group",
  index_intervals:
    "element/SIPAS se: linearised ratios on strata = units, weights N_h/n_h, fpc 1 - n_h/N_h (survey svyratio + svycontrast); ci = index +/- t(df)*se clipped to [0, 100] (ADR 010)",
  mean_of_units_se: "sqrt(sum of unit SIPAS variances) / H: units are independent strata",
  cronbach_alpha: "raw alpha on complete cases of the element's criteria (psych::alpha raw_alpha)",
  importance: "Pearson r of criterion score with the mean of the respondent's other answers",
};

export interface ComputeRoundOptions {
  /** Element and SIPAS intervals (ADR 010): a second pass over the answers (or O(H·K²) from aggregates). Default true. */
  indexIntervals?: boolean;
}

export function computeRound(input: RoundInput, options: ComputeRoundOptions = {}): RoundResult {
  return computeRoundFromMatrix(input, toRoundMatrix(input), options);
}

/** For callers that already hold the dense matrix (bench, large imports). */
export function computeRoundFromMatrix(
  input: Pick<RoundInput, "units" | "elements">,
  matrix: RoundMatrix,
  options: ComputeRoundOptions = {},
): RoundResult {
  const tally = tallyRound(matrix);
  return computeRoundFromTally(
    input,
    matrix,
    tally,
    (influence) => matrixSumSquares(matrix, tally, influence),
    options,
  );
}

/**
 * The same result from a round's aggregates (aggregates.ts), without its respondents:
 * counts from `tally`, index intervals from the pairwise counts (index-intervals-pairs.ts).
 * Throws RoundInputError when the aggregates do not fit `input` (checkAggregates).
 *
 * Complexity: O(H·K²), whatever the number of responses.
 */
export function computeRoundFromAggregates(
  input: Pick<RoundInput, "units" | "elements">,
  aggregates: RoundAggregates,
  options: ComputeRoundOptions = {},
): RoundResult {
  checkAggregates(input, aggregates);
  const { tally, pairs } = aggregates;
  return computeRoundFromTally(
    input,
    aggregates,
    tally,
    (influence) => pairSumSquares(pairs, tally, influence),
    options,
  );
}

/** Everything but the source of the intervals' sums of squares. */
function computeRoundFromTally(
  input: Pick<RoundInput, "units" | "elements">,
  layout: RoundLayout,
  tally: RoundTally,
  sumSquares: IndexSumSquares,
  options: ComputeRoundOptions,
): RoundResult {
  const { criteria } = layout;
  const units: Record<string, UnitEstimate> = {};
  const withResponses: number[] = [];
  input.units.forEach((unit, h) => {
    const n = tally.responsesPerUnit[h];
    if (n > 0) withResponses.push(h);
    const estimate = estimateGroup([h], input.units, tally, criteria, input.elements);
    units[unit.code] = { level: unit.level, population: unit.population, n_responses: n, ...estimate };
  });
  const group = (members: number[]): GroupEstimate => {
    const estimate = estimateGroup(members, input.units, tally, criteria, input.elements);
    const unitIndices = members.map((h) => units[input.units[h].code].index);
    const meanOfUnits = meanIndex(unitIndices);
    return {
      n_units: members.length,
      index_mean_of_units: meanOfUnits,
      mean_of_units: { ...emptyInterval(), index: meanOfUnits },
      ...estimate,
    };
  };
  const levels = {} as Record<UnitLevel, GroupEstimate>;
  for (const level of UNIT_LEVELS) levels[level] = group(withResponses.filter((h) => input.units[h].level === level));
  const overall = group(withResponses);
  if (options.indexIntervals ?? true)
    attachIndexIntervals(layout, tally, input.units, { units, levels, overall }, sumSquares);
  const alphaElements: Record<string, AlphaEstimate> = {};
  for (const [code, moments] of Object.entries(tally.alpha.elements)) alphaElements[code] = alphaFromMoments(moments);
  return {
    meta: {
      n_responses: tally.responsesPerUnit.reduce((sum, n) => sum + n, 0),
      n_units: input.units.length,
      criteria,
      elements: input.elements,
      units_without_responses: input.units.filter((_, h) => tally.responsesPerUnit[h] === 0).map((u) => u.code),
      confidence_level: CONFIDENCE_LEVEL,
      satisfied_min_score: SATISFIED_MIN_SCORE,
      lonely_stratum_rule: LONELY_STRATUM_RULE,
      methods: METHODS,
    },
    overall,
    levels,
    units,
    cronbach_alpha: { overall: alphaFromMoments(tally.alpha.overall), elements: alphaElements },
    priorities: priorities(criteria, overall, tally),
  };
}

function priorities(criteria: string[], overall: GroupEstimate, tally: RoundTally) {
  const importance = importanceFromSums(tally.importance);
  return criterionPriorities(
    criteria.map((criterion, k) => ({
      criterion,
      index: overall.criteria[criterion].index,
      importance: importance[k],
      n: tally.importance.n[k],
    })),
  );
}

function estimateGroup(
  members: number[],
  allUnits: RoundUnit[],
  tally: RoundTally,
  criteria: string[],
  elements: Record<string, string[]>,
) {
  const K = criteria.length;
  const out: Record<string, CriterionEstimate> = {};
  criteria.forEach((code, k) => {
    const strata: StratumCounts[] = members.map((h) => {
      const start = (h * K + k) * COUNT_SLOTS;
      return { population: allUnits[h].population, counts: tally.counts.subarray(start, start + COUNT_SLOTS) };
    });
    out[code] = estimateCriterion(strata);
  });
  const elementIdx = elementIndices(out, elements);
  const index = sipasIndex(elementIdx);
  const withIntervals: Record<string, IndexInterval> = {};
  for (const [code, e] of Object.entries(elementIdx)) withIntervals[code] = { ...emptyInterval(), index: e.index };
  return { criteria: out, elements: withIntervals, index, sipas: { ...emptyInterval(), index } };
}
