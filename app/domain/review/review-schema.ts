import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * The supervisor's decision forms on an interview's review page (one schema per form,
 * used by the browser through conform and by the action): accepting needs nothing,
 * rejecting needs a reason, so the enumerator and any later reader know why.
 */
/** Supervisor review of an interview (Response.reviewStatus); null = not subject to review. */
export const REVIEW_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REASON_MIN = 5;
export const REASON_MAX = 500;

export function buildRejectSchema(t: Translate) {
  return z.object({
    intent: z.literal("reject"),
    reason: z
      .string({ required_error: t("review.error.reason") })
      .trim()
      .min(REASON_MIN, t("review.error.reason"))
      .max(REASON_MAX, t("review.error.reasonLong")),
  });
}

export const AcceptSchema = z.object({ intent: z.literal("accept") });

/** Bulk accept of one enumerator's unflagged pending interviews (the list page). */
export const BulkAcceptSchema = z.object({ intent: z.literal("bulk-accept"), enumerator: z.string().uuid() });

/** The list page's filters, from the query string (GET form): anything unknown is ignored. */
export const ReviewFilterSchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  enumerator: z.string().uuid().optional().catch(undefined),
  unit: z.string().max(100).optional().catch(undefined),
  flag: z
    .enum(["any", "none", "too_fast", "straight_line", "same_minute", "outside_district"])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ReviewFilterInput = z.infer<typeof ReviewFilterSchema>;

/** Filters read from a URL: empty strings mean "all". */
export function parseReviewFilter(params: URLSearchParams): ReviewFilterInput {
  const entries = [...params.entries()].filter(([, v]) => v !== "");
  return ReviewFilterSchema.parse(Object.fromEntries(entries));
}
