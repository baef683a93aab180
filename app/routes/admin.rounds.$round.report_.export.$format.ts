import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { requireReportReader, requireReportRound } from "~/features/report/access.server";
import { buildReportFile } from "~/features/report/report-export.server";
import { CONTENT_TYPES, contentDisposition, isReportFormat, reportFileName } from "~/features/report/report-files";
import { getLanguage } from "~/utils/language.server";

/**
 * The report's downloads: /admin/rounds/<round>/report/export/docx, xlsx, units.csv,
 * elements.csv, criteria.csv. Each download is audited (who took which file of which
 * round); the files hold aggregates only, no personal data.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireReportReader(request);
  const lang = await getLanguage(request);
  const round = await requireReportRound(params.round, lang);
  const format = params.format;
  if (!isReportFormat(format)) throw new Response("Not found", { status: 404 });
  const body = await buildReportFile(round, format, lang);
  const fileName = reportFileName(round.code, format);
  await recordAudit({
    userId: user.id,
    action: "report.export",
    entity: "Round",
    entityId: round.id,
    after: { format, fileName },
  });
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": "no-store",
    },
  });
}
