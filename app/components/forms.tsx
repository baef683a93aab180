import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldError } from "./field-error";

/**
 * Form fields bound to conform's field metadata, so that the label, the hint, the error
 * and the ARIA links between them are written once: the control gets its constraints
 * (required, min, max, pattern) from the schema through conform, `aria-invalid` and
 * `aria-describedby` (error, then hint) when there is something to describe; the error
 * line is always rendered so its id exists before a message arrives. Plain HTML controls:
 * every form still works without JavaScript, and what was typed comes back through the
 * field's initial value.
 */

/** Any conform field: the components read its ids, name, errors and initial value only. */
// conform's FieldMetadata is invariant in the form's type; the components do not care which form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>;

interface FieldShellProps {
  field: AnyField;
  label: ReactNode;
  /** A line under the control, read with it by screen readers. */
  hint?: ReactNode;
  /** The hint between label and control (long instructions read before typing). */
  hintAbove?: boolean;
  /** The wrapper's class ("field" and a modifier); `className` goes to the control. */
  fieldClassName?: string;
}

/** The description id to link, only when a hint is shown. */
const describedBy = (field: AnyField, hint: ReactNode) => (hint ? field.descriptionId : undefined);

/** Label, control, hint, error: the block every field of the app is made of. */
export function Field({
  field,
  label,
  hint,
  hintAbove,
  fieldClassName = "field",
  children,
}: FieldShellProps & { children: ReactNode }) {
  const hintLine = hint ? (
    <p className="hint" id={field.descriptionId}>
      {hint}
    </p>
  ) : null;
  return (
    <div className={fieldClassName}>
      <label htmlFor={field.id}>{label}</label>
      {hintAbove ? hintLine : null}
      {children}
      {hintAbove ? null : hintLine}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

type InputType = "text" | "number" | "date" | "email" | "password" | "file" | "tel" | "url";

/** A text, number, date (… file) input with its label and error. Extra props go to the input. */
export function InputField({
  field,
  label,
  hint,
  hintAbove,
  fieldClassName,
  type = "text",
  ...input
}: FieldShellProps & { type?: InputType } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id" | "name">) {
  return (
    <Field field={field} label={label} hint={hint} hintAbove={hintAbove} fieldClassName={fieldClassName}>
      <input {...getInputProps(field, { type, ariaDescribedBy: describedBy(field, hint) })} {...input} />
    </Field>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** The option's language, where it is written in another one (the language chooser). */
  lang?: string;
}

/** A select; `placeholder` is the empty first option ("— choose —"). */
export function SelectField({
  field,
  label,
  hint,
  hintAbove,
  fieldClassName,
  options,
  placeholder,
  ...select
}: FieldShellProps & { options: readonly Choice[]; placeholder?: string } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "id" | "name"
  >) {
  return (
    <Field field={field} label={label} hint={hint} hintAbove={hintAbove} fieldClassName={fieldClassName}>
      <select {...getSelectProps(field, { ariaDescribedBy: describedBy(field, hint) })} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A textarea with its label and error. Extra props (rows, placeholder) go to the textarea. */
export function TextareaField({
  field,
  label,
  hint,
  hintAbove,
  fieldClassName,
  ...textarea
}: FieldShellProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  return (
    <Field field={field} label={label} hint={hint} hintAbove={hintAbove} fieldClassName={fieldClassName}>
      <textarea {...getTextareaProps(field, { ariaDescribedBy: describedBy(field, hint) })} {...textarea} />
    </Field>
  );
}

/** One checkbox ("on" when ticked), its text beside it, as the app's option rows are drawn. Extra props go to the input. */
export function CheckboxField({
  field,
  label,
  className = "option",
  ...input
}: { field: AnyField; label: ReactNode; className?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "id" | "name"
>) {
  return (
    <label className={className}>
      <input {...getInputProps(field, { type: "checkbox" })} {...input} />
      <span>{label}</span>
    </label>
  );
}

interface GroupProps {
  field: AnyField;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Choice[];
  className?: string;
  /** The class of the box around the options (the app's `options`, with a modifier or not). */
  optionsClassName?: string;
}

/** The values a group starts with: conform's initial value, one string or a list. */
function initialValues(field: AnyField): string[] {
  const value: unknown = field.initialValue;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

function ChoiceGroup({
  field,
  legend,
  hint,
  options,
  className = "question",
  optionsClassName = "options",
  type,
  chosen = initialValues(field),
  required,
}: GroupProps & { type: "radio" | "checkbox"; chosen?: string[]; required?: boolean }) {
  const checked = new Set(chosen);
  const invalid = field.errors?.length ? true : undefined;
  const radio = type === "radio";
  return (
    <fieldset
      className={className}
      role={radio ? "radiogroup" : undefined}
      aria-required={radio && required ? true : undefined}
      aria-invalid={invalid}
      aria-describedby={invalid ? field.errorId : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className={optionsClassName}>
        {options.map((o) => (
          <label key={o.value} className="option" lang={o.lang}>
            <input
              type={type}
              name={field.name}
              value={o.value}
              required={radio && required ? true : undefined}
              defaultChecked={checked.has(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/**
 * Radio buttons in a fieldset (role radiogroup): the legend names the question, the error
 * is linked from it. `chosen` overrides the initial value (a default choice).
 */
export function RadioGroupField(props: GroupProps & { chosen?: string[]; required?: boolean }) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** Checkboxes sharing one name (a list of values) in a fieldset. */
export function CheckboxGroupField(props: GroupProps) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/** The form's own error (one not tied to a field), at the top of the form, linked by the form's aria-describedby. */
export function FormErrorSummary({ form }: { form: { errorId: string; errors?: string[] } }) {
  return form.errors?.length ? (
    <p className="error-summary" role="alert" id={form.errorId}>
      {form.errors[0]}
    </p>
  ) : null;
}
