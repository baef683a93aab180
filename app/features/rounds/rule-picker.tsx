import { FieldError } from "~/components/field-error";
import { translator, type UiLanguage } from "~/i18n";
import { ALLOCATION_RULES } from "~/domain/rounds/allocation-plan";
import { inputProps, type FieldLike, type RecordFieldLike } from "./field-like";

type Fields = { rule: FieldLike; total: FieldLike; minimum: FieldLike; perLevel: RecordFieldLike };

/**
 * The allocation rule (docs/method/sipas.md §3: proportional to N_h with a minimum, a fixed quota per
 * level, or by hand) and its numbers. Every input is always there (no JavaScript needed);
 * the hint under each rule says which numbers it uses.
 */
export function RulePicker({ fields, lang }: { fields: Fields; lang: UiLanguage }) {
  const t = translator(lang);
  const current = String(fields.rule.value ?? fields.rule.initialValue ?? "proportional");
  const perLevel = fields.perLevel.getFieldset();
  const number = (field: FieldLike, label: string) => (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input type="number" {...inputProps(field)} min={0} />
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
  return (
    <fieldset className="field" aria-describedby={fields.rule.errorId}>
      <legend>{t("rounds.rule")}</legend>
      {ALLOCATION_RULES.map((rule) => (
        <label key={rule} className="option" htmlFor={`rule-${rule}`}>
          <input
            type="radio"
            id={`rule-${rule}`}
            name={fields.rule.name}
            value={rule}
            defaultChecked={current === rule}
          />
          {t(`rounds.rule.${rule}`)}
        </label>
      ))}
      <FieldError id={fields.rule.errorId} errors={fields.rule.errors} />
      <p className="hint">{t("rounds.ruleHint")}</p>
      {number(fields.total, t("rounds.field.total"))}
      {number(fields.minimum, t("rounds.field.minimum"))}
      {number(perLevel.department, t("rounds.field.perLevel.department"))}
      {number(perLevel.district, t("rounds.field.perLevel.district"))}
      {number(perLevel.commune, t("rounds.field.perLevel.commune"))}
    </fieldset>
  );
}
