/**
 * Methodological choices of the SIPAS analysis, one named constant each, so that a
 * report can print them and a reader can find every place a choice is used.
 *
 * Source: docs/method/sipas.md §2 (scoring) and §4 (statistics).
 */

/** Lowest score on the 5-point scale ("Rất không hài lòng"). */
export const SCALE_MIN = 1;

/** Highest score on the 5-point scale ("Rất hài lòng"). */
export const SCALE_MAX = 5;

/** An answer of 4 ("Hài lòng") or 5 counts as satisfied (top-2 box); 3 does not. */
export const SATISFIED_MIN_SCORE = 4;

/** Two-sided confidence level of every interval. */
export const CONFIDENCE_LEVEL = 0.95;

/** Worst-case proportion for planning: p(1-p) is largest at p = 0.5. */
export const WORST_CASE_PROPORTION = 0.5;

/** Margin of error used by the Ministry's guide for Yamane's formula. */
export const DEFAULT_MARGIN_OF_ERROR = 0.05;

/**
 * Indices are percentages: criterion index = INDEX_SCALE × proportion satisfied.
 */
export const INDEX_SCALE = 100;

/**
 * A stratum with a single answer is handled as R's survey package does under
 * `options(survey.lonely.psu = "adjust")`: its contribution to the variance is taken
 * around the grand (stratified) mean instead of its own mean.
 */
export const LONELY_STRATUM_RULE = "adjust" as const;
