import { z } from "zod";
import type { Translate } from "~/i18n";
import { OUTCOMES } from "~/domain/sampling/response-rates";

/** Reserves drawn per unit, in % of n_h, unless the admin sets another share. */
export const DEFAULT_RESERVE_PERCENT = 50;

/** The draw form: a seed (typed, or generated when left empty) and the reserve size in % of n_h. */
export function buildDrawSchema(t: Translate) {
  return z.object({
    intent: z.literal("draw"),
    seed: z
      .string()
      .trim()
      .max(64, t("draw.errSeed"))
      .regex(/^[\w.:-]*$/, t("draw.errSeed"))
      .optional(),
    reservePercent: z
      .number({ invalid_type_error: t("draw.errReserve") })
      .int(t("draw.errReserve"))
      .min(0, t("draw.errReserve"))
      .max(200, t("draw.errReserve"))
      .default(DEFAULT_RESERVE_PERCENT),
  });
}

/** A fieldwork outcome for one issued person; the note says why (kept, shown, audited). */
export function buildOutcomeSchema(t: Translate) {
  return z.object({
    intent: z.literal("outcome"),
    rowId: z.string().min(1),
    outcome: z.enum(OUTCOMES, { required_error: t("draw.errOutcome"), invalid_type_error: t("draw.errOutcome") }),
    note: z.string().trim().max(500).optional(),
  });
}
