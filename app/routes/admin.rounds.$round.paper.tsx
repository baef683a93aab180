import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { FieldError } from "~/components/field-error";
import { PaperField } from "~/features/paper/paper-fields";
import { buildPaperSchema } from "~/features/paper/paper-schema";
import { getScopedUnits, requireRoundPage } from "~/features/rounds/require-round.server";
import { localized, translator } from "~/i18n";
import { getInstrument } from "~/models/instrument.server";
import { savePaperEntry } from "~/models/paper-entry.server";
import { answerRowsFromValues } from "~/domain/survey/answers";
import type { StepValues } from "~/domain/survey/step-schema";
import { useSchemaForm } from "~/components/use-schema-form";
import type { Params } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Nhập phiếu giấy — Hài Lòng" }];

/**
 * After a refused save, keep this page's data: a new response id (and form id) would make
 * a fresh form and drop what the clerk typed. Nothing was stored under the old id.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && "result" in actionResult ? false : defaultShouldRevalidate;

/** The page's round, the units the clerk may key for (an enumerator: their own), the instrument. */
async function loadContext(request: Request, params: Params) {
  const { user, lang, round, scope } = await requireRoundPage(request, params, "enter:paper");
  return { user, lang, round, units: await getScopedUnits(round.id, scope) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, units } = await loadContext(request, params);
  const url = new URL(request.url);
  const unit = units.find((u) => u.code === url.searchParams.get("unit")) ?? null;
  return {
    lang,
    round: { code: round.code, title: round.title },
    units: units.map((u) => ({ code: u.code, name: u.name })),
    unit: unit ? { code: unit.code, name: unit.name } : null,
    doubleEntry: url.searchParams.get("double") === "1",
    instrument: unit ? await getInstrument(round.instrumentId) : null,
    // Made when the page renders: a second submit of this form posts the same id.
    newResponseId: randomUUID(),
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, lang, round, units } = await loadContext(request, params);
  const t = translator(lang);
  const instrument = await getInstrument(round.instrumentId);
  const submission = parseWithZod(await request.formData(), { schema: buildPaperSchema(instrument, t) });
  if (submission.status !== "success")
    return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  // The merged section schemas are keyed by item codes known only at run time.
  const values = submission.value as StepValues & {
    responseId: string;
    unit: string;
    serial: string;
    doubleEntry: boolean;
  };
  const unit = units.find((u) => u.code === values.unit);
  if (!unit)
    return data(
      { result: submission.reply({ formErrors: [t("fieldwork.error.unit")] }) as SubmissionResult<string[]> },
      { status: 400 },
    );
  const rows = instrument.sections.flatMap((section) => answerRowsFromValues(section, values));
  const saved = await savePaperEntry({
    id: values.responseId,
    round,
    unitId: unit.id,
    serial: values.serial,
    rows,
    clerkId: user.id,
    doubleEntry: values.doubleEntry,
  });
  if (!saved.ok) {
    const reply = submission.reply({ fieldErrors: { serial: [t(`fieldwork.paper.error.${saved.error}`)] } });
    return data({ result: reply as SubmissionResult<string[]> }, { status: 400 });
  }
  const search = new URLSearchParams({
    unit: unit.code,
    saved: saved.receipt,
    ...(values.doubleEntry ? { double: "1" } : {}),
  });
  return redirect(`/admin/rounds/${round.code}/paper?${search}`);
}

export default function PaperEntry() {
  const { lang, round, units, unit, doubleEntry, instrument, saved } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("fieldwork.paper.heading")}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t(doubleEntry ? "fieldwork.paper.savedDouble" : "fieldwork.paper.saved", { receipt: saved })}
        </p>
      ) : null}
      {units.length === 0 ? <p className="notice">{t("fieldwork.noUnits")}</p> : null}
      {!unit || !instrument ? (
        <UnitPicker units={units} doubleEntry={doubleEntry} />
      ) : (
        <EntryForm key={`${unit.code}-${saved ?? ""}`} />
      )}
      <p>
        <Link to={`/admin/rounds/${round.code}/paper/mismatches`}>{t("fieldwork.paper.mismatchLink")}</Link>
      </p>
    </>
  );
}

function UnitPicker({ units, doubleEntry }: { units: { code: string; name: string }[]; doubleEntry: boolean }) {
  const { lang } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <Form method="get" className="card">
      <p className="hint">{t("fieldwork.paper.intro")}</p>
      <div className="field">
        <label htmlFor="paper-unit">{t("fieldwork.unit")}</label>
        <select id="paper-unit" name="unit" required>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="option">
          <input type="checkbox" name="double" value="1" defaultChecked={doubleEntry} />
          <span>{t("fieldwork.paper.double")}</span>
        </label>
      </div>
      <button type="submit" className="button primary">
        {t("fieldwork.paper.pick")}
      </button>
    </Form>
  );
}

function EntryForm() {
  const { lang, round, unit, doubleEntry, instrument, newResponseId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildPaperSchema(instrument!, t);
  const [form, fields] = useSchemaForm(schema, {
    id: `paper-${newResponseId}`,
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const errorCount = Object.keys(form.allErrors).length;
  const field = (code: string) => fields[code as keyof typeof fields];
  return (
    <section className="card" aria-labelledby="paper-heading">
      <h2 id="paper-heading">
        {t(doubleEntry ? "fieldwork.paper.doubleHeading" : "fieldwork.paper.entryHeading", { unit: unit!.name })}
      </h2>
      <p>
        <Link to={`/admin/rounds/${round.code}/paper`}>{t("fieldwork.paper.otherUnit")}</Link>
      </p>
      {errorCount > 0 ? (
        <p className="error-summary" role="alert">
          {form.errors?.[0] ?? t("fieldwork.errorSummary", { n: errorCount })}
        </p>
      ) : null}
      <p className="hint" id="likert-hint">
        {t("fieldwork.paper.likertHint")}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="responseId" value={newResponseId} />
        <input type="hidden" name="unit" value={unit!.code} />
        {doubleEntry ? <input type="hidden" name="doubleEntry" value="on" /> : null}
        <div className="field">
          <label htmlFor={fields.serial.id}>{t("fieldwork.paper.serial")}</label>
          {/* A data-entry screen: typing starts at once, on the form number. */}
          <input {...getInputProps(fields.serial, { type: "text" })} autoComplete="off" autoFocus />
          <FieldError id={fields.serial.errorId} errors={fields.serial.errors} />
        </div>
        {instrument!.sections.map((section) => (
          <section key={section.code} aria-labelledby={`paper-${section.code}`}>
            <h3 id={`paper-${section.code}`}>{localized(section.title, lang)}</h3>
            {section.items.map((item) => (
              <PaperField key={item.code} item={item} field={field(item.code)} lang={lang} t={t} />
            ))}
          </section>
        ))}
        <button type="submit" className="button primary">
          {t("fieldwork.paper.save")}
        </button>
      </Form>
    </section>
  );
}
