import type { FieldMetadata } from "@conform-to/react";
import { localized, type Translate } from "~/i18n";
import type { ItemDefinition } from "~/domain/instruments/instrument-definition";
import { LIKERT_CHOICES } from "~/domain/survey/scale";
import { FieldError } from "./field-error";

interface QuestionProps {
  item: ItemDefinition;
  /** The item's position in the step, shown before its text. */
  number: number;
  field: FieldMetadata<unknown>;
  /** The language of the question texts (the response's). */
  lang: string;
  t: Translate;
}

function selected(initial: unknown): string[] {
  if (initial === undefined || initial === null) return [];
  return ([] as unknown[]).concat(initial).map(String);
}

/**
 * One question as plain HTML controls, so it works without JavaScript: radios for the
 * SIPAS scale and single choices, checkboxes for multiple choice, a textarea for comments.
 * Large labels are the tap targets (at least 48 px high, styles.css).
 */
export function Question({ item, number, field, lang, t }: QuestionProps) {
  const current = selected(field.initialValue);
  const invalid = field.errors?.length ? true : undefined;
  const describedBy = invalid ? field.errorId : undefined;
  const legend = (
    <legend>
      <span className="question-number">{number}.</span> {localized(item.text, lang)}
      {!item.required ? <span className="optional"> ({t("survey.optional")})</span> : null}
    </legend>
  );

  if (item.kind === "text") {
    return (
      <div className="question">
        <label htmlFor={field.id} className="legend">
          <span className="question-number">{number}.</span> {localized(item.text, lang)}
        </label>
        <p className="hint" id={`${field.id}-hint`}>
          {t("survey.commentHint")}
        </p>
        <textarea
          id={field.id}
          name={field.name}
          rows={5}
          maxLength={2000}
          defaultValue={current[0] ?? ""}
          aria-invalid={invalid}
          aria-describedby={[`${field.id}-hint`, describedBy].filter(Boolean).join(" ")}
        />
        <FieldError id={field.errorId} errors={field.errors} />
      </div>
    );
  }

  const multi = item.kind === "multi";
  const options =
    item.kind === "likert"
      ? LIKERT_CHOICES.map((v) => ({ code: v, label: t(`scale.${v}`) }))
      : (item.options ?? []).map((o) => ({ code: o.code, label: localized(o.label, lang) }));

  return (
    <fieldset
      className={`question question-${item.kind}`}
      role={multi ? undefined : "radiogroup"}
      aria-required={!multi && item.required ? true : undefined}
      aria-invalid={!multi ? invalid : undefined}
      aria-describedby={describedBy}
    >
      {legend}
      {multi && item.maxChoices ? <p className="hint">{t("survey.chooseUpTo", { n: item.maxChoices })}</p> : null}
      <div className="options">
        {options.map((option) => (
          <label key={option.code} className={`option${option.code === "9" ? " option-na" : ""}`}>
            <input
              type={multi ? "checkbox" : "radio"}
              name={field.name}
              value={option.code}
              required={!multi && item.required}
              defaultChecked={current.includes(option.code)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
