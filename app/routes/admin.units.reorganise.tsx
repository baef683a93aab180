import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { reorganiseUnits } from "~/models/unit.server";
import { buildReorganiseSchema } from "~/features/units/schemas";
import { UNIT_LEVELS } from "~/domain/units/unit-import";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";
import { InputField, SelectField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Sáp nhập đơn vị — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:units");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:units");
  const t = translator(await getLanguage(request));
  const submission = parseWithZod(await request.formData(), { schema: buildReorganiseSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await reorganiseUnits(submission.value);
  if (!result.ok) {
    const { reason } = result.error;
    const message = t(`units.reason.${reason}`, { value: "value" in result.error ? (result.error.value ?? "") : "" });
    const field =
      reason === "unknownUnit" || reason === "notValidAt"
        ? "merged"
        : reason === "successorNeedsName"
          ? "successorName"
          : "parentCode";
    return data({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 });
  }
  await recordAudit({
    userId: user.id,
    action: "reorganise",
    entity: "unit",
    entityId: result.successor.id,
    before: result.before,
    after: {
      successor: result.successor,
      created: result.created,
      merged: submission.value.merged,
      from: submission.value.from,
    },
  });
  return redirect("/admin/units?saved=reorganise");
}

/** A merger: old units end the day the successor starts; old rounds keep their units. */
export default function ReorganiseUnits() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildReorganiseSchema(t);
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result, shouldValidate: "onBlur" });
  return (
    <section className="card">
      <h1>{t("units.reorganiseHeading")}</h1>
      <p className="hint">{t("units.reorganiseIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <InputField field={fields.merged} label={t("units.merged")} hint={t("units.mergedHint")} />
        <InputField field={fields.from} type="date" label={t("units.from")} />
        <InputField field={fields.successorCode} label={t("units.successorCode")} hint={t("units.successorHint")} />
        <InputField field={fields.successorName} label={t("units.successorName")} />
        <SelectField
          field={fields.successorLevel}
          label={t("units.level")}
          placeholder="—"
          options={UNIT_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
        />
        <InputField field={fields.parentCode} label={t("units.parentCode")} />
        <div className="actions">
          <button type="submit" className="button primary">
            {t("units.reorganise")}
          </button>
          <Link to="/admin/units" className="button secondary">
            {t("units.back")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
