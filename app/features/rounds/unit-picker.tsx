import { FieldError } from "~/components/field-error";
import { translator, type UiLanguage } from "~/i18n";
import { formatDate } from "~/utils/format";
import { inputProps, type FieldLike, type RecordFieldLike } from "./field-like";
import type { UnitOption } from "~/domain/rounds/round-schema";
import { TableRegion } from "~/components/table-region";

const LEVELS = ["department", "district", "commune"] as const;
const LEVEL_LABEL = {
  department: "level.departments",
  district: "level.districts",
  commune: "level.communes",
} as const;

type Fields = { units: FieldLike; population: RecordFieldLike; manual: RecordFieldLike };

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

/**
 * The units of the round, grouped by level: a checkbox, N_h and (for the "by hand" rule)
 * n_h per unit. Plain inputs, so the form works without JavaScript; what was typed comes
 * back from the action in conform's initial values.
 */
export function UnitPicker({
  units,
  fields,
  lang,
}: {
  units: readonly UnitOption[];
  fields: Fields;
  lang: UiLanguage;
}) {
  const t = translator(lang);
  const chosen = new Set(asList(fields.units.value ?? fields.units.initialValue));
  const population = fields.population.getFieldset();
  const manual = fields.manual.getFieldset();
  return (
    <fieldset className="field" aria-describedby={fields.units.errorId}>
      <legend>{t("rounds.units")}</legend>
      <p className="hint">{t("rounds.unitsHint")}</p>
      <FieldError id={fields.units.errorId} errors={fields.units.errors} />
      {LEVELS.map((level) => {
        const ofLevel = units.filter((u) => u.level === level);
        if (!ofLevel.length) return null;
        return (
          <TableRegion key={level} label={t(LEVEL_LABEL[level])}>
            <table>
              <caption>{t(LEVEL_LABEL[level])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rounds.unit")}</th>
                  <th scope="col">{t("rounds.population")}</th>
                  <th scope="col">{t("rounds.manualSize")}</th>
                </tr>
              </thead>
              <tbody>
                {ofLevel.map((u) => {
                  const id = `unit-${u.code}`;
                  const pop = population[u.code];
                  const man = manual[u.code];
                  return (
                    <tr key={u.code}>
                      <td>
                        <label htmlFor={id} className="option">
                          <input
                            type="checkbox"
                            id={id}
                            name={fields.units.name}
                            value={u.code}
                            defaultChecked={chosen.has(u.code)}
                          />
                          {u.name}
                        </label>
                        {u.validTo ? (
                          <span className="hint"> {t("rounds.validUntil", { date: formatDate(u.validTo, lang) })}</span>
                        ) : null}
                      </td>
                      <td>
                        <input
                          type="text"
                          inputMode="numeric"
                          {...inputProps(pop)}
                          aria-label={t("rounds.populationOf", { unit: u.name })}
                          size={8}
                        />
                        <FieldError id={pop.errorId} errors={pop.errors} />
                      </td>
                      <td>
                        <input
                          type="text"
                          inputMode="numeric"
                          {...inputProps(man)}
                          aria-label={t("rounds.manualSizeOf", { unit: u.name })}
                          size={6}
                        />
                        <FieldError id={man.errorId} errors={man.errors} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        );
      })}
    </fieldset>
  );
}
