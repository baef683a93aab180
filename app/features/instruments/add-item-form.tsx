import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useT } from "~/utils/use-language";
import { buildAddItemSchema } from "./schemas";
import { InputField, SelectField, CheckboxField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

/** Add a likert or text item at the end of a section of a draft. */
export function AddItemForm({
  sections,
  lastResult,
}: {
  sections: { code: string; title: string }[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const schema = buildAddItemSchema(
    t,
    sections.map((s) => s.code),
  );
  const [form, fields] = useSchemaForm(schema, { id: "add-item", lastResult, shouldValidate: "onBlur" });
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <h2>{t("instruments.addHeading")}</h2>
      <input type="hidden" name="intent" value="add" />
      <SelectField
        field={fields.sectionCode}
        label={t("instruments.section")}
        options={sections.map((s) => ({
          value: s.code,
          label: (
            <>
              {s.code} — {s.title}
            </>
          ),
        }))}
      />
      <InputField field={fields.code} label={t("instruments.itemCode")} />
      <SelectField
        field={fields.kind}
        label={t("instruments.kind")}
        options={[
          { value: "likert", label: t("instruments.kind.likert") },
          { value: "text", label: t("instruments.kind.text") },
        ]}
      />
      <InputField field={fields.textVi} label={t("instruments.textIn", { lang: "vi" })} lang="vi" />
      <InputField field={fields.textEn} label={t("instruments.textIn", { lang: "en" })} lang="en" />
      <CheckboxField field={fields.required} label={t("instruments.requiredLabel")} />
      <button type="submit" className="button primary">
        {t("instruments.add")}
      </button>
    </Form>
  );
}
