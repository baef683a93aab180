import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { formatNumber, localized, translator, type MessageKey } from "~/i18n";
import { listComments } from "~/models/dashboard.server";
import { countExcludedResponses } from "~/models/review.server";
import { ChangeText } from "~/features/results/change-text";
import { loadDashboard, loadRoundData, loadView } from "~/features/results/dashboard-loader.server";
import { criterionTexts } from "~/features/results/dashboard-model";
import { ciText, ElementsFigure } from "~/features/results/glance-sections";
import { maskPersonal } from "~/features/results/mask-personal";
import { groupSizes, isStable, rankRound } from "~/features/results/ranking";
import { indexChange, weakestCriteria } from "~/domain/results/round-view";
import dashboardCss from "~/features/results/dashboard.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.unit.name} — phiếu kết quả — Hài Lòng` : "Hài Lòng" },
];

const CARD_COMMENTS = 10;

/** A unit's report card for its leaders (issue 6): index, elements, weakest criteria, trend, rank, comments. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, instrument, previous, data, view, previousView, scoped } = await loadDashboard(
    request,
    params.round!,
    { unfiltered: true },
  );
  const t = translator(lang);
  const unit = data.units.find((u) => u.code === params.unit);
  if (!unit) throw new Response(t("gone.notFoundBody"), { status: 404 });
  const estimate = view.result.units[unit.code];
  // The rank is among all units of the level, even for a viewer who sees only this unit:
  // the position says nothing about another unit.
  const all = scoped ? await loadView(round, instrument, await loadRoundData(round, instrument, null), null, {}) : view;
  const ranking = rankRound(all.result, { level: unit.level });
  const row = ranking.find((r) => r.code === unit.code);
  const ties = row?.group ? (groupSizes(ranking).get(row.group) ?? 1) - 1 : 0;
  const prev = previousView?.result.units[unit.code];
  const texts = criterionTexts(instrument, lang);
  const commentTotal = view.commentsPerUnit[unit.code] ?? 0;
  const shown = commentTotal
    ? await listComments(round.id, instrument, { unitIds: [unit.id], filter: {} }, { offset: 0, limit: CARD_COMMENTS })
    : [];
  const elements = instrument.sections.filter((s) => s.kind === "element");
  const excluded = await countExcludedResponses(round.id, unit.id);
  return {
    excluded,
    lang,
    round: { code: round.code, title: round.title },
    previousTitle: previous?.title ?? null,
    unit: {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      n: estimate.n_responses,
      target: unit.targetSize,
      population: unit.population,
    },
    sipas: estimate.sipas,
    stable: isStable(estimate.n_responses, estimate.sipas),
    rank: row?.rank ? { rank: row.rank, of: ranking.filter((r) => r.rank !== null).length, ties } : null,
    change: indexChange(estimate.sipas, prev?.sipas),
    elements: elements.map((s) => ({
      code: s.code,
      title: localized(s.title, lang),
      interval: estimate.elements[s.code],
      change: indexChange(estimate.elements[s.code], prev?.elements[s.code]),
      criteria: s.items
        .filter((i) => i.kind === "likert")
        .map((i) => {
          const c = estimate.criteria[i.code];
          return {
            code: i.code,
            text: texts.get(i.code) ?? "",
            n: c?.n ?? 0,
            index: c?.index ?? null,
            ci: c?.ci ? ([100 * c.ci[0], 100 * c.ci[1]] as [number, number]) : null,
            meanScore: c?.mean_score ?? null,
          };
        }),
    })),
    weakest: weakestCriteria(estimate, 5).map((c) => ({ ...c, text: texts.get(c.code) ?? "" })),
    comments: { total: commentTotal, shown: shown.map((c) => ({ id: c.id, text: maskPersonal(c.text) })) },
  };
}

export default function UnitReportCard() {
  const { lang, round, previousTitle, unit, sipas, stable, rank, change, elements, weakest, comments, excluded } =
    useLoaderData<typeof loader>();
  const t = translator(lang);
  const fmt = (v: number) => formatNumber(lang, v);
  const base = `/results/${round.code}`;
  return (
    <div className="dashboard">
      <p>
        <Link to={base}>{t("dash.backToDashboard")}</Link>
      </p>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("dash.card", { unit: unit.name })}</h1>
      <p className="hint">{t("dash.cardIntro")}</p>
      {excluded > 0 ? (
        <p className="hint" data-testid="excluded-count">
          {t("review.excluded", { n: excluded })}
        </p>
      ) : null}
      <section className="card" aria-labelledby="card-glance">
        <h2 id="card-glance">{t("dash.glance")}</h2>
        <dl className="dash-kpis">
          <div>
            <dt>{t("dash.sipas")}</dt>
            <dd>
              <span className="dash-big" data-testid="unit-index">
                {t("dash.sipasValue", { index: formatNumber(lang, sipas.index) })}
              </span>
              <span className="hint">
                {sipas.ci ? t("dash.ciRange", { low: fmt(sipas.ci[0]), high: fmt(sipas.ci[1]) }) : null}
              </span>
              {stable ? null : <span className="unstable">{t("dash.unstable")}</span>}
            </dd>
          </div>
          <div>
            <dt>{t("dash.responses")}</dt>
            <dd data-testid="unit-n">{t("dash.responsesOfTarget", { n: unit.n, target: unit.target })}</dd>
          </div>
          <div>
            <dt>{t("dash.rank")}</dt>
            <dd data-testid="unit-rank">
              {rank
                ? t("dash.cardRank", {
                    rank: rank.rank,
                    count: rank.of,
                    level: t(`level.${unit.level}s` as MessageKey),
                  })
                : t("dash.notRanked")}
              {rank && rank.ties > 0 ? (
                <span className="hint"> — {t("dash.cardRankTie", { count: rank.ties })}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{previousTitle ? t("dash.change", { round: previousTitle }) : t("dash.cardTrend")}</dt>
            <dd>
              <ChangeText lang={lang} change={change} />
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="card-elements">
        <h2 id="card-elements">{t("dash.cardElements")}</h2>
        <ElementsFigure lang={lang} elements={elements} tableLabel={t("dash.cardElements")} openTable />
      </section>

      <section aria-labelledby="card-weakest">
        <h2 id="card-weakest">{t("dash.cardWeakest")}</h2>
        <ol>
          {weakest.map((c) => (
            <li key={c.code} data-criterion={c.code}>
              <span className="code">{c.code}</span> {c.text}: <strong>{formatNumber(lang, c.index)}%</strong>{" "}
              <span className="hint">({ciText(lang, c.ci)})</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="card-criteria">
        <h2 id="card-criteria">{t("dash.cardCriteria")}</h2>
        {elements.map((e) => (
          <TableRegion key={e.code} label={`${e.code}. ${e.title}`}>
            <table>
              <caption>
                {e.code}. {e.title} — {t("results.elementIndex")}: {formatNumber(lang, e.interval.index)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.criterion")}</th>
                  <th scope="col" className="num">
                    {t("results.n")}
                  </th>
                  <th scope="col" className="num">
                    {t("results.criterionIndex")}
                  </th>
                  <th scope="col" className="num">
                    {t("results.ci")}
                  </th>
                  <th scope="col" className="num">
                    {t("results.meanScore")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.criteria.map((c) => (
                  <tr key={c.code} data-criterion={c.code}>
                    <th scope="row">
                      <span className="code">{c.code}</span> {c.text}
                    </th>
                    <td className="num">{c.n}</td>
                    <td className="num strong">{formatNumber(lang, c.index)}</td>
                    <td className="num">{ciText(lang, c.ci)}</td>
                    <td className="num">{formatNumber(lang, c.meanScore)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ))}
      </section>

      <section aria-labelledby="card-comments">
        <h2 id="card-comments">{t("dash.cardComments")}</h2>
        <p className="hint">{t("dash.commentsIntro")}</p>
        {comments.total === 0 ? (
          <p>{t("dash.commentsNone")}</p>
        ) : (
          <>
            <ul className="comment-list">
              {comments.shown.map((c) => (
                <li key={c.id}>
                  <blockquote>{c.text}</blockquote>
                </li>
              ))}
            </ul>
            {comments.total > comments.shown.length ? (
              <p>
                <Link to={`${base}/comments?unit=${unit.code}`}>{t("dash.allComments")}</Link>
              </p>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
