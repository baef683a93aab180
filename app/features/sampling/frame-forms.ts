import { z } from "zod";
import type { Translate } from "~/i18n";

/** Largest export accepted: 200,000 rows of ~200 bytes is ~40 MB; leave room. */
export const MAX_FRAME_BYTES = 200 * 1024 * 1024;

const isFile = (v: unknown): v is { name: string; size: number } =>
  typeof v === "object" &&
  v !== null &&
  "size" in v &&
  "name" in v &&
  typeof (v as { size: unknown }).size === "number";

/** The upload form: one non-empty CSV file (browser File, or Remix's NodeOnDiskFile on the server). */
export function buildFrameUploadSchema(t: Translate) {
  return z.object({
    file: z.custom<{ name: string; size: number }>((v) => isFile(v) && v.size > 0, t("frame.errFile")),
  });
}

/** Accept or discard a pending import. */
export const FrameDecisionSchema = z.object({
  intent: z.enum(["accept", "discard"]),
  importId: z.string().min(1),
});
