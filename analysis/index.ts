/**
 * Public API of the analysis library. Pure TypeScript: callers load data and pass
 * plain arrays or counts in.
 */
export * from "./types";
export * from "./constants";
export {
  computeRound,
  computeRoundFromMatrix,
  computeRoundFromAggregates,
  METHODS,
  type ComputeRoundOptions,
} from "./compute-round";
export { aggregateMatrix, pairCounts, checkAggregates, PAIR_SLOTS, type RoundAggregates } from "./aggregates";
export { toRoundMatrix, RoundInputError } from "./round-matrix";
export { tallyRound, type RoundMatrix, type RoundTally } from "./tally";
export { estimateCriterion, CI_WHEN_SE_ZERO, type StratumCounts } from "./criterion-estimate";
export { stratifiedMean, type StratumSample, type DesignEstimate } from "./stratified-mean";
export { logitInterval, expit } from "./logit-interval";
export { svycipropLogit, glmInterceptLogit, REPRODUCE_GLM_CONVERGENCE } from "./svyciprop-logit";
export { readRound, readFrame, readElements, InputFileError, ElementsSchema, type CsvFile } from "./read-round-csv";
export { clopperPearsonInterval } from "./clopper-pearson";
export { studentTQuantile, studentTUpperTail, studentTCdf, studentTDensity } from "./student-t";
export { incompleteBeta, betaQuantile, betaDensity } from "./incomplete-beta";
export { normalCdf, normalQuantile, erfc } from "./normal";
export { logGamma, logBeta } from "./log-gamma";
export { cronbachAlpha, alphaFromMoments, SCORE_SHIFT } from "./cronbach-alpha";
export { meanIndex, elementIndices, sipasIndex } from "./indices";
export { compareEstimates, COMPARISON_REFERENCE, type Comparison, type EstimateWithSe } from "./compare-estimates";
export {
  indexInterval,
  meanOfUnitsInterval,
  emptyInterval,
  type GroupIntervals,
  type Grouping,
} from "./index-intervals";
export { indexIntervals } from "./index-intervals-matrix";
export { indexIntervalsFromPairs, pairSumSquares } from "./index-intervals-pairs";
export {
  compareIndices,
  compareGroups,
  compareRounds,
  type IndexChange,
  type GroupChange,
  type RoundChange,
} from "./compare-rounds";
export { rankUnits, type RankedUnit } from "./rank-units";
export {
  criterionPriorities,
  importanceFromSums,
  priorityQuadrant,
  pearsonFromSums,
  IMPORTANCE_EXCLUDES_CRITERION,
  type PriorityInput,
} from "./priorities";
export { yamaneSampleSize, cochranSampleSize, type CochranOptions } from "./sample-size";
export {
  marginOfError,
  stratifiedMarginOfError,
  plannedMargins,
  type MarginOptions,
  type PlannedMargins,
} from "./margin-of-error";
export { allocateSample, apportion, DEFAULT_NEYMAN_SD, type AllocationPlan, type AllocationUnit } from "./allocation";
export {
  parPoints,
  maxParPoints,
  roundHalfAway,
  PAR_POINT_DECIMALS,
  type ParRuleDefinition,
  type LinearParRule,
  type ThresholdParRule,
} from "./par-points";
