import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { formatNumber, translator, type MessageKey } from "~/i18n";
import type { Round } from "~/generated/prisma/client";
import { getDashboardRound } from "~/models/dashboard.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { getInstrument } from "~/models/instrument.server";
import { loadRoundData, loadView } from "~/features/results/dashboard-loader.server";
import { dashboardModel } from "~/features/results/dashboard-model";
import { MIN_GROUP_SIZE } from "~/domain/results/filters";
import { ciText, ElementsSection, Glance, LevelTable } from "~/features/results/glance-sections";
import { getLanguage } from "~/utils/language.server";
import dashboardCss from "~/features/results/dashboard.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — kết quả — Hài Lòng` : "Hài Lòng" },
];

/** A closed round over every unit; a unit with fewer questionnaires than MIN_GROUP_SIZE publishes no index of its own (ADR 011). */
async function publicView(round: Round, instrument: InstrumentDefinition) {
  const data = await loadRoundData(round, instrument, null);
  const view = await loadView(round, instrument, data, null, {});
  const hiddenUnits = new Set([...view.perUnit].filter(([, n]) => n < MIN_GROUP_SIZE).map(([code]) => code));
  // A copy: the cached view is shared with the officials' dashboard, which shows those units.
  return { data, view: { ...view, hiddenUnits } };
}

/**
 * The public results of a CLOSED round, for the province's portal to link: aggregates
 * only (no comments, no respondent groups), small units hidden. Any other round: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const t = translator(lang);
  const found = await getDashboardRound(params.round!);
  if (!found || found.round.status !== "closed") throw new Response(t("gone.notFoundBody"), { status: 404 });
  const { round, instrument, previous } = found;
  const { data, view } = await publicView(round, instrument);
  const previousClosed = previous?.status === "closed" ? previous : null;
  const previousView = previousClosed
    ? (await publicView(previousClosed, await getInstrument(previousClosed.instrumentId))).view
    : null;
  const model = dashboardModel({ data, view, previous: previousView, instrument, lang, filter: {} });
  return {
    lang,
    round: { code: round.code, title: round.title, plan: round.planReference },
    previousTitle: previousClosed?.title ?? null,
    model: { ...model, heat: { columns: [], rows: [] }, priorities: [], comments: 0 },
    units: data.units.map((u) => {
      const n = view.perUnit.get(u.code) ?? 0;
      const estimate = view.result.units[u.code];
      return {
        code: u.code,
        name: u.name,
        level: u.level,
        n,
        hidden: view.hiddenUnits.has(u.code) || n === 0,
        index: estimate?.sipas.index ?? null,
        ci: estimate?.sipas.ci ?? null,
      };
    }),
  };
}

export default function PublicRoundResults() {
  const { lang, round, previousTitle, model, units } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <div className="dashboard">
      <h1>{t("dash.publicHeading", { round: round.title })}</h1>
      <p>{t("dash.publicIntro", { min: MIN_GROUP_SIZE })}</p>
      <p>{t("dash.publicPlan", { plan: round.plan, n: model.n, units: units.length })}</p>
      <Glance lang={lang} model={{ ...model, lowest: [] }} previousTitle={previousTitle} showTarget />
      <LevelTable lang={lang} model={model} />
      <ElementsSection lang={lang} model={model} />
      <section aria-labelledby="public-units">
        <h2 id="public-units">{t("dash.publicUnits")}</h2>
        <TableRegion label={t("dash.publicUnitsCaption")}>
          <table>
            <caption>{t("dash.publicUnitsCaption")}</caption>
            <thead>
              <tr>
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
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code} data-unit={u.code}>
                  <th scope="row">{u.name}</th>
                  <td>{t(`level.${u.level}` as MessageKey)}</td>
                  <td className="num">{u.n}</td>
                  <td className="num">{u.hidden ? t("dash.hidden") : formatNumber(lang, u.index)}</td>
                  <td className="num">{u.hidden ? "—" : ciText(lang, u.ci)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </div>
  );
}
