import { z } from "zod";
import type { Translate } from "~/i18n";

/** Longest report text kept (a satisfaction section is a page or two: ~5,000 characters). */
export const MAX_REPORT_TEXT = 100_000;

/**
 * The two forms of the report page, validated in the browser and in the action: save the
 * edited text, or regenerate it from the data (which replaces the saved text, so a ticked
 * confirmation box is required — it works without JavaScript, unlike a confirm dialog).
 */
export function buildReportTextSchema(t: Translate) {
  return z.object({
    intent: z.literal("save"),
    text: z
      .string({ required_error: t("report.errText") })
      .trim()
      .min(1, t("report.errText"))
      .max(MAX_REPORT_TEXT, t("report.errTextLong")),
  });
}

export function buildRegenerateSchema(t: Translate) {
  return z.object({
    intent: z.literal("regenerate"),
    language: z.enum(["vi", "en"]).default("vi"),
    confirm: z.literal("on", { errorMap: () => ({ message: t("report.errConfirm") }) }),
  });
}
