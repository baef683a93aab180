import { Form, Link } from "@remix-run/react";
import { translator, type MessageKey, type UiLanguage } from "~/i18n";
import { MODES, type DashboardFilter } from "~/domain/results/filters";

export interface FilterOptions {
  units: { code: string; name: string; level: string }[];
  languages: { code: string; label: string }[];
  groups: { key: "gender" | "age" | "ethnicity"; options: { code: string; label: string }[] }[];
}

/** The dashboard's filters: a plain GET form, so it works without JavaScript and every view is a link. */
export function FilterForm({
  lang,
  filter,
  options,
  action,
}: {
  lang: UiLanguage;
  filter: DashboardFilter;
  options: FilterOptions;
  action: string;
}) {
  const t = translator(lang);
  const select = (name: keyof DashboardFilter, label: string, items: { code: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={filter[name] ?? ""}>
        <option value="">{t("dash.filter.all")}</option>
        {items.map((i) => (
          <option key={i.code} value={i.code}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" action={action} className="dash-filters card" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("dash.filters")}</h2>
      <div className="dash-filter-grid">
        {select(
          "level",
          t("dash.filter.level"),
          (["department", "district", "commune"] as const).map((l) => ({
            code: l,
            label: t(`level.${l}s` as MessageKey),
          })),
        )}
        {select(
          "unit",
          t("dash.filter.unit"),
          options.units.map((u) => ({ code: u.code, label: u.name })),
        )}
        {select(
          "mode",
          t("dash.filter.mode"),
          MODES.map((m) => ({ code: m, label: t(`dash.mode.${m}` as MessageKey) })),
        )}
        {select("language", t("dash.filter.language"), options.languages)}
        {options.groups.map((g) => (
          <div key={g.key}>{select(g.key, t(`dash.filter.${g.key}` as MessageKey), g.options)}</div>
        ))}
      </div>
      <div className="dash-filter-actions">
        <button type="submit" className="button">
          {t("dash.filter.apply")}
        </button>
        <Link to={action}>{t("dash.filter.clear")}</Link>
      </div>
    </Form>
  );
}
