import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import { useT } from "~/utils/use-language";
import { buildAddItemSchema } from "./schemas";

/** Add a likert or text item at the end of a section of a draft. */
export function AddItemForm({ sections, lastResult }: { sections: { code: string; title: string }[]; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const schema = buildAddItemSchema(
    t,
    sections.map((s) => s.code),
  );
  const [form, fields] = useForm({
    id: "add-item",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <h2>{t("instruments.addHeading")}</h2>
      <input type="hidden" name="intent" value="add" />
      <div className="field">
        <label htmlFor={fields.sectionCode.id}>{t("instruments.section")}</label>
        <select {...getSelectProps(fields.sectionCode)}>
          {sections.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} — {s.title}
            </option>
          ))}
        </select>
        <FieldError id={fields.sectionCode.errorId} errors={fields.sectionCode.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.code.id}>{t("instruments.itemCode")}</label>
        <input {...getInputProps(fields.code, { type: "text" })} />
        <FieldError id={fields.code.errorId} errors={fields.code.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.kind.id}>{t("instruments.kind")}</label>
        <select {...getSelectProps(fields.kind)}>
          <option value="likert">{t("instruments.kind.likert")}</option>
          <option value="text">{t("instruments.kind.text")}</option>
        </select>
        <FieldError id={fields.kind.errorId} errors={fields.kind.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.textVi.id}>{t("instruments.textIn", { lang: "vi" })}</label>
        <input {...getInputProps(fields.textVi, { type: "text" })} lang="vi" />
        <FieldError id={fields.textVi.errorId} errors={fields.textVi.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.textEn.id}>{t("instruments.textIn", { lang: "en" })}</label>
        <input {...getInputProps(fields.textEn, { type: "text" })} lang="en" />
        <FieldError id={fields.textEn.errorId} errors={fields.textEn.errors} />
      </div>
      <label className="option">
        <input {...getInputProps(fields.required, { type: "checkbox" })} /> <span>{t("instruments.requiredLabel")}</span>
      </label>
      <button type="submit" className="button primary">
        {t("instruments.add")}
      </button>
    </Form>
  );
}
