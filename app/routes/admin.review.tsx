import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission, unitScope } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { listRoundsForReview } from "~/models/review.server";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction = () => [{ title: "Kiểm tra phiếu phỏng vấn — Hài Lòng" }];

/**
 * The supervisor's way in (the admin menu links here): a supervisor may not open the
 * round pages (manage:rounds), so this lists the rounds with each one's review and
 * back-check pages, and how many interviews wait in the supervisor's units.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "review:interviews");
  const lang = await getLanguage(request);
  const rounds = await listRoundsForReview(await unitScope(user));
  return {
    lang,
    rounds: rounds.map((r) => ({
      code: r.code,
      title: r.title,
      status: r.status as "draft" | "collecting" | "closed",
      pending: r.pending,
    })),
  };
}

export default function ReviewRounds() {
  const { lang, rounds } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("review.roundsHeading")}</h1>
      <p className="hint">{t("review.roundsIntro")}</p>
      {rounds.length === 0 ? <p className="notice">{t("review.noRounds")}</p> : null}
      <ul className="round-list">
        {rounds.map((r) => (
          <li key={r.code} className="card">
            <h2>{r.title}</h2>
            <p>
              <span className="badge">{t(`status.${r.status}`)}</span>{" "}
              <span data-testid="round-pending">{t("review.roundPending", { n: r.pending })}</span>
            </p>
            <ul className="unit-list">
              <li>
                <Link to={`/admin/rounds/${r.code}/review`}>{t("review.heading")}</Link>
              </li>
              <li>
                <Link to={`/admin/rounds/${r.code}/backchecks`}>{t("backcheck.heading")}</Link>
              </li>
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
