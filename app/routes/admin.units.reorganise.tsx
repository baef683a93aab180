import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { FieldError } from "~/components/field-error";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { reorganiseUnits } from "~/models/unit.server";
import { buildReorganiseSchema } from "~/features/units/schemas";
import { UNIT_LEVELS } from "~/domain/units/unit-import";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";

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
    const field = reason === "unknownUnit" || reason === "notValidAt" ? "merged" : reason === "successorNeedsName" ? "successorName" : "parentCode";
    return data({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 });
  }
  await recordAudit({
    userId: user.id,
    action: "reorganise",
    entity: "unit",
    entityId: result.successor.id,
    before: result.before,
    after: { successor: result.successor, created: result.created, merged: submission.value.merged, from: submission.value.from },
  });
  return redirect("/admin/units?saved=reorganise");
}

/** A merger: old units end the day the successor starts; old rounds keep their units. */
export default function ReorganiseUnits() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildReorganiseSchema(t);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <section className="card">
      <h1>{t("units.reorganiseHeading")}</h1>
      <p className="hint">{t("units.reorganiseIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.merged.id}>{t("units.merged")}</label>
          <input {...getInputProps(fields.merged, { type: "text" })} />
          <p className="hint">{t("units.mergedHint")}</p>
          <FieldError id={fields.merged.errorId} errors={fields.merged.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.from.id}>{t("units.from")}</label>
          <input {...getInputProps(fields.from, { type: "date" })} />
          <FieldError id={fields.from.errorId} errors={fields.from.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.successorCode.id}>{t("units.successorCode")}</label>
          <input {...getInputProps(fields.successorCode, { type: "text" })} />
          <p className="hint">{t("units.successorHint")}</p>
          <FieldError id={fields.successorCode.errorId} errors={fields.successorCode.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.successorName.id}>{t("units.successorName")}</label>
          <input {...getInputProps(fields.successorName, { type: "text" })} />
          <FieldError id={fields.successorName.errorId} errors={fields.successorName.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.successorLevel.id}>{t("units.level")}</label>
          <select {...getSelectProps(fields.successorLevel)}>
            <option value="">—</option>
            {UNIT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </select>
          <FieldError id={fields.successorLevel.errorId} errors={fields.successorLevel.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.parentCode.id}>{t("units.parentCode")}</label>
          <input {...getInputProps(fields.parentCode, { type: "text" })} />
          <FieldError id={fields.parentCode.errorId} errors={fields.parentCode.errors} />
        </div>
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
