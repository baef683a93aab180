import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator, type UiLanguage } from "~/i18n";
import { buildCsvUploadSchema, CsvAcceptSchema, readCsvUpload } from "~/utils/csv-upload";
import { CsvAcceptForm, CsvUploadForm } from "~/components/csv-upload-form";
import { TranslationReportView, type TranslationReport } from "~/features/instruments/translation-report";
import { parseTranslationCsv, planTranslations } from "~/domain/instruments/translations";
import { recordAudit } from "~/models/audit.server";
import { applyTranslations, getInstrumentRow } from "~/models/instrument-admin.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";

export const meta: MetaFunction = () => [{ title: "Nhập bản dịch — Hài Lòng" }];

async function requireVersion(id: string, lang: UiLanguage) {
  const row = await getInstrumentRow(id);
  if (!row) throw new Response(translator(lang)("instruments.notFound"), { status: 404 });
  return row;
}

/**
 * Check a translation file against the version as stored now. Like the unit import, the
 * checked text goes back to the page and "accept" re-posts and re-checks it (no pending
 * state on the server; a version frozen in between is caught).
 */
async function check(id: string, csv: string) {
  const row = await requireVersion(id, "vi");
  const definition = await getInstrument(id);
  const parsed = parseTranslationCsv(csv, definition);
  const plan = parsed.problems.length
    ? null
    : planTranslations(definition, parsed, row.languages.split(",").filter(Boolean));
  const refused = !!plan && row.frozenAt !== null && plan.changes.length > 0;
  // The report goes to the browser without the merged definition (it is rebuilt on accept).
  const summary = plan && { changes: plan.changes, added: plan.added, missing: plan.missing, complete: plan.complete };
  return { plan, report: { problems: parsed.problems, plan: summary, refused } satisfies TranslationReport };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:instruments");
  const row = await requireVersion(params.id!, await getLanguage(request));
  return { id: row.id, version: `${row.code} v${row.version}`, frozen: row.frozenAt !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:instruments");
  const t = translator(await getLanguage(request));
  const id = params.id!;
  const formData = await request.formData();
  if (formData.get("intent") === "accept") {
    const accepted = CsvAcceptSchema.safeParse(Object.fromEntries(formData));
    if (!accepted.success) throw new Response(t("units.fileEmpty"), { status: 400 });
    const { plan, report } = await check(id, accepted.data.csv);
    if (!plan || report.refused) return data({ result: undefined, report, csv: accepted.data.csv }, { status: 409 });
    const applied = await applyTranslations(id, plan);
    if (!applied.ok)
      return data({ result: undefined, report: { ...report, refused: true }, csv: accepted.data.csv }, { status: 409 });
    await recordAudit({
      userId: user.id,
      action: "import-translations",
      entity: "instrument",
      entityId: id,
      before: { languages: applied.before },
      after: { languages: applied.after, changes: plan.changes, added: plan.added },
    });
    return redirect(`/admin/instruments/${id}?saved=translations`);
  }
  const submission = parseWithZod(formData, { schema: buildCsvUploadSchema(t) });
  if (submission.status !== "success")
    return data({ result: submission.reply(), report: null, csv: null }, { status: 400 });
  const csv = await readCsvUpload(submission.value);
  const { report } = await check(id, csv);
  return data({ result: submission.reply(), report, csv }, { status: report.plan && !report.refused ? 200 : 422 });
}

export default function ImportTranslations() {
  const { id, version, frozen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const report = actionData?.report ?? null;
  return (
    <>
      <p className="eyebrow">{version}</p>
      <h1>{t("instruments.translationsHeading")}</h1>
      <p className="hint">{t("instruments.translationsIntro")}</p>
      {frozen ? <p className="notice">{t("instruments.frozenTranslations")}</p> : null}
      {report ? <TranslationReportView report={report} /> : null}
      {report?.plan && !report.refused ? (
        <CsvAcceptForm csv={actionData?.csv}>
          <button type="submit" className="button primary">
            {t("instruments.acceptTranslations")}
          </button>
        </CsvAcceptForm>
      ) : null}
      <CsvUploadForm lastResult={actionData?.result} csv={actionData?.csv}>
        <Link to={`/admin/instruments/${id}`}>{t("instruments.backToVersion")}</Link>
      </CsvUploadForm>
    </>
  );
}
