import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * The start step: the language of the answers and the id the client made for this
 * questionnaire (a UUID in a hidden field, so a retry of this form names the same row).
 */
export function buildStartSchema(languages: string[], t: Translate) {
  return z.object({
    responseId: z.string().uuid(),
    language: z
      .string({ required_error: t("error.language") })
      .refine((v) => languages.includes(v), t("error.language")),
    invitation: z.string().max(100).optional(),
  });
}
