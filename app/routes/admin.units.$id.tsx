import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getUnit, isoDay, updateUnit } from "~/models/unit.server";
import { buildUnitEditSchema } from "~/features/units/schemas";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";
import { InputField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

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
  await recordAudit({
    userId: user.id,
    action: "update",
    entity: "unit",
    entityId: params.id!,
    before: result.before,
    after: result.after,
  });
  return redirect("/admin/units?saved=unit");
}

/** Name, parent and validity of one unit. Level and code stay: strata and survey links rely on them. */
export default function EditUnit() {
  const { unit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildUnitEditSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    defaultValue: unit,
  });
  return (
    <section className="card">
      <h1>{t("units.editHeading", { name: unit.name })}</h1>
      <p className="hint">
        {t("units.code")}: <span className="code">{unit.code}</span> · {t(`level.${unit.level as "commune"}`)}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <InputField field={fields.name} label={t("units.name")} />
        <InputField field={fields.parentCode} label={t("units.parentCode")} hint={t("units.parentHint")} />
        <InputField field={fields.validFrom} type="date" label={t("units.validFrom")} />
        <InputField field={fields.validTo} type="date" label={t("units.validTo")} hint={t("units.validToHint")} />
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
