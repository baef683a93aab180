/**
 * The SIPAS answer scale (docs/method/sipas.md §2): 1 Rất không hài lòng … 5 Rất hài lòng, plus an
 * explicit "not applicable / no answer" code. The code is 9, never 0, so that a stray 0
 * from a spreadsheet or a default can never pass for an answer.
 */
export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export const NOT_APPLICABLE = 9;
export const LIKERT_CHOICES = ["5", "4", "3", "2", "1", "9"] as const;
export type LikertChoice = (typeof LIKERT_CHOICES)[number];

export function isLikertValue(value: number): boolean {
  return Number.isInteger(value) && ((value >= 1 && value <= 5) || value === NOT_APPLICABLE);
}
