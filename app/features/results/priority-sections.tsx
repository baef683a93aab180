import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure } from "~/components/charts/chart-figure";
import { QuadrantChart } from "~/components/charts/quadrant-chart";
import { TableRegion } from "~/components/table-region";
import { formatNumber, translator, type MessageKey, type UiLanguage } from "~/i18n";
import type { dashboardModel } from "./dashboard-model";

type Model = ReturnType<typeof dashboardModel>;

export function ExpectationsSection({ lang, model }: { lang: UiLanguage; model: Model }) {
  const t = translator(lang);
  const data = model.expectations;
  if (!data || data.respondents === 0) return null;
  const fmt = (v: number) => formatNumber(lang, v);
  return (
    <section aria-labelledby="expectations">
      <h2 id="expectations">{t("dash.expectations")}</h2>
      <p className="hint">{t("dash.expectationsNote", { n: data.respondents })}</p>
      <ChartFigure
        caption={t("dash.expectationsChart")}
        tableLabel={t("dash.showTable")}
        chart={
          <BarChart
            title={t("dash.expectationsChart")}
            desc={t("dash.expectationsDesc", { top: data.options[0]?.label ?? "—" })}
            rows={data.options.map((o) => ({ key: o.code, label: o.label, value: o.share, ci: null }))}
            format={fmt}
          />
        }
        table={
          <TableRegion label={t("dash.expectationsChart")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("dash.option")}</th>
                  <th scope="col" className="num">
                    {t("dash.count")}
                  </th>
                  <th scope="col" className="num">
                    {t("dash.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.options.map((o) => (
                  <tr key={o.code}>
                    <th scope="row">{o.label}</th>
                    <td className="num">{o.count}</td>
                    <td className="num">{formatNumber(lang, o.share)}</td>
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

export function PrioritiesSection({ lang, model }: { lang: UiLanguage; model: Model }) {
  const t = translator(lang);
  const points = model.priorities;
  if (points.length < 2) return null;
  const centre = {
    index: points.reduce((s, p) => s + p.index, 0) / points.length,
    importance: points.reduce((s, p) => s + p.importance, 0) / points.length,
  };
  const weak = points.filter((p) => p.quadrant === "weak-and-important");
  const sorted = [...points].sort(
    (a, b) =>
      Number(b.quadrant === "weak-and-important") - Number(a.quadrant === "weak-and-important") || a.index - b.index,
  );
  return (
    <section aria-labelledby="priorities">
      <h2 id="priorities">{t("dash.priorities")}</h2>
      <p className="hint">{t("dash.prioritiesIntro")}</p>
      <ChartFigure
        caption={t("dash.quadrantChart")}
        tableLabel={t("dash.showTable")}
        openTable
        chart={
          <QuadrantChart
            title={t("dash.quadrantChart")}
            desc={t("dash.quadrantDesc", { list: weak.map((p) => p.criterion).join(", ") || t("dash.none") })}
            points={points.map((p) => ({
              key: p.criterion,
              label: p.criterion,
              index: p.index,
              importance: p.importance,
              highlight: p.quadrant === "weak-and-important",
            }))}
            centre={centre}
            axisLabels={{ x: t("dash.axisIndex"), y: t("dash.axisImportance"), weakImportant: t("dash.weakImportant") }}
          />
        }
        table={
          <TableRegion label={t("dash.quadrantChart")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("results.criterion")}</th>
                  <th scope="col" className="num">
                    {t("dash.index")}
                  </th>
                  <th scope="col" className="num">
                    {t("dash.importance")}
                  </th>
                  <th scope="col">{t("dash.quadrant")}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((p) => (
                  <tr
                    key={p.criterion}
                    data-criterion={p.criterion}
                    className={p.quadrant === "weak-and-important" ? "strong" : undefined}
                  >
                    <th scope="row">
                      <span className="code">{p.criterion}</span> {p.text}
                    </th>
                    <td className="num">{formatNumber(lang, p.index)}</td>
                    <td className="num">{formatNumber(lang, p.importance, 3)}</td>
                    <td>{p.quadrant ? t(`dash.quadrant.${p.quadrant}` as MessageKey) : "—"}</td>
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
