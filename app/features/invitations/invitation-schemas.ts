import { z } from "zod";
import type { Translate } from "~/i18n";

/** The most anonymous (walk-in) invitations issued at once: one print run of slips. */
export const MAX_ANONYMOUS = 500;

/** "Issue invitations to the drawn people" of one unit or of every unit ("all"). */
export function buildIssueSchema(unitCodes: string[], t: Translate) {
  return z.object({
    intent: z.literal("issue"),
    unit: z
      .string({ required_error: t("fieldwork.error.unit") })
      .refine((v) => v === "all" || unitCodes.includes(v), t("fieldwork.error.unit")),
  });
}

/** "Issue N anonymous invitations for a unit" (walk-in distribution, no frame row). */
export function buildAnonymousSchema(unitCodes: string[], t: Translate) {
  return z.object({
    intent: z.literal("anonymous"),
    unit: z
      .string({ required_error: t("fieldwork.error.unit") })
      .refine((v) => unitCodes.includes(v), t("fieldwork.error.unit")),
    count: z.coerce
      .number({
        required_error: t("fieldwork.error.count", { max: MAX_ANONYMOUS }),
        invalid_type_error: t("fieldwork.error.count", { max: MAX_ANONYMOUS }),
      })
      .int(t("fieldwork.error.count", { max: MAX_ANONYMOUS }))
      .min(1, t("fieldwork.error.count", { max: MAX_ANONYMOUS }))
      .max(MAX_ANONYMOUS, t("fieldwork.error.count", { max: MAX_ANONYMOUS })),
  });
}
