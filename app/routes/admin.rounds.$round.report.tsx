import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import { formatNumber, translator, type UiLanguage } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getReportData, saveReport } from "~/models/report.server";
import { requireReportReader, requireReportRound } from "~/features/report/access.server";
import { reportFileName, type ReportFormat } from "~/features/report/report-files";
import { reportNotes, reportTextOf } from "~/features/report/report-export.server";
import { buildRegenerateSchema, buildReportTextSchema } from "~/features/report/report-schema";
import { generateReportText } from "~/features/report/report-text";
import { formatDateTime } from "~/utils/format";
import { getLanguage } from "~/utils/language.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { SelectField, TextareaField } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — báo cáo — Hài Lòng` : "Hài Lòng" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireReportReader(request);
  const lang = await getLanguage(request);
  const round = await requireReportRound(params.round, lang);
  const report = await getReportData(round);
  const { text, saved } = await reportTextOf(round, report);
  return {
    lang,
    round: { code: round.code, title: round.title },
    text,
    savedAt: saved?.updatedAt ?? null,
    summary: { n: report.n, target: report.target, index: report.overall.index },
    notes: reportNotes(report, lang),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireReportReader(request);
  const lang = await getLanguage(request);
  const t = translator(lang);
  const round = await requireReportRound(params.round, lang);
  const formData = await request.formData();
  if (formData.get("intent") === "regenerate") {
    const submission = parseWithZod(formData, { schema: buildRegenerateSchema(t) });
    if (submission.status !== "success")
      return data({ form: "regenerate" as const, result: submission.reply() }, { status: 400 });
    const text = generateReportText(await getReportData(round), submission.value.language);
    await saveReport(round.id, text, user.id);
    await recordAudit({
      userId: user.id,
      action: "report.regenerate",
      entity: "Round",
      entityId: round.id,
      after: { language: submission.value.language, chars: text.length },
    });
    return redirect(`/admin/rounds/${round.code}/report?done=regenerated`);
  }
  const submission = parseWithZod(formData, { schema: buildReportTextSchema(t) });
  if (submission.status !== "success")
    return data({ form: "save" as const, result: submission.reply() }, { status: 400 });
  await saveReport(round.id, submission.value.text, user.id);
  await recordAudit({
    userId: user.id,
    action: "report.save",
    entity: "Round",
    entityId: round.id,
    after: { chars: submission.value.text.length },
  });
  return redirect(`/admin/rounds/${round.code}/report?done=saved`);
}

const EXPORTS: {
  format: ReportFormat;
  label:
    | "report.exportDocx"
    | "report.exportXlsx"
    | "report.exportCsvUnits"
    | "report.exportCsvElements"
    | "report.exportCsvCriteria";
}[] = [
  { format: "docx", label: "report.exportDocx" },
  { format: "xlsx", label: "report.exportXlsx" },
  { format: "units.csv", label: "report.exportCsvUnits" },
  { format: "elements.csv", label: "report.exportCsvElements" },
  { format: "criteria.csv", label: "report.exportCsvCriteria" },
];

export default function ReportPage() {
  const { lang, round, text, savedAt, summary, notes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = translator(lang);
  const regenerateSchema = buildRegenerateSchema(t);
  const [regenForm, regenFields] = useSchemaForm(regenerateSchema, {
    id: "report-regenerate",
    lastResult: actionData?.form === "regenerate" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { language: "vi" },
  });
  const done = params.get("done");
  const base = `/admin/rounds/${round.code}/report`;
  return (
    <section className="card">
      <p>
        <Link to={`/results/${round.code}`}>{t("results.backToRound")}</Link>
      </p>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("report.heading")}</h1>
      <p className="lead">{t("report.intro")}</p>
      <p data-testid="report-summary">
        {t("report.summary", { n: summary.n, target: summary.target, index: formatNumber(lang, summary.index) })}
      </p>
      {done ? (
        <p role="status" className="notice">
          {done === "regenerated" ? t("report.regenerated") : t("report.saved")}
        </p>
      ) : null}
      <p className="hint">
        {savedAt ? t("report.statusEdited", { at: formatDateTime(savedAt, lang) }) : t("report.statusGenerated")}
      </p>

      {/* Keyed by the save time: after a save or a regeneration the box shows the new text. */}
      <TextForm
        key={savedAt ? String(savedAt) : "generated"}
        text={text}
        lastResult={actionData?.form === "save" ? actionData.result : undefined}
        lang={lang}
      />

      <h2>{t("report.exports")}</h2>
      <p className="hint">{t("report.exportNote")}</p>
      <ul className="unit-list">
        <li>
          <Link to={`${base}/print`}>{t("report.exportPrint")}</Link>
        </li>
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <a href={`${base}/export/${e.format}`} download={reportFileName(round.code, e.format)}>
              {t(e.label)}
            </a>
          </li>
        ))}
      </ul>
      {notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}

      <h2>{t("report.regenerateHeading")}</h2>
      <p>{t("report.regenerateHint")}</p>
      <Form method="post" {...getFormProps(regenForm)}>
        <input type="hidden" name="intent" value="regenerate" />
        <SelectField
          field={regenFields.language}
          label={t("report.regenerateLanguage")}
          options={[
            { value: "vi", label: t("lang.vi") },
            { value: "en", label: t("lang.en") },
          ]}
        />
        <div className="field checkbox">
          <input {...getInputProps(regenFields.confirm, { type: "checkbox" })} />
          <label htmlFor={regenFields.confirm.id}>{t("report.confirmLabel")}</label>
          <FieldError id={regenFields.confirm.errorId} errors={regenFields.confirm.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="button secondary">
            {t("report.regenerate")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function TextForm({
  text,
  lastResult,
  lang,
}: {
  text: string;
  lastResult: SubmissionResult<string[]> | undefined;
  lang: UiLanguage;
}) {
  const t = translator(lang);
  const schema = buildReportTextSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: "report-text",
    lastResult,
    shouldValidate: "onBlur",
    defaultValue: { text },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <TextareaField
        field={fields.text}
        label={t("report.textLabel")}
        hint={t("report.textHint")}
        hintAbove
        rows={22}
        className="report-text"
      />
      <div className="actions">
        <button type="submit" className="button primary">
          {t("report.save")}
        </button>
      </div>
    </Form>
  );
}
