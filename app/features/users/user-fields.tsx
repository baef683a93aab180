import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { FieldError } from "~/components/field-error";
import { ROLES } from "~/domain/auth/permissions";
import type { Translate } from "~/i18n";

interface UnitOption {
  id: string;
  name: string;
  level: string;
}

/** Role, units and "own units only": the part of the account form that create and edit share. */
export function UserScopeFields({
  t,
  role,
  units,
  limitedToUnits,
  options,
}: {
  t: Translate;
  role: FieldMetadata<string>;
  units: FieldMetadata<string[]>;
  limitedToUnits: FieldMetadata<boolean>;
  options: UnitOption[];
}) {
  const chosen = new Set(([] as unknown[]).concat(units.initialValue ?? []).map(String));
  return (
    <>
      <div className="field">
        <label htmlFor={role.id}>{t("users.role")}</label>
        <select {...getSelectProps(role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldError id={role.errorId} errors={role.errors} />
      </div>
      <fieldset className="question">
        <legend>{t("users.units")}</legend>
        <p className="hint">{t("users.unitsHint")}</p>
        <div className="options unit-options">
          {options.map((unit) => (
            <label key={unit.id} className="option">
              <input type="checkbox" name={units.name} value={unit.id} defaultChecked={chosen.has(unit.id)} />
              <span>{unit.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="option">
        <input {...getInputProps(limitedToUnits, { type: "checkbox" })} />
        <span>{t("users.limited")}</span>
      </label>
    </>
  );
}
