export const ROUND_STATUSES = ["draft", "collecting", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
/** The only status changes: a round goes forward, never back (answers would be orphaned). */
export const NEXT_STATUS: Partial<Record<RoundStatus, RoundStatus>> = { draft: "collecting", collecting: "closed" };
