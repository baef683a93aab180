import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { formatNumber, translator } from "~/i18n";
import { listRoundsForAdmin } from "~/models/round-admin.server";
import { formatDate } from "~/utils/format";
import { getLanguage } from "~/utils/language.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Đợt khảo sát — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:rounds");
  const [lang, rounds] = await Promise.all([getLanguage(request), listRoundsForAdmin()]);
  return { lang, rounds };
}

/** Every round with its status and counts; contact data never appears in a list. */
export default function RoundList() {
  const { lang, rounds } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <section className="card">
      <h1>{t("admin.rounds")}</h1>
      <p>
        <Link to="/admin/rounds/new" className="button primary">
          {t("admin.newRound")}
        </Link>
      </p>
      {rounds.length === 0 ? (
        <p>{t("home.noRounds")}</p>
      ) : (
        <TableRegion label={t("rounds.listCaption")}>
          <table>
            <caption>{t("rounds.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rounds.field.title")}</th>
                <th scope="col">{t("rounds.status")}</th>
                <th scope="col">{t("rounds.period")}</th>
                <th scope="col">{t("rounds.unitCount")}</th>
                <th scope="col">{t("rounds.sampleSize")}</th>
                <th scope="col">{t("rounds.frameRows")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.code} data-round={r.code}>
                  <th scope="row">
                    <Link to={`/admin/rounds/${r.code}`}>{r.title}</Link>
                    <br />
                    <span className="code">{r.code}</span>
                  </th>
                  <td>{t(`status.${r.status as "draft" | "collecting" | "closed"}`)}</td>
                  <td>{`${formatDate(r.periodStart, lang)} – ${formatDate(r.periodEnd, lang)}`}</td>
                  <td>{formatNumber(lang, r._count.strata, 0)}</td>
                  <td>{formatNumber(lang, r.targetSampleSize, 0)}</td>
                  <td>{formatNumber(lang, r._count.frameRows, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
