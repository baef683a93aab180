import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { FieldError } from "~/components/field-error";
import { localized, type Translate } from "~/i18n";
import type { ItemDefinition } from "~/domain/instruments/instrument-definition";

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
  const describedBy = field.errors?.length ? field.errorId : undefined;

  if (item.kind === "likert") {
    return (
      <div className="field paper-likert">
        <label htmlFor={field.id}>{label}</label>
        <input {...getInputProps(field, { type: "text" })} inputMode="numeric" maxLength={1} autoComplete="off" size={2} />
        <FieldError id={field.errorId} errors={field.errors} />
      </div>
    );
  }
  if (item.kind === "single") {
    return (
      <div className="field">
        <label htmlFor={field.id}>{label}</label>
        <select {...getSelectProps(field)}>
          <option value="">{t("fieldwork.choose")}</option>
          {(item.options ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {localized(o.label, lang)}
            </option>
          ))}
        </select>
        <FieldError id={field.errorId} errors={field.errors} />
      </div>
    );
  }
  if (item.kind === "multi") {
    const chosen = new Set([field.initialValue ?? []].flat().map(String));
    return (
      <fieldset className="question" aria-describedby={describedBy}>
        <legend>{label}</legend>
        <div className="options">
          {(item.options ?? []).map((o) => (
            <label key={o.code} className="option">
              <input type="checkbox" name={field.name} value={o.code} defaultChecked={chosen.has(o.code)} />
              <span>{localized(o.label, lang)}</span>
            </label>
          ))}
        </div>
        <FieldError id={field.errorId} errors={field.errors} />
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea {...getTextareaProps(field)} rows={3} />
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
