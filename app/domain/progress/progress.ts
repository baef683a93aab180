/** Counts of one row of the progress board (a unit, an enumerator, or the totals). */
export interface ProgressCounts {
  target: number;
  completed: number;
  inProgress: number;
  refused: number;
}

export interface ProgressRow extends ProgressCounts {
  /** Questionnaires still to collect: target minus completed, never below 0. */
  remaining: number;
}

/**
 * Remaining = max(0, target − completed). A refusal is not subtracted: the person is
 * replaced from the reserve list (docs/method/sipas.md §3), so the unit still owes that questionnaire.
 * In-progress ones are not yet counted as done either; they may be abandoned.
 */
export function progressRow(counts: ProgressCounts): ProgressRow {
  return { ...counts, remaining: Math.max(0, counts.target - counts.completed) };
}

/** The totals row: sums of the counts, and remaining as the sum of the rows' remaining (a unit over target does not make up for another). */
export function progressTotals(rows: ProgressRow[]): ProgressRow {
  const sum = (key: keyof ProgressRow) => rows.reduce((acc, row) => acc + row[key], 0);
  return {
    target: sum("target"),
    completed: sum("completed"),
    inProgress: sum("inProgress"),
    refused: sum("refused"),
    remaining: sum("remaining"),
  };
}
