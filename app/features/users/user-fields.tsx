import type { FieldMetadata } from "@conform-to/react";
import { ROLES } from "~/domain/auth/permissions";
import type { Translate } from "~/i18n";
import { SelectField, CheckboxField, CheckboxGroupField } from "~/components/forms";

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
  return (
    <>
      <SelectField
        field={role}
        label={t("users.role")}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <CheckboxGroupField
        field={units}
        legend={t("users.units")}
        hint={t("users.unitsHint")}
        optionsClassName="options unit-options"
        options={options.map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      <CheckboxField field={limitedToUnits} label={t("users.limited")} />
    </>
  );
}
