import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator, type MessageKey } from "~/i18n";
import { countExcludedResponses } from "~/models/review.server";
import { dashboardModel } from "~/features/results/dashboard-model";
import { filterOptions, loadDashboard } from "~/features/results/dashboard-loader.server";
import { FilterForm } from "~/features/results/filter-form";
import { filterQuery, hasGroupFilter, isFiltered, MIN_GROUP_SIZE } from "~/domain/results/filters";
import { ElementsSection, Glance, LevelTable } from "~/features/results/glance-sections";
import { ExpectationsSection, PrioritiesSection } from "~/features/results/priority-sections";
import { HeatSection, RankingSection } from "~/features/results/ranking-sections";
import dashboardCss from "~/features/results/dashboard.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — bảng điều hành — Hài Lòng` : "Hài Lòng" },
];

/** The officials' dashboard of a round (issue 6, docs/decisions/011-dashboard.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, instrument, previous, filter, data, view, previousView, scoped } = await loadDashboard(
    request,
    params.round!,
  );
  const excluded = scoped ? 0 : await countExcludedResponses(round.id);
  return {
    lang,
    round: { code: round.code, title: round.title, status: round.status },
    previousTitle: previous?.title ?? null,
    scoped,
    excluded,
    filter,
    filtered: isFiltered(filter),
    // Responses against target only make sense when no filter splits the questionnaires.
    showTarget: !filter.mode && !filter.language && !hasGroupFilter(filter),
    options: filterOptions(data, instrument, lang),
    hidden: view.viewHidden ? { n: view.n } : null,
    hiddenUnits: view.hiddenUnits.size,
    model: view.viewHidden ? null : dashboardModel({ data, view, previous: previousView, instrument, lang, filter }),
  };
}

export default function RoundDashboard() {
  const {
    lang,
    round,
    previousTitle,
    scoped,
    excluded,
    filter,
    filtered,
    showTarget,
    options,
    hidden,
    hiddenUnits,
    model,
  } = useLoaderData<typeof loader>();
  const t = translator(lang);
  const base = `/results/${round.code}`;
  const levelLabel = filter.level ? t(`level.${filter.level}s` as MessageKey) : t("dash.allLevels");
  return (
    <div className="dashboard">
      <p className="eyebrow">
        <Link to="/results">{t("dash.roundsHeading")}</Link>
      </p>
      <h1>{t("dash.heading", { round: round.title })}</h1>
      {round.status === "collecting" ? <p className="notice">{t("dash.collectingNote")}</p> : null}
      {scoped ? (
        <p className="notice">{t("dash.scoped")}</p>
      ) : (
        // The report covers every unit, so readers limited to some units do not get it.
        <p>
          <Link to={`/admin/rounds/${round.code}/report`}>{t("dash.reportLink")}</Link>
        </p>
      )}
      {excluded > 0 ? (
        <p className="hint" data-testid="excluded-count">
          {t("review.excluded", { n: excluded })}
        </p>
      ) : null}
      <FilterForm lang={lang} filter={filter} options={options} action={base} />
      {hidden ? (
        <p className="notice" role="status" data-testid="small-group">
          {t("dash.smallGroup", { n: hidden.n, min: MIN_GROUP_SIZE })}
        </p>
      ) : model ? (
        <>
          {filtered ? <p role="status">{t("dash.filter.active", { n: model.n })}</p> : null}
          {hiddenUnits > 0 ? (
            <p className="notice" data-testid="small-units">
              {t("dash.smallUnitsHidden", { count: hiddenUnits, min: MIN_GROUP_SIZE })}
            </p>
          ) : null}
          <nav aria-label={t("dash.contents")} className="dash-toc">
            <ul>
              <li>
                <a href="#glance">{t("dash.glance")}</a>
              </li>
              <li>
                <a href="#by-level">{t("dash.byLevel")}</a>
              </li>
              <li>
                <a href="#by-element">{t("dash.byElement")}</a>
              </li>
              <li>
                <a href="#ranking">{t("dash.ranking")}</a>
              </li>
              <li>
                <a href="#heat">{t("dash.heat")}</a>
              </li>
              <li>
                <a href="#expectations">{t("dash.expectations")}</a>
              </li>
              <li>
                <a href="#priorities">{t("dash.priorities")}</a>
              </li>
            </ul>
          </nav>
          <Glance lang={lang} model={model} previousTitle={previousTitle} showTarget={showTarget} />
          <LevelTable lang={lang} model={model} />
          <ElementsSection lang={lang} model={model} />
          <RankingSection lang={lang} model={model} levelLabel={levelLabel} unitHref={(code) => `${base}/${code}`} />
          <HeatSection lang={lang} model={model} />
          <ExpectationsSection lang={lang} model={model} />
          <PrioritiesSection lang={lang} model={model} />
          <section aria-labelledby="comments">
            <h2 id="comments">{t("dash.comments")}</h2>
            <p>
              <Link to={`${base}/comments${filterQuery(filter)}`}>{t("dash.commentsLink", { n: model.comments })}</Link>
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}
