import { z } from "zod";
import type { Translate } from "~/i18n";
import { isIsoDate, UNIT_CODE_PATTERN, UNIT_LEVELS } from "~/domain/units/unit-import";

/**
 * The forms of /admin/units, each validated in the browser (conform's onValidate) and in
 * its action with the same schema. Dates are YYYY-MM-DD strings (what <input type="date">
 * posts); the model turns them into UTC midnights.
 */
function isoDate(t: Translate) {
  return z.string({ required_error: t("units.error.dateRequired") }).refine(isIsoDate, t("units.error.date"));
}

export function buildUnitEditSchema(t: Translate) {
  return z
    .object({
      name: z
        .string({ required_error: t("units.error.nameRequired") })
        .trim()
        .min(1, t("units.error.nameRequired"))
        .max(200),
      parentCode: z.string().trim().max(64).optional(),
      validFrom: isoDate(t),
      validTo: isoDate(t).optional(),
    })
    .refine((v) => !v.validTo || v.validTo > v.validFrom, { message: t("units.error.dateOrder"), path: ["validTo"] });
}

export function buildReorganiseSchema(t: Translate) {
  return z
    .object({
      merged: z
        .string({ required_error: t("units.error.mergedRequired") })
        .transform((s) => [...new Set(s.split(/[\s,;]+/).filter(Boolean))])
        .refine((codes) => codes.length > 0, t("units.error.mergedRequired")),
      successorCode: z
        .string({ required_error: t("units.error.codeRequired") })
        .trim()
        .regex(UNIT_CODE_PATTERN, t("units.error.code")),
      successorName: z.string().trim().max(200).optional(),
      successorLevel: z.enum(UNIT_LEVELS, { message: t("units.error.level") }).optional(),
      parentCode: z.string().trim().max(64).optional(),
      from: isoDate(t),
    })
    .refine((v) => !v.merged.includes(v.successorCode), {
      message: t("units.error.successorMerged"),
      path: ["successorCode"],
    });
}
