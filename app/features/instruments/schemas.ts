import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * The forms of /admin/instruments, each shared by the browser (conform) and its action.
 * Buttons that carry only an intent and an item code (move, remove, clone) are forms too,
 * so they work without JavaScript; their schemas check the code's shape.
 */
const ITEM_CODE = /^[a-z][a-z0-9_-]{0,31}$/;

export const CloneSchema = z.object({ intent: z.literal("clone"), id: z.string().uuid() });

export const ItemActionSchema = z.object({
  intent: z.enum(["up", "down", "remove"]),
  code: z.string().regex(ITEM_CODE),
});

/** One text box per language of the version; Vietnamese is required, others may wait for a translator. */
export function buildItemEditSchema(t: Translate, languages: string[]) {
  const texts = Object.fromEntries(
    languages.map((lang) => [
      lang,
      lang === "vi"
        ? z
            .string({ required_error: t("instruments.error.textVi") })
            .trim()
            .min(1, t("instruments.error.textVi"))
            .max(2000)
        : z.string().trim().max(2000).optional(),
    ]),
  );
  return z.object({ text: z.object(texts), required: z.boolean().default(false) });
}

export function buildAddItemSchema(t: Translate, sectionCodes: string[]) {
  return z.object({
    intent: z.literal("add"),
    sectionCode: z
      .string({ required_error: t("instruments.error.section") })
      .refine((c) => sectionCodes.includes(c), t("instruments.error.section")),
    code: z
      .string({ required_error: t("instruments.error.code") })
      .trim()
      .regex(ITEM_CODE, t("instruments.error.code")),
    // Only kinds without options: options of a closed question are added through the translation file's keys later.
    kind: z.enum(["likert", "text"], { message: t("instruments.error.kind") }),
    textVi: z
      .string({ required_error: t("instruments.error.textVi") })
      .trim()
      .min(1, t("instruments.error.textVi"))
      .max(2000),
    textEn: z.string().trim().max(2000).optional(),
    required: z.boolean().default(false),
  });
}
