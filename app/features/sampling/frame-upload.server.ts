import { parseWithZod } from "@conform-to/zod";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import type { Translate } from "~/i18n";
import { importFrameFile } from "~/models/frame.server";
import { buildFrameUploadSchema, MAX_FRAME_BYTES } from "./frame-forms";

/** The upload is streamed to a temporary file (never held in memory), imported, then removed. */
export async function uploadFrame(request: Request, roundId: string, code: string, userId: string, t: Translate) {
  // The temporary file gets a random name; the report keeps the name the admin uploaded.
  let uploadedName = "frame.csv";
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({
      directory: tmpdir(),
      maxPartSize: MAX_FRAME_BYTES,
      file: ({ filename }) => {
        uploadedName = filename || uploadedName;
        return `hailong-frame-${randomUUID()}.csv`;
      },
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
  );
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return data({ result: null, error: t("frame.errTooLarge") }, { status: 413 });
    throw error;
  }
  const submission = parseWithZod(formData, { schema: buildFrameUploadSchema(t) });
  const file = formData.get("file");
  const onDisk =
    file && typeof file === "object" && "getFilePath" in file
      ? (file as unknown as { getFilePath(): string; remove(): Promise<void>; name: string })
      : null;
  if (submission.status !== "success" || !onDisk) {
    await onDisk?.remove();
    return data({ result: submission.reply(), error: null as string | null }, { status: 400 });
  }
  try {
    const done = await importFrameFile({ roundId, path: onDisk.getFilePath(), fileName: uploadedName, userId });
    return redirect(`/admin/rounds/${code}/frame?import=${done.id}`);
  } finally {
    await onDisk.remove().catch(() => undefined);
  }
}
