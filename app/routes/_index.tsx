import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listRounds } from "~/models/round.server";
import { getLanguage } from "~/utils/language.server";
import { translator, type MessageKey } from "~/i18n";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Hài Lòng — đo lường sự hài lòng (SIPAS)" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const rounds = await listRounds();
  return {
    lang,
    rounds: rounds.map((r) => ({
      code: r.code,
      title: r.title,
      status: r.status,
      planReference: r.planReference,
      periodStart: formatDate(r.periodStart, lang),
      periodEnd: formatDate(r.periodEnd, lang),
      submitted: r.submitted,
      target: r.targetSampleSize,
    })),
  };
}

export default function Home() {
  const { lang, rounds } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p>{t("home.intro")}</p>
      {rounds.length === 0 ? <p>{t("home.noRounds")}</p> : null}
      <ul className="round-list">
        {rounds.map((round) => (
          <li key={round.code} className="card">
            <h2>{round.title}</h2>
            <p className={`badge badge-${round.status}`}>{t(`status.${round.status}` as MessageKey)}</p>
            <p>{t("home.plan", { plan: round.planReference })}</p>
            <p>{t("home.period", { from: round.periodStart, to: round.periodEnd })}</p>
            <p>{t("home.progress", { n: round.submitted, target: round.target })}</p>
            <p className="actions">
              {round.status === "collecting" ? (
                <Link className="button primary" to={`/s/${round.code}`}>
                  {t("home.takeSurvey")}
                </Link>
              ) : null}
              {/* The public aggregate page exists for closed rounds; while a round collects,
                  its results are for officials (docs/decisions/011-dashboard.md). */}
              {round.status === "closed" ? (
                <Link className="button secondary" to={`/public/${round.code}`}>
                  {t("home.viewResults")}
                </Link>
              ) : (
                <Link className="button secondary" to={`/results/${round.code}`}>
                  {t("home.officialResults")}
                </Link>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
