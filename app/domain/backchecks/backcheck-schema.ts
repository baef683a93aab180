import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * The back-check page's forms (one schema each, browser and action alike): the draw
 * (share in percent, saved to the round; an optional seed) and a call's result. A
 * mismatch needs a note saying what did not match: it is the evidence for a rejection.
 */

/** A back-check result as recorded after the call (BackCheck.result). */
export const BACK_CHECK_RESULTS = ["confirmed", "not_reached", "refused", "mismatch"] as const;
export type BackCheckResult = (typeof BACK_CHECK_RESULTS)[number];

// "\-" in the middle: the browser compiles pattern attributes with the v flag, where a bare "-" is an error.
export const SEED_PATTERN = /^[A-Z\-a-z0-9]{1,64}$/;

export function buildDrawSchema(t: Translate) {
  return z.object({
    intent: z.literal("draw"),
    sharePercent: z.coerce
      .number({ required_error: t("backcheck.error.share"), invalid_type_error: t("backcheck.error.share") })
      .min(1, t("backcheck.error.share"))
      .max(100, t("backcheck.error.share")),
    seed: z.string().trim().regex(SEED_PATTERN, t("backcheck.error.seed")).optional(),
  });
}

export function buildResultSchema(t: Translate) {
  return z
    .object({
      intent: z.literal("result"),
      backCheckId: z.string().uuid(),
      result: z.enum(BACK_CHECK_RESULTS, {
        required_error: t("backcheck.error.result"),
        invalid_type_error: t("backcheck.error.result"),
      }),
      note: z.string().trim().max(500, t("backcheck.error.noteLong")).optional(),
    })
    .refine((v) => v.result !== "mismatch" || (v.note?.length ?? 0) > 0, {
      message: t("backcheck.error.note"),
      path: ["note"],
    });
}
