import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatNumber, localized, translator, type MessageKey, type UiLanguage } from "~/i18n";
import { getRoundResults } from "~/models/results.server";
import { countExcludedResponses } from "~/models/review.server";
import { getRoundByCode } from "~/models/round.server";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — kết quả — Hài Lòng` : "Hài Lòng" },
];

const LEVELS = ["department", "district", "commune"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const round = await getRoundByCode(params.round!);
  if (!round) throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });
  const { instrument, strata, elements, result } = await getRoundResults(round.id, round.instrumentId);
  const excluded = await countExcludedResponses(round.id);
  const elementCodes = Object.keys(elements);
  return {
    lang,
    excluded,
    round: { code: round.code, title: round.title, target: round.targetSampleSize },
    elements: elementCodes.map((code) => ({
      code,
      title: localized(instrument.sections.find((s) => s.code === code)?.title, lang),
    })),
    overall: {
      index: result.overall.index,
      meanOfUnits: result.overall.index_mean_of_units ?? null,
      n: result.meta.n_responses,
      elements: elementCodes.map((code) => result.overall.elements[code]?.index ?? null),
    },
    levels: LEVELS.map((level) => ({
      level,
      index: result.levels[level]?.index ?? null,
      elements: elementCodes.map((code) => result.levels[level]?.elements[code]?.index ?? null),
    })),
    units: strata.map((s) => {
      const unit = result.units[s.unit.code];
      return {
        code: s.unit.code,
        name: s.unit.name,
        level: s.unit.level,
        n: unit?.n_responses ?? 0,
        index: unit?.index ?? null,
        elements: elementCodes.map((code) => unit?.elements[code]?.index ?? null),
      };
    }),
  };
}

type SortKey = "name" | "level" | "n" | "index" | `E${number}`;

function sortUnits<T extends { name: string; level: string; n: number; index: number | null; elements: (number | null)[] }>(
  units: T[],
  key: string,
  dir: "asc" | "desc",
  elementCodes: string[],
): T[] {
  const levelOrder: Record<string, number> = { department: 0, district: 1, commune: 2 };
  const value = (u: T): number | string => {
    if (key === "name") return u.name;
    if (key === "level") return levelOrder[u.level];
    if (key === "n") return u.n;
    const e = elementCodes.indexOf(key);
    if (e >= 0) return u.elements[e] ?? -1;
    return u.index ?? -1;
  };
  const sign = dir === "asc" ? 1 : -1;
  return [...units].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === "string" ? va.localeCompare(String(vb), "vi") : va - (vb as number);
    return sign * c || a.name.localeCompare(b.name, "vi");
  });
}

function SortHeader({ column, label, sort, dir, lang, numeric = true }: { column: SortKey; label: string; sort: string; dir: string; lang: UiLanguage; numeric?: boolean }) {
  const t = translator(lang);
  const active = sort === column;
  const nextDir = active && dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?sort=${column}&dir=${nextDir}`} preventScrollReset aria-label={t("results.sortBy", { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export default function RoundResults() {
  const { lang, round, elements, overall, levels, units, excluded } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = translator(lang);
  const sort = params.get("sort") ?? "index";
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  const sorted = sortUnits(units, sort, dir, elements.map((e) => e.code));
  const pct = (v: number | null) => formatNumber(lang, v);
  const sortLabel =
    sort === "name" ? t("results.unit") : sort === "n" ? t("results.n") : sort === "level" ? t("results.level") : elements.find((e) => e.code === sort)?.code ?? t("results.index");

  return (
    <>
      <h1>{t("results.heading", { round: round.title })}</h1>
      <p className="lead">
        {t("results.summary", {
          n: overall.n,
          target: round.target,
          units: units.length,
          index: pct(overall.index),
        })}
      </p>
      {excluded > 0 ? <p className="hint" data-testid="excluded-count">{t("review.excluded", { n: excluded })}</p> : null}
      {overall.meanOfUnits !== null ? <p>{t("results.meanOfUnits", { index: pct(overall.meanOfUnits) })}</p> : null}
      <p className="hint">{t("results.method")}</p>

      <div className="table-scroll" role="region" aria-labelledby="by-level" tabIndex={0}>
        <table>
          <caption id="by-level">{t("results.byLevel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("results.level")}</th>
              {elements.map((e) => (
                <th scope="col" key={e.code} title={e.title} className="num">
                  {e.code}
                </th>
              ))}
              <th scope="col" className="num">{t("results.index")}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{t(`level.${l.level}s` as MessageKey)}</th>
                {l.elements.map((v, i) => (
                  <td key={elements[i].code} className="num">{pct(v)}</td>
                ))}
                <td className="num strong">{pct(l.index)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="legend-list">
        {elements.map((e) => (
          <div key={e.code}>
            <dt>{e.code}</dt>
            <dd>{e.title}</dd>
          </div>
        ))}
      </dl>

      <div className="table-scroll" role="region" aria-labelledby="by-unit" tabIndex={0}>
        <table className="units-table">
          <caption id="by-unit">
            {t("results.tableCaption", { sort: `${sortLabel}, ${dir === "asc" ? t("results.ascending") : t("results.descending")}` })}
          </caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t("results.unit")} sort={sort} dir={dir} lang={lang} numeric={false} />
              <SortHeader column="level" label={t("results.level")} sort={sort} dir={dir} lang={lang} numeric={false} />
              <SortHeader column="n" label={t("results.n")} sort={sort} dir={dir} lang={lang} />
              {elements.map((e) => (
                <SortHeader key={e.code} column={e.code as SortKey} label={e.code} sort={sort} dir={dir} lang={lang} />
              ))}
              <SortHeader column="index" label={t("results.index")} sort={sort} dir={dir} lang={lang} />
            </tr>
          </thead>
          <tbody>
            {sorted.map((u) => (
              <tr key={u.code} data-unit={u.code}>
                <th scope="row">
                  <Link to={`/results/${round.code}/${u.code}`}>{u.name}</Link>
                </th>
                <td>{t(`level.${u.level}` as MessageKey)}</td>
                <td className="num" data-testid="unit-n">{u.n}</td>
                {u.elements.map((v, i) => (
                  <td key={elements[i].code} className="num">{pct(v)}</td>
                ))}
                <td className="num strong" data-testid="unit-index">{u.n > 0 ? pct(u.index) : t("results.noData")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
