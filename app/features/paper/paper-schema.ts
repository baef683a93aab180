import { z } from "zod";
import type { Translate } from "~/i18n";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { buildStepSchema } from "~/domain/survey/step-schema";

/** A paper form's serial number as printed on it: letters, digits and dashes. */
// "\-" in the middle: the browser compiles pattern attributes with the v flag, where a bare "-" is an error.
export const SERIAL_PATTERN = /^[A-Z\-a-z0-9]{1,20}$/;

/**
 * The whole paper questionnaire on one page: the survey's own per-section schemas merged
 * (so paper and online validate alike), plus the serial, the unit and the id made when
 * the entry page rendered (a double submit posts the same id and stores once).
 */
export function buildPaperSchema(instrument: InstrumentDefinition, t: Translate) {
  const sections = instrument.sections.map((section) => buildStepSchema(section, t));
  const answers = sections.reduce((merged, schema) => merged.merge(schema), z.object({}));
  return answers.merge(
    z.object({
      responseId: z.string().uuid(),
      unit: z.string().min(1),
      serial: z
        .string({ required_error: t("fieldwork.error.serial") })
        .trim()
        .regex(SERIAL_PATTERN, t("fieldwork.error.serial"))
        .transform((v) => v.toUpperCase()),
      doubleEntry: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    }),
  );
}

/** Accept one answer for an item where the two keyings differ. */
export function buildResolveSchema(t: Translate) {
  return z.object({
    firstId: z.string().uuid(),
    itemCode: z.string().min(1),
    value: z.string({ required_error: t("error.required") }),
  });
}
