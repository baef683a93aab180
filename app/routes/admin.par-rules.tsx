import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { parPoints, type ParRuleDefinition } from "../../analysis/par-points";
import { requirePermission } from "~/features/auth/session.server";
import { FieldError } from "~/components/field-error";
import { formatNumber, translator, type MessageKey, type UiLanguage } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getParRules, listParRuleYears, saveParRule } from "~/models/par-rule.server";
import {
  buildParRuleSchema,
  PAR_KINDS,
  PAR_LEVELS,
  PAR_STEP_ROWS,
  PREVIEW_INDICES,
  toParRuleDefinition,
  type ParLevel,
} from "~/domain/report/par-rule-schema";
import { getLanguage } from "~/utils/language.server";
import { InputField, SelectField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Điểm PAR INDEX — Hài Lòng" }];

const isLevel = (v: unknown): v is ParLevel => typeof v === "string" && (PAR_LEVELS as readonly string[]).includes(v);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:rounds");
  const lang = await getLanguage(request);
  const url = new URL(request.url);
  const years = await listParRuleYears();
  const asked = Number(url.searchParams.get("year"));
  const year =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0] ?? new Date().getUTCFullYear());
  const levelParam = url.searchParams.get("level");
  const level: ParLevel = isLevel(levelParam) ? levelParam : "department";
  const rules = await getParRules(year);
  return {
    lang,
    years,
    year,
    level,
    rules,
    preview: PREVIEW_INDICES.map((index) => ({
      index,
      points: PAR_LEVELS.map((l) => (rules[l] ? parPoints(index, rules[l]) : null)),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:rounds");
  const t = translator(await getLanguage(request));
  const submission = parseWithZod(await request.formData(), { schema: buildParRuleSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });
  const rule = toParRuleDefinition(submission.value);
  if (submission.value.intent === "preview") {
    return {
      result: submission.reply(),
      preview: { rule, points: PREVIEW_INDICES.map((index) => ({ index, points: parPoints(index, rule) })) },
    };
  }
  const { year, level } = submission.value;
  const { before, after } = await saveParRule(year, level, rule);
  await recordAudit({
    userId: user.id,
    action: before ? "update" : "create",
    entity: "ParRule",
    entityId: after.id,
    before,
    after,
  });
  return redirect(`/admin/par-rules?year=${year}&level=${level}&saved=1`);
}

/** A number for an input the way the reader types it: 1,5 in Vietnamese, 1.5 in English. */
function inputNumber(lang: UiLanguage, value: number | undefined): string {
  return value === undefined ? "" : lang === "vi" ? String(value).replace(".", ",") : String(value);
}

function describeRule(lang: UiLanguage, rule: ParRuleDefinition | undefined): string {
  const t = translator(lang);
  if (!rule) return t("report.par.none");
  // Rule parameters as typed: 50, 2,5 (no padding to 2 decimals).
  const n = (v: number) => v.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 });
  if (rule.kind === "linear")
    return t("report.par.describeLinear", { from: n(rule.from), to: n(rule.to), max: n(rule.maxPoints) });
  return t("report.par.describeThresholds", {
    steps: rule.steps.map((s) => t("report.par.stepText", { min: n(s.min), points: n(s.points) })).join("; "),
  });
}

function formDefaults(lang: UiLanguage, year: number, level: ParLevel, rule: ParRuleDefinition | undefined) {
  const steps = rule?.kind === "thresholds" ? rule.steps : [];
  return {
    intent: "save",
    year: String(year),
    level,
    kind: rule?.kind ?? "linear",
    maxPoints: rule?.kind === "linear" ? inputNumber(lang, rule.maxPoints) : "",
    from: rule?.kind === "linear" ? inputNumber(lang, rule.from) : "",
    to: rule?.kind === "linear" ? inputNumber(lang, rule.to) : "",
    steps: Array.from({ length: PAR_STEP_ROWS }, (_, i) => ({
      min: inputNumber(lang, steps[i]?.min),
      points: inputNumber(lang, steps[i]?.points),
    })),
  };
}

export default function ParRules() {
  const { lang, years, year, level, rules, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = translator(lang);
  const schema = buildParRuleSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: `par-rule-${year}-${level}`,
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    defaultValue: formDefaults(lang, year, level, rules[level]),
  });
  const steps = fields.steps.getFieldList();
  const levelName = (l: string) => t(`level.${l}s` as MessageKey);
  const pts = (v: number | null) => formatNumber(lang, v);
  return (
    <section className="card">
      <h1>{t("report.par.heading")}</h1>
      <p className="lead">{t("report.par.intro")}</p>
      {params.get("saved") ? (
        <p role="status" className="notice">
          {t("report.par.saved")}
        </p>
      ) : null}

      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="show-year">{t("report.par.showYear")}</label>
          <input id="show-year" name="year" type="text" inputMode="numeric" defaultValue={year} list="par-years" />
          <datalist id="par-years">
            {years.map((y) => (
              <option key={y} value={y} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="button secondary">
          {t("report.par.show")}
        </button>
      </Form>

      <h2>{t("report.par.current", { year })}</h2>
      <ul className="unit-list">
        {PAR_LEVELS.map((l) => (
          <li key={l} data-level={l}>
            <strong>{levelName(l)}:</strong> {describeRule(lang, rules[l])}{" "}
            <Link to={`?year=${year}&level=${l}`} aria-label={t("report.par.edit", { level: levelName(l) })}>
              {t("report.par.edit", { level: levelName(l) })}
            </Link>
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-labelledby="par-preview-saved" tabIndex={0}>
        <table>
          <caption id="par-preview-saved">{t("report.par.previewCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("report.par.index")}
              </th>
              {PAR_LEVELS.map((l) => (
                <th key={l} scope="col" className="num">
                  {levelName(l)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr key={row.index}>
                <th scope="row" className="num">
                  {pts(row.index)}
                </th>
                {row.points.map((p, i) => (
                  <td key={PAR_LEVELS[i]} className="num">
                    {pts(p)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="par-form-heading">{t("report.par.formHeading")}</h2>
      {actionData?.result && actionData.result.status === "error" ? (
        <p className="error-summary" role="alert">
          {t("report.par.errSummary")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} aria-labelledby="par-form-heading">
        <InputField field={fields.year} label={t("report.par.year")} inputMode="numeric" />
        <SelectField
          field={fields.level}
          label={t("report.par.level")}
          options={PAR_LEVELS.map((l) => ({ value: l, label: levelName(l) }))}
        />
        <fieldset className="field" aria-describedby={fields.kind.errorId}>
          <legend>{t("report.par.kind")}</legend>
          {PAR_KINDS.map((kind) => {
            const props = getInputProps(fields.kind, { type: "radio", value: kind });
            return (
              <div key={kind} className="choice">
                <input {...props} id={`${fields.kind.id}-${kind}`} />
                <label htmlFor={`${fields.kind.id}-${kind}`}>{t(`report.par.kind.${kind}`)}</label>
              </div>
            );
          })}
          <FieldError id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <fieldset className="field">
          <legend>{t("report.par.kind.linear")}</legend>
          <p className="hint">{t("report.par.linearHint")}</p>
          {(["maxPoints", "from", "to"] as const).map((name) => (
            <InputField key={name} field={fields[name]} label={t(`report.par.${name}`)} inputMode="decimal" />
          ))}
        </fieldset>
        <fieldset className="field" aria-describedby={fields.steps.errorId}>
          <legend>{t("report.par.steps")}</legend>
          {steps.map((step, i) => {
            const row = step.getFieldset();
            return (
              <div key={step.key} className="field-row">
                <InputField field={row.min} label={t("report.par.stepMin", { n: i + 1 })} inputMode="decimal" />
                <InputField field={row.points} label={t("report.par.stepPoints", { n: i + 1 })} inputMode="decimal" />
              </div>
            );
          })}
          <FieldError id={fields.steps.errorId} errors={fields.steps.errors} />
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="button secondary">
            {t("report.par.preview")}
          </button>
          <button type="submit" name="intent" value="save" className="button primary">
            {t("report.par.save")}
          </button>
        </div>
      </Form>

      {actionData?.preview ? (
        <div className="table-scroll" role="region" aria-labelledby="par-preview-new" tabIndex={0}>
          <table>
            <caption id="par-preview-new">
              {t("report.par.previewHeading")}: {describeRule(lang, actionData.preview.rule)}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("report.par.index")}
                </th>
                <th scope="col" className="num">
                  {t("report.par.points")}
                </th>
              </tr>
            </thead>
            <tbody>
              {actionData.preview.points.map((row) => (
                <tr key={row.index}>
                  <th scope="row" className="num">
                    {pts(row.index)}
                  </th>
                  <td className="num" data-testid="preview-points">
                    {pts(row.points)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
