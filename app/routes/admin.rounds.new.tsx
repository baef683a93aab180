import { getFormProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { FieldError } from "~/components/field-error";
import { localized, translator } from "~/i18n";
import {
  createRoundWithStrata,
  listInstrumentOptions,
  listRoundCodes,
  listUnitOptions,
} from "~/models/round-admin.server";
import { AllocationTable } from "~/features/rounds/allocation-table";
import { evaluateRoundForm } from "~/features/rounds/new-round-action.server";
import { buildRoundSchema, validDuring } from "~/domain/rounds/round-schema";
import { RulePicker } from "~/features/rounds/rule-picker";
import { UnitPicker } from "~/features/rounds/unit-picker";
import { getLanguage } from "~/utils/language.server";
import { InputField, TextareaField, FormErrorSummary } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Tạo đợt khảo sát — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:rounds");
  const [lang, units, instruments, takenCodes] = await Promise.all([
    getLanguage(request),
    listUnitOptions(),
    listInstrumentOptions(),
    listRoundCodes(),
  ]);
  return { lang, units, instruments, takenCodes };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:rounds");
  const t = translator(await getLanguage(request));
  const { submission, form, allocation, totalError } = await evaluateRoundForm(await request.formData(), t);
  if (!form || !allocation) {
    const result = totalError ? submission.reply({ fieldErrors: { total: [totalError] } }) : submission.reply();
    return data({ result, allocation: null }, { status: 400 });
  }
  if (form.intent === "compute") return { result: submission.reply(), allocation };
  const round = await createRoundWithStrata(form, allocation.rows, user.id);
  return redirect(`/admin/rounds/${round.code}`);
}

export default function NewRound() {
  const { lang, units, instruments, takenCodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = translator(lang);
  const schema = buildRoundSchema(t, { units, takenCodes });
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const start = new Date(String(fields.periodStart.value ?? ""));
  const end = new Date(String(fields.periodEnd.value ?? ""));
  const shown =
    Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())
      ? units
      : units.filter((u) => validDuring(u, start, end));
  const instrument = instruments.find((i) => i.id === fields.instrumentId.value);
  return (
    <section className="card">
      <p>
        <Link to="/admin/rounds">{t("rounds.back")}</Link>
      </p>
      <h1>{t("admin.newRound")}</h1>
      <p className="hint">{t("rounds.newIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        <InputField field={fields.code} label={t("rounds.field.code")} />
        <p className="hint">{t("rounds.codeHint")}</p>
        <InputField field={fields.title} label={t("rounds.field.title")} />
        <InputField field={fields.periodStart} type="date" label={t("rounds.field.periodStart")} />
        <InputField field={fields.periodEnd} type="date" label={t("rounds.field.periodEnd")} />
        <InputField field={fields.planReference} label={t("rounds.field.planReference")} />
        <InputField field={fields.planDate} type="date" label={t("rounds.field.planDate")} />
        <div className="field">
          <label htmlFor={fields.instrumentId.id}>{t("rounds.field.instrumentId")}</label>
          <select {...getSelectProps(fields.instrumentId)}>
            <option value="">{t("rounds.choose")}</option>
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {`${localized(i.name, lang)} — ${i.code} v${i.version}${i.draft ? ` (${t("rounds.draftInstrument")})` : ""}`}
              </option>
            ))}
          </select>
          <FieldError id={fields.instrumentId.errorId} errors={fields.instrumentId.errors} />
          {instrument?.draft ? (
            <p className="notice" role="status">
              {t("rounds.draftWarning")}
            </p>
          ) : null}
        </div>
        <UnitPicker units={shown} fields={fields} lang={lang} />
        <TextareaField
          field={fields.populationCsv}
          label={t("rounds.field.populationCsv")}
          hint={t("rounds.populationCsvHint")}
          rows={4}
          placeholder="unit_code,population"
        />
        <RulePicker fields={fields} lang={lang} />
        {actionData?.allocation ? (
          <AllocationTable allocation={actionData.allocation} lang={lang} caption={t("rounds.allocationCaption")} />
        ) : null}
        <p className="actions">
          <button type="submit" name="intent" value="compute" className="button secondary">
            {t("rounds.compute")}
          </button>
          <button type="submit" name="intent" value="save" className="button primary">
            {t("rounds.save")}
          </button>
        </p>
        {navigation.state === "submitting" ? <p role="status">{t("rounds.working")}</p> : null}
      </Form>
    </section>
  );
}
