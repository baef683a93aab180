import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator, type MessageKey } from "~/i18n";
import { getRoundByCode, getRoundStrata } from "~/models/round.server";
import { getLanguage } from "~/utils/language.server";
import { limitSurvey } from "~/features/security/limit.server";

export const meta: MetaFunction = () => [{ title: "Chọn cơ quan — Hài Lòng" }];

const LEVELS = ["department", "district", "commune"] as const;

/** The round's public entry: pick the unit, which leads to that unit's survey link. */
export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const lang = await getLanguage(request);
  const t = translator(lang);
  const round = await getRoundByCode(params.round!);
  if (!round) throw new Response(t("gone.notFoundBody"), { status: 404 });
  if (round.status === "closed") throw new Response(t("gone.roundClosed", { round: round.title }), { status: 410 });
  if (round.status === "draft") throw new Response(t("gone.roundNotOpen", { round: round.title }), { status: 404 });
  const strata = await getRoundStrata(round.id);
  return {
    lang,
    round: { code: round.code, title: round.title },
    units: strata.map((s) => ({ code: s.unit.code, name: s.unit.name, level: s.unit.level })),
  };
}

export default function PickUnit() {
  const { lang, round, units } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("pick.heading")}</h1>
      <p>{t("pick.intro")}</p>
      {LEVELS.map((level) => (
        <section key={level} aria-labelledby={`level-${level}`}>
          <h2 id={`level-${level}`}>{t(`level.${level}s` as MessageKey)}</h2>
          <ul className="unit-list">
            {units
              .filter((u) => u.level === level)
              .map((u) => (
                <li key={u.code}>
                  <Link to={`/s/${round.code}/${u.code}`}>{u.name}</Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
