import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/utils/csv";
import { requireRoundPage } from "~/features/rounds/require-round.server";
import { recordAudit } from "~/models/audit.server";
import { listSmsRows } from "~/models/invitation-admin.server";

/**
 * The text-message file: phone, link, unit of every person whose invitation is still
 * open. Phones are contact data, so only "manage:invitations" (admins) may download it,
 * and each download is audited — with the count, never the numbers.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round, scope } = await requireRoundPage(request, params, "manage:invitations");
  const rows = await listSmsRows(round.id, scope);
  const origin = new URL(request.url).origin;
  await recordAudit({
    userId: user.id,
    action: "invitations.export-sms",
    entity: "Round",
    entityId: round.id,
    after: { rows: rows.length },
  });
  const csv = toCsv(
    ["phone", "link", "unit"],
    rows.map((r) => [r.phone, `${origin}/i/${r.token}`, r.unit]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="sms-${round.code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
