import { z } from "zod";
import type { Translate } from "~/i18n";

/**
 * A CSV that arrives as a chosen file or as text pasted in a box (the unit list, the
 * translation file): the same schema in the browser and the action, the same limit on
 * both ways in, and the same reading. Step one checks and reports; the page then re-posts
 * the checked text (step two), so what is accepted is exactly what was reported on.
 * (The sampling frame is larger and streamed to disk: app/features/sampling/frame-upload.server.ts.)
 */
export const MAX_CSV_UPLOAD_BYTES = 2_000_000;

/** Step one: `intent=check`, a file or the text; one of the two is required. */
export function buildCsvUploadSchema(t: Translate) {
  return z
    .object({
      intent: z.literal("check"),
      file: z
        .instanceof(File, { message: t("units.error.fileRequired") })
        .refine((f) => f.size <= MAX_CSV_UPLOAD_BYTES, t("units.error.fileTooLarge"))
        .optional(),
      text: z.string().max(MAX_CSV_UPLOAD_BYTES, t("units.error.fileTooLarge")).optional(),
    })
    .refine((v) => (v.file && v.file.size > 0) || v.text, { message: t("units.error.fileRequired"), path: ["file"] });
}

/** Step two re-posts the checked text. */
export const CsvAcceptSchema = z.object({
  intent: z.literal("accept"),
  csv: z.string().min(1).max(MAX_CSV_UPLOAD_BYTES),
});

/** The CSV text of a checked upload: the file when one was chosen, else the box. */
export async function readCsvUpload({ file, text }: { file?: File; text?: string }): Promise<string> {
  return file && file.size > 0 ? await file.text() : (text ?? "");
}
