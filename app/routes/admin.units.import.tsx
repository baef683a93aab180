import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { applyUnitImport, listUnitCodes } from "~/models/unit.server";
import { ImportReportView } from "~/features/units/import-report";
import { buildCsvUploadSchema, CsvAcceptSchema, readCsvUpload } from "~/utils/csv-upload";
import { CsvAcceptForm, CsvUploadForm } from "~/components/csv-upload-form";
import { checkUnitImport, isAcceptable } from "~/domain/units/unit-import";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";

export const meta: MetaFunction = () => [{ title: "Nhập đơn vị từ CSV — Hài Lòng" }];

/**
 * Two steps with nothing stored in between: the check returns the file's text, which goes
 * back in the page (an editable box and the accept form's hidden field), and "accept"
 * re-posts it and checks it again before writing. No pending-import table is needed, an
 * abandoned check leaves nothing behind, and a unit changed by someone else between the
 * two steps is caught by the second check. Unit files are small (hundreds of rows).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:units");
  return null;
}

async function check(csv: string) {
  return checkUnitImport(csv, await listUnitCodes());
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:units");
  const t = translator(await getLanguage(request));
  const formData = await request.formData();
  if (formData.get("intent") === "accept") {
    const accepted = CsvAcceptSchema.safeParse(Object.fromEntries(formData));
    if (!accepted.success) throw new Response(t("units.fileEmpty"), { status: 400 });
    const report = await check(accepted.data.csv);
    if (!isAcceptable(report)) return data({ result: undefined, report, csv: accepted.data.csv }, { status: 409 });
    const applied = await applyUnitImport(report.rows);
    await recordAudit({ userId: user.id, action: "import", entity: "unit", after: applied });
    return redirect("/admin/units?saved=import");
  }
  const submission = parseWithZod(formData, { schema: buildCsvUploadSchema(t) });
  if (submission.status !== "success")
    return data({ result: submission.reply(), report: null, csv: null }, { status: 400 });
  const csv = await readCsvUpload(submission.value);
  const report = await check(csv);
  return data({ result: submission.reply(), report, csv }, { status: isAcceptable(report) ? 200 : 422 });
}

export default function ImportUnits() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const report = actionData?.report ?? null;
  return (
    <>
      <h1>{t("units.importHeading")}</h1>
      <p className="hint">{t("units.importIntro")}</p>
      {report ? <ImportReportView report={report} /> : null}
      {report && isAcceptable(report) ? (
        <CsvAcceptForm csv={actionData?.csv}>
          <p>{t("units.acceptHint")}</p>
          <button type="submit" className="button primary">
            {t("units.accept")}
          </button>
        </CsvAcceptForm>
      ) : null}
      <CsvUploadForm lastResult={actionData?.result} csv={actionData?.csv}>
        <Link to="/admin/units">{t("units.back")}</Link>
      </CsvUploadForm>
    </>
  );
}
