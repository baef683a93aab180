/** Names shared by the review fixtures (review-fixtures.ts) and review.spec.ts. */

/** One round per Playwright project, so the two projects never see each other's decisions. */
export const REVIEW_ROUNDS = { js: "e2e-review-js", nojs: "e2e-review-nojs" } as const;
/** The demo supervisor's department (seed: Sở Nội vụ and Huyện Tam Đường). */
export const REVIEW_UNIT = "so-noi-vu";
/** Self-completed questionnaires (all "5") of each round: the dashboard hides a group under 10. */
export const SELF_COMPLETED = 10;
/** The interview the spec rejects: too fast, every criterion "1". */
export const receiptOf = (round: string, n: number) => `${round.toUpperCase()}-${n}`;
/** A drawn person behind interview 3, for the back-check's contact column. */
export const CONTACT = { name: "Lường Thị Phúc", phone: "0912 345 001" };
