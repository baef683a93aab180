import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator, type UiLanguage } from "~/i18n";
import { buildItemEditSchema } from "~/features/instruments/schemas";
import { languagesOf } from "~/domain/instruments/translations";
import { recordAudit } from "~/models/audit.server";
import { getInstrumentRow, updateItem } from "~/models/instrument-admin.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";
import { useT } from "~/utils/use-language";
import { useSchemaForm } from "~/components/use-schema-form";
import { TextareaField, CheckboxField, FormErrorSummary } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Sửa câu hỏi — Hài Lòng" }];

async function requireItem(id: string, code: string, lang: UiLanguage) {
  const row = await getInstrumentRow(id);
  const definition = row ? await getInstrument(row.id) : null;
  const item = definition?.sections.flatMap((s) => s.items).find((i) => i.code === code);
  if (!row || !definition || !item) throw new Response(translator(lang)("instruments.notFound"), { status: 404 });
  return { row, item, languages: languagesOf(definition) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:instruments");
  const { row, item, languages } = await requireItem(params.id!, params.code!, await getLanguage(request));
  return { id: row.id, version: `${row.code} v${row.version}`, frozen: row.frozenAt !== null, item, languages };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:instruments");
  const lang = await getLanguage(request);
  const t = translator(lang);
  const { languages } = await requireItem(params.id!, params.code!, lang);
  const submission = parseWithZod(await request.formData(), { schema: buildItemEditSchema(t, languages) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const text = Object.fromEntries(
    Object.entries(submission.value.text).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const result = await updateItem(params.id!, params.code!, { text, required: submission.value.required });
  if (!result.ok)
    return data({ result: submission.reply({ formErrors: [t("instruments.frozenRefused")] }) }, { status: 409 });
  await recordAudit({
    userId: user.id,
    action: "update-item",
    entity: "instrument",
    entityId: params.id!,
    ...result.value,
  });
  return redirect(`/admin/instruments/${params.id}?saved=item`);
}

/** An item's text in each language and whether it must be answered. */
export default function EditItem() {
  const { id, version, frozen, item, languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildItemEditSchema(t, languages);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    defaultValue: { text: item.text, required: item.required ? "on" : undefined },
  });
  const texts = fields.text.getFieldset();
  return (
    <section className="card">
      <p className="eyebrow">{version}</p>
      <h1>{t("instruments.editItemHeading", { code: item.code })}</h1>
      {frozen ? <p className="error-summary">{t("instruments.frozenRefused")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} />
        {languages.map((lang) => {
          const field = texts[lang];
          return (
            <TextareaField
              key={lang}
              field={field}
              label={t("instruments.textIn", { lang })}
              lang={lang}
              rows={3}
              disabled={frozen}
            />
          );
        })}
        <CheckboxField field={fields.required} label={t("instruments.requiredLabel")} disabled={frozen} />
        <div className="actions">
          {frozen ? null : (
            <button type="submit" className="button primary">
              {t("instruments.save")}
            </button>
          )}
          <Link to={`/admin/instruments/${id}`} className="button secondary">
            {t("instruments.backToVersion")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
