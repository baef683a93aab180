import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatNumber, localized, translator } from "~/i18n";
import { getRoundResults } from "~/models/results.server";
import { countExcludedResponses } from "~/models/review.server";
import { getRoundByCode } from "~/models/round.server";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.unit.name} — kết quả — Hài Lòng` : "Hài Lòng" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const t = translator(lang);
  const round = await getRoundByCode(params.round!);
  if (!round) throw new Response(t("gone.notFoundBody"), { status: 404 });
  const { instrument, strata, result } = await getRoundResults(round.id, round.instrumentId);
  const stratum = strata.find((s) => s.unit.code === params.unit);
  if (!stratum) throw new Response(t("gone.notFoundBody"), { status: 404 });
  const unit = result.units[stratum.unit.code];
  const excluded = await countExcludedResponses(round.id, stratum.unitId);
  return {
    lang,
    excluded,
    round: { code: round.code, title: round.title },
    unit: {
      name: stratum.unit.name,
      n: unit?.n_responses ?? 0,
      target: stratum.targetSize,
      population: stratum.population,
      index: unit?.index ?? null,
    },
    elements: instrument.sections
      .filter((s) => s.kind === "element")
      .map((section) => ({
        code: section.code,
        title: localized(section.title, lang),
        index: unit?.elements[section.code]?.index ?? null,
        criteria: section.items.map((item) => {
          const c = unit?.criteria[item.code];
          const answered = (c?.n ?? 0) + (c?.n_not_applicable ?? 0);
          return {
            code: item.code,
            text: localized(item.text, lang),
            n: c?.n ?? 0,
            naShare: answered > 0 ? (100 * (c?.n_not_applicable ?? 0)) / answered : null,
            index: c?.index ?? null,
            ci: c?.ci ? [100 * c.ci[0], 100 * c.ci[1]] : null,
            ciExact: c?.ci_method === "clopper-pearson",
            meanScore: c?.mean_score ?? null,
          };
        }),
      })),
  };
}

export default function UnitResults() {
  const { lang, round, unit, elements, excluded } = useLoaderData<typeof loader>();
  const t = translator(lang);
  const pct = (v: number | null) => formatNumber(lang, v);
  return (
    <>
      <p>
        <Link to={`/results/${round.code}`}>{t("results.backToRound")}</Link>
      </p>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("results.unitHeading", { unit: unit.name })}</h1>
      <p className="lead">
        {t("results.unitSummary", { n: unit.n, target: unit.target, population: unit.population, index: pct(unit.index) })}
      </p>
      {excluded > 0 ? <p className="hint" data-testid="excluded-count">{t("review.excluded", { n: excluded })}</p> : null}
      {elements.map((element) => (
        <div key={element.code} className="table-scroll" role="region" aria-labelledby={`el-${element.code}`} tabIndex={0}>
          <table>
            <caption id={`el-${element.code}`}>
              {element.code}. {element.title} — {t("results.elementIndex")}: {pct(element.index)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("results.criterion")}</th>
                <th scope="col" className="num">{t("results.n")}</th>
                <th scope="col" className="num">{t("results.naShare")}</th>
                <th scope="col" className="num">{t("results.criterionIndex")}</th>
                <th scope="col" className="num">{t("results.ci")}</th>
                <th scope="col" className="num">{t("results.meanScore")}</th>
              </tr>
            </thead>
            <tbody>
              {element.criteria.map((c) => (
                <tr key={c.code} data-criterion={c.code}>
                  <th scope="row">
                    <span className="code">{c.code}</span> {c.text}
                  </th>
                  <td className="num">{c.n}</td>
                  <td className="num">{pct(c.naShare)}</td>
                  <td className="num strong">{pct(c.index)}</td>
                  <td className="num">
                    {c.ci ? `${pct(c.ci[0])}–${pct(c.ci[1])}` : t("results.dash")}
                    {c.ciExact ? <span className="hint"> ({t("results.ciExact")})</span> : null}
                  </td>
                  <td className="num">{formatNumber(lang, c.meanScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
