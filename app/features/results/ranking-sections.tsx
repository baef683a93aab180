import { Link } from "@remix-run/react";
import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure } from "~/components/charts/chart-figure";
import { HeatMap } from "~/components/charts/heat-map";
import { TableRegion } from "~/components/table-region";
import { formatNumber, translator, type MessageKey, type UiLanguage } from "~/i18n";
import type { dashboardModel } from "./dashboard-model";
import { ciText } from "./glance-sections";
import { STABLE_MAX_HALF_WIDTH, STABLE_MIN_N } from "./ranking";

type Model = ReturnType<typeof dashboardModel>;

export function RankingSection({
  lang,
  model,
  levelLabel,
  unitHref,
}: {
  lang: UiLanguage;
  model: Model;
  levelLabel: string;
  unitHref: (code: string) => string;
}) {
  const t = translator(lang);
  const fmt = (v: number) => formatNumber(lang, v);
  const rows = model.ranking;
  return (
    <section aria-labelledby="ranking">
      <h2 id="ranking">{t("dash.ranking")}</h2>
      <p className="hint">{t("dash.rankingIntro", { minN: STABLE_MIN_N, halfWidth: STABLE_MAX_HALF_WIDTH })}</p>
      <TableRegion label={t("dash.rankingCaption", { level: levelLabel })}>
        <table className="ranking-table">
          <caption>{t("dash.rankingCaption", { level: levelLabel })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("dash.rank")}
              </th>
              <th scope="col">{t("dash.unit")}</th>
              <th scope="col">{t("dash.level")}</th>
              <th scope="col" className="num">
                {t("dash.n")}
              </th>
              <th scope="col" className="num">
                {t("dash.sipas")}
              </th>
              <th scope="col" className="num">
                {t("dash.ci")}
              </th>
              <th scope="col">{t("dash.group")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.code}
                data-unit={r.code}
                className={r.group !== null && r.group % 2 === 0 ? "group-even" : undefined}
              >
                <td className="num">{r.rank ?? "—"}</td>
                <th scope="row">
                  <Link to={unitHref(r.code)}>{r.name}</Link>
                </th>
                <td>{t(`level.${r.level}` as MessageKey)}</td>
                <td className="num" data-testid="unit-n">
                  {r.n}
                </td>
                <td className="num strong">
                  <span data-testid="unit-index">{formatNumber(lang, r.index)}</span>
                  {r.stable ? null : (
                    <span className="unstable" title={t("dash.unstable")}>
                      {" "}
                      {t("dash.unstableMark")}
                      <span className="visually-hidden">{t("dash.unstable")}</span>
                    </span>
                  )}
                </td>
                <td className="num">{ciText(lang, r.ci)}</td>
                <td>
                  {r.group === null
                    ? t("dash.notRanked")
                    : r.tie > 1
                      ? `${r.group}: ${t("dash.tie", { count: r.tie })}`
                      : String(r.group)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {rows.length > 0 ? (
        <details className="chart-details">
          <summary>{t("dash.rankingChart", { level: levelLabel })}</summary>
          <BarChart
            title={t("dash.rankingChart", { level: levelLabel })}
            desc={t("dash.rankingDesc", { top: rows[0].name, bottom: rows[rows.length - 1].name })}
            rows={rows.map((r) => ({ key: r.code, label: r.name, value: r.index, ci: r.ci }))}
            format={fmt}
          />
        </details>
      ) : null}
    </section>
  );
}

export function HeatSection({ lang, model }: { lang: UiLanguage; model: Model }) {
  const t = translator(lang);
  const fmt = (v: number) => formatNumber(lang, v, 0);
  const { columns, rows } = model.heat;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="heat">
      <h2 id="heat">{t("dash.heat")}</h2>
      <ChartFigure
        caption={t("dash.heatDesc")}
        tableLabel={t("dash.showTable")}
        chart={
          <div className="chart-scroll" role="region" aria-label={t("dash.heat")} tabIndex={0}>
            <HeatMap title={t("dash.heat")} desc={t("dash.heatDesc")} columns={columns} rows={rows} format={fmt} />
          </div>
        }
        table={
          <TableRegion label={t("dash.heatCaption")}>
            <table className="heat-table">
              <caption>{t("dash.heatCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dash.unit")}</th>
                  {columns.map((c) => (
                    <th scope="col" key={c} className="num">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {r.values.map((v, j) => (
                      <td key={columns[j]} className="num">
                        {formatNumber(lang, v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        }
      />
    </section>
  );
}
