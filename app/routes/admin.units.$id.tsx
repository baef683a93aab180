import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { FieldError } from "~/components/field-error";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getUnit, isoDay, updateUnit } from "~/models/unit.server";
import { buildUnitEditSchema } from "~/features/units/schemas";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";

export const meta: MetaFunction = () => [{ title: "Sửa đơn vị — Hài Lòng" }];

async function requireUnit(id: string, lang: Awaited<ReturnType<typeof getLanguage>>) {
  const unit = await getUnit(id);
  if (!unit) throw new Response(translator(lang)("units.notFound"), { status: 404 });
  return unit;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:units");
  const unit = await requireUnit(params.id!, await getLanguage(request));
  return {
    unit: {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentCode: unit.parent?.code ?? "",
      validFrom: isoDay(unit.validFrom)!,
      validTo: isoDay(unit.validTo) ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:units");
  const lang = await getLanguage(request);
  const t = translator(lang);
  await requireUnit(params.id!, lang);
  const submission = parseWithZod(await request.formData(), { schema: buildUnitEditSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateUnit(params.id!, submission.value);
  if (!result.ok) {
    const message = t(`units.reason.${result.error}`, { value: submission.value.parentCode ?? "" });
    return data({ result: submission.reply({ fieldErrors: { parentCode: [message] } }) }, { status: 400 });
  }
  await recordAudit({ userId: user.id, action: "update", entity: "unit", entityId: params.id!, before: result.before, after: result.after });
  return redirect("/admin/units?saved=unit");
}

/** Name, parent and validity of one unit. Level and code stay: strata and survey links rely on them. */
export default function EditUnit() {
  const { unit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildUnitEditSchema(t);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    defaultValue: unit,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <section className="card">
      <h1>{t("units.editHeading", { name: unit.name })}</h1>
      <p className="hint">
        {t("units.code")}: <span className="code">{unit.code}</span> · {t(`level.${unit.level as "commune"}`)}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.name.id}>{t("units.name")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} />
          <FieldError id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.parentCode.id}>{t("units.parentCode")}</label>
          <input {...getInputProps(fields.parentCode, { type: "text" })} />
          <p className="hint">{t("units.parentHint")}</p>
          <FieldError id={fields.parentCode.errorId} errors={fields.parentCode.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.validFrom.id}>{t("units.validFrom")}</label>
          <input {...getInputProps(fields.validFrom, { type: "date" })} />
          <FieldError id={fields.validFrom.errorId} errors={fields.validFrom.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.validTo.id}>{t("units.validTo")}</label>
          <input {...getInputProps(fields.validTo, { type: "date" })} />
          <p className="hint">{t("units.validToHint")}</p>
          <FieldError id={fields.validTo.errorId} errors={fields.validTo.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t("units.save")}
          </button>
          <Link to="/admin/units" className="button secondary">
            {t("units.back")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
