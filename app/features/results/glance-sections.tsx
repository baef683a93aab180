import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure } from "~/components/charts/chart-figure";
import { TableRegion } from "~/components/table-region";
import { formatNumber, translator, type MessageKey, type UiLanguage } from "~/i18n";
import type { dashboardModel } from "./dashboard-model";
import { ChangeText, changeCell } from "./change-text";

type Model = ReturnType<typeof dashboardModel>;

export function ciText(lang: UiLanguage, ci: [number, number] | null): string {
  return ci ? `${formatNumber(lang, ci[0])}–${formatNumber(lang, ci[1])}` : "—";
}

/** SIPAS with its interval, responses against target, change since the previous round. */
export function Glance({
  lang,
  model,
  previousTitle,
  showTarget,
}: {
  lang: UiLanguage;
  model: Model;
  previousTitle: string | null;
  showTarget: boolean;
}) {
  const t = translator(lang);
  const { sipas, meanOfUnits, change } = model.overall;
  return (
    <section aria-labelledby="glance" className="card">
      <h2 id="glance">{t("dash.glance")}</h2>
      <dl className="dash-kpis">
        <div>
          <dt>{t("dash.sipas")}</dt>
          <dd>
            <span className="dash-big" data-testid="round-index">
              {t("dash.sipasValue", { index: formatNumber(lang, sipas.index) })}
            </span>
            <span className="hint">
              {sipas.ci
                ? t("dash.ciRange", { low: formatNumber(lang, sipas.ci[0]), high: formatNumber(lang, sipas.ci[1]) })
                : null}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("dash.responses")}</dt>
          <dd>
            <span className="dash-big" data-testid="round-n">
              {showTarget ? t("dash.responsesOfTarget", { n: model.n, target: model.target }) : model.n}
            </span>
            {showTarget && model.target > 0 ? (
              <span className="hint">
                {t("dash.responseRate", { rate: formatNumber(lang, (100 * model.n) / model.target) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{previousTitle ? t("dash.change", { round: previousTitle }) : t("dash.changeShort")}</dt>
          <dd>
            <ChangeText lang={lang} change={change} />
          </dd>
        </div>
      </dl>
      {meanOfUnits.index !== null ? (
        <p className="hint">{t("dash.meanOfUnits", { index: formatNumber(lang, meanOfUnits.index) })}</p>
      ) : null}
      {model.lowest.map((l) => (
        <p key={l.level} data-testid={`lowest-${l.level}`}>
          {t("dash.lowest", {
            level: t(`level.${l.level}` as MessageKey).toLowerCase(),
            unit: l.name,
            index: formatNumber(lang, l.index),
            element: l.element ? `${l.element.code}. ${l.elementTitle}` : "—",
            elementIndex: formatNumber(lang, l.element?.index),
          })}
        </p>
      ))}
    </section>
  );
}

export function LevelTable({ lang, model }: { lang: UiLanguage; model: Model }) {
  const t = translator(lang);
  return (
    <section aria-labelledby="by-level">
      <h2 id="by-level">{t("dash.byLevel")}</h2>
      <TableRegion label={t("dash.byLevelCaption")}>
        <table>
          <caption>{t("dash.byLevelCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dash.level")}</th>
              <th scope="col" className="num">
                {t("dash.units")}
              </th>
              <th scope="col" className="num">
                {t("dash.n")}
              </th>
              {model.elements.map((e) => (
                <th scope="col" key={e.code} className="num" title={e.title}>
                  {e.code}
                </th>
              ))}
              <th scope="col" className="num">
                {t("dash.sipas")}
              </th>
              <th scope="col" className="num">
                {t("dash.ci")}
              </th>
              <th scope="col" className="num">
                {t("dash.changeShort")}
              </th>
            </tr>
          </thead>
          <tbody>
            {model.levels.map((l) => (
              <tr key={l.level} data-level={l.level}>
                <th scope="row">{t(`level.${l.level}s` as MessageKey)}</th>
                <td className="num">{l.units}</td>
                <td className="num">{l.n}</td>
                {l.elements.map((e, i) => (
                  <td key={model.elements[i].code} className="num">
                    {formatNumber(lang, e.index)}
                  </td>
                ))}
                <td className="num strong">{formatNumber(lang, l.sipas.index)}</td>
                <td className="num">{ciText(lang, l.sipas.ci)}</td>
                <td className="num">{changeCell(lang, l.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function ElementsSection({ lang, model }: { lang: UiLanguage; model: Model }) {
  const t = translator(lang);
  return (
    <section aria-labelledby="by-element">
      <h2 id="by-element">{t("dash.byElement")}</h2>
      <ElementsFigure lang={lang} elements={model.elements} tableLabel={t("dash.elementsChart")} />
    </section>
  );
}

/** What ElementsFigure needs of an element: its index, interval and change since the previous round. */
export type ElementRow = Pick<Model["elements"][number], "code" | "title" | "interval" | "change">;

/**
 * The element indices as a bar chart with interval whiskers and the same numbers in a
 * table: the dashboard's element section and a unit's report card both show this.
 */
export function ElementsFigure({
  lang,
  elements,
  tableLabel,
  openTable,
}: {
  lang: UiLanguage;
  elements: ElementRow[];
  tableLabel: string;
  openTable?: boolean;
}) {
  const t = translator(lang);
  const fmt = (v: number) => formatNumber(lang, v);
  const weakest = elements
    .filter((e) => e.interval.index !== null)
    .sort((a, b) => (a.interval.index as number) - (b.interval.index as number))[0];
  return (
    <ChartFigure
      caption={t("dash.elementsChart")}
      tableLabel={t("dash.showTable")}
      openTable={openTable}
      chart={
        <BarChart
          title={t("dash.elementsChart")}
          desc={t("dash.elementsDesc", {
            element: weakest ? `${weakest.code}. ${weakest.title}` : "—",
            index: formatNumber(lang, weakest?.interval.index),
          })}
          rows={elements.map((e) => ({
            key: e.code,
            label: `${e.code}. ${e.title}`,
            value: e.interval.index,
            ci: e.interval.ci,
          }))}
          format={fmt}
        />
      }
      table={
        <TableRegion label={tableLabel}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dash.element")}</th>
                <th scope="col" className="num">
                  {t("dash.index")}
                </th>
                <th scope="col" className="num">
                  {t("dash.ci")}
                </th>
                <th scope="col" className="num">
                  {t("dash.changeShort")}
                </th>
              </tr>
            </thead>
            <tbody>
              {elements.map((e) => (
                <tr key={e.code} data-element={e.code}>
                  <th scope="row">
                    {e.code}. {e.title}
                  </th>
                  <td className="num">{formatNumber(lang, e.interval.index)}</td>
                  <td className="num">{ciText(lang, e.interval.ci)}</td>
                  <td className="num">{changeCell(lang, e.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      }
    />
  );
}
