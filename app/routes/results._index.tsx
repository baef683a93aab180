import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator, type MessageKey } from "~/i18n";
import { listResultRounds } from "~/models/dashboard.server";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction = () => [{ title: "Kết quả khảo sát — Hài Lòng" }];

/** The rounds an official can open in the dashboard. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:results");
  return { lang: await getLanguage(request), rounds: await listResultRounds() };
}

export default function ResultRounds() {
  const { lang, rounds } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("dash.roundsHeading")}</h1>
      <p>{t("dash.roundsIntro")}</p>
      {rounds.length === 0 ? (
        <p>{t("dash.noRounds")}</p>
      ) : (
        <ul className="unit-list">
          {rounds.map((r) => (
            <li key={r.code}>
              <Link to={`/results/${r.code}`}>
                {r.title} <span className="badge">{t(`dash.status.${r.status}` as MessageKey)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
