import { type FieldMetadata } from "@conform-to/react";
import { localized, type Translate } from "~/i18n";
import type { ItemDefinition } from "~/domain/instruments/instrument-definition";
import { InputField, SelectField, TextareaField, CheckboxGroupField } from "~/components/forms";

interface PaperFieldProps {
  item: ItemDefinition;
  field: FieldMetadata<unknown>;
  lang: string;
  t: Translate;
}

/**
 * One item of the paper form as the fastest control for a keyboard: a one-character text
 * box for a criterion (1–5 or 9, pattern and inputmode from the schema's constraint), a
 * select for a single choice (type-ahead works), checkboxes for multiple choice, a
 * textarea for the comment. DOM order is tab order: straight down the form.
 */
export function PaperField({ item, field, lang, t }: PaperFieldProps) {
  const label = `${item.code}. ${localized(item.text, lang)}`;

  if (item.kind === "likert") {
    return (
      <InputField
        field={field}
        label={label}
        fieldClassName="field paper-likert"
        inputMode="numeric"
        maxLength={1}
        autoComplete="off"
        size={2}
      />
    );
  }
  const options = (item.options ?? []).map((o) => ({ value: o.code, label: localized(o.label, lang) }));
  if (item.kind === "single")
    return <SelectField field={field} label={label} placeholder={t("fieldwork.choose")} options={options} />;
  if (item.kind === "multi") return <CheckboxGroupField field={field} legend={label} options={options} />;
  return <TextareaField field={field} label={label} rows={3} />;
}
