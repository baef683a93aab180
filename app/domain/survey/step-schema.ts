import { z } from "zod";
import type { Translate } from "~/i18n";
import type { ItemDefinition, SectionDefinition } from "~/domain/instruments/instrument-definition";
import { LIKERT_CHOICES } from "./scale";

/** The longest open comment kept. */
export const MAX_COMMENT_LENGTH = 2000;

/**
 * The one zod schema of a survey step, built from the instrument's section. The browser
 * (conform's onValidate) and the action (parseWithZod) call this same function, so the
 * two can never disagree; HTML constraints (`required`) come from it too.
 */
export function buildStepSchema(section: SectionDefinition, t: Translate) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const item of section.items) shape[item.code] = itemSchema(item, t);
  return z.object(shape);
}

export type StepValues = Record<string, string | string[] | undefined>;

function itemSchema(item: ItemDefinition, t: Translate): z.ZodTypeAny {
  const required = t("error.required");
  switch (item.kind) {
    case "likert": {
      const schema = z.enum(LIKERT_CHOICES, { errorMap: () => ({ message: required }) });
      return item.required ? schema : schema.optional();
    }
    case "single": {
      const codes = (item.options ?? []).map((o) => o.code);
      const schema = z.string({ required_error: required }).refine((v) => codes.includes(v), t("error.invalidChoice"));
      return item.required ? schema : schema.optional();
    }
    case "multi": {
      const codes = (item.options ?? []).map((o) => o.code);
      // Checked on the array, not per element, so the message lands on the question
      // (conform would file a per-element error under "x01[1]", where no one shows it).
      const max = item.maxChoices ?? Infinity;
      const schema = z
        .array(z.string())
        .refine((v) => v.every((code) => codes.includes(code)), t("error.invalidChoice"))
        .refine((v) => v.length <= max, t("error.tooManyChoices", { n: max }));
      const withDefault = z.preprocess((v) => (v === undefined ? [] : v), schema);
      return item.required ? withDefault.refine((v) => (v as string[]).length > 0, required) : withDefault;
    }
    case "text": {
      const schema = z
        .string()
        .trim()
        .max(MAX_COMMENT_LENGTH, t("error.tooLong", { n: MAX_COMMENT_LENGTH }));
      return item.required ? schema.min(1, required) : schema.optional();
    }
  }
}
