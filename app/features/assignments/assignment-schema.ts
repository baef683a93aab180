import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * Give a unit of the round (and optionally some of its drawn people) to an enumerator.
 * The allowed units and enumerators are the ones the page offered this user, so a
 * supervisor cannot post a unit outside their own.
 */
export function buildAssignSchema(unitCodes: string[], enumeratorIds: string[], t: Translate) {
  return z.object({
    intent: z.literal("assign"),
    unit: z
      .string({ required_error: t("fieldwork.error.unit") })
      .refine((v) => unitCodes.includes(v), t("fieldwork.error.unit")),
    enumerator: z
      .string({ required_error: t("fieldwork.error.enumerator") })
      .refine((v) => enumeratorIds.includes(v), t("fieldwork.error.enumerator")),
    people: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.string().uuid())),
  });
}

export function buildUnassignSchema() {
  return z.object({ intent: z.literal("unassign"), assignmentId: z.string().uuid() });
}
