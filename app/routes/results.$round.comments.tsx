import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator } from "~/i18n";
import { listComments } from "~/models/dashboard.server";
import { filterQuery, MIN_GROUP_SIZE } from "~/domain/results/filters";
import { loadDashboard } from "~/features/results/dashboard-loader.server";
import { maskPersonal } from "~/features/results/mask-personal";
import dashboardCss from "~/features/results/dashboard.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — ý kiến — Hài Lòng` : "Hài Lòng" },
];

const COMMENTS_PER_PAGE = 20;

/**
 * The open comments of a round (same filters as the dashboard), masked, 20 a page. The
 * count comes with the view's aggregates; only the page's comments are read.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, instrument, filter, data, view } = await loadDashboard(request, params.round!, {
    withPrevious: false,
  });
  const names = new Map(data.units.map((u) => [u.id, u.name]));
  // Hidden with the rest of a view that is too small (ADR 011); and in units hidden for a small group.
  const shown = view.viewHidden ? [] : view.units.filter((u) => !view.hiddenUnits.has(u.code));
  const total = shown.reduce((sum, u) => sum + (view.commentsPerUnit[u.code] ?? 0), 0);
  const pages = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(requested) ? Math.min(Math.max(1, requested), pages) : 1;
  const comments = total
    ? await listComments(
        round.id,
        instrument,
        { unitIds: shown.map((u) => u.id), filter },
        { offset: (page - 1) * COMMENTS_PER_PAGE, limit: COMMENTS_PER_PAGE },
      )
    : [];
  return {
    lang,
    round: { code: round.code, title: round.title },
    hidden: view.viewHidden ? view.n : null,
    query: filterQuery(filter),
    filter,
    total,
    page,
    pages,
    comments: comments.map((c) => ({ id: c.id, unit: names.get(c.unitId) ?? c.unitId, text: maskPersonal(c.text) })),
  };
}

export default function RoundComments() {
  const { lang, round, hidden, filter, query, total, page, pages, comments } = useLoaderData<typeof loader>();
  const t = translator(lang);
  const base = `/results/${round.code}`;
  const pageLink = (p: number) => `${base}/comments${filterQuery(filter, { page: String(p) })}`;
  return (
    <div className="dashboard">
      <p>
        <Link to={`${base}${query}`}>{t("dash.backToDashboard")}</Link>
      </p>
      <h1>{t("dash.commentsHeading", { round: round.title })}</h1>
      <p className="hint">{t("dash.commentsIntro")}</p>
      {hidden !== null ? (
        <p className="notice" role="status">
          {t("dash.smallGroup", { n: hidden, min: MIN_GROUP_SIZE })}
        </p>
      ) : total === 0 ? (
        <p>{t("dash.commentsNone")}</p>
      ) : (
        <>
          <p>{t("dash.page", { page, pages })}</p>
          <ol className="comment-list" start={(page - 1) * COMMENTS_PER_PAGE + 1}>
            {comments.map((c) => (
              <li key={c.id}>
                <blockquote>{c.text}</blockquote>
                <p className="hint">{c.unit}</p>
              </li>
            ))}
          </ol>
          <nav aria-label={t("dash.pagination")} className="pager">
            {page > 1 ? <Link to={pageLink(page - 1)}>{t("dash.prev")}</Link> : null}
            {page < pages ? <Link to={pageLink(page + 1)}>{t("dash.next")}</Link> : null}
          </nav>
        </>
      )}
    </div>
  );
}
