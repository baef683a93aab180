import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { getRunningFrameImport } from "~/models/frame.server";
import { getRoundForAdmin } from "~/models/round-admin.server";

/**
 * How far the running upload of a round's frame has got: rows checked so far (the import
 * updates its counts every 10,000 rows). The frame page polls it while a file uploads to
 * draw its progress bar; it says nothing personal.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:frames");
  const round = await getRoundForAdmin(params.round!);
  if (!round) throw new Response("Not found", { status: 404 });
  const running = await getRunningFrameImport(round.id);
  return Response.json(
    { importing: !!running, processed: running ? running.rowCount + running.badRowCount : 0 },
    { headers: { "Cache-Control": "no-store" } },
  );
}
