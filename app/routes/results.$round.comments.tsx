import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator } from "~/i18n";
import { filterQuery, MIN_GROUP_SIZE } from "~/results/filters";
import { loadDashboard } from "~/results/dashboard-loader.server";
import { maskPersonal } from "~/results/mask-personal";
import dashboardCss from "~/results/dashboard.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.round.title} — ý kiến — Hài Lòng` : "Hài Lòng" }];

const COMMENTS_PER_PAGE = 20;

/** The open comments of a round (same filters as the dashboard), masked, 20 a page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, filter, data, view } = await loadDashboard(request, params.round!, { withPrevious: false });
  const names = new Map(data.units.map((u) => [u.code, u.name]));
  // Hidden with the rest of a view that is too small (ADR 011); and in units hidden for a small group.
  const all = view.viewHidden ? [] : view.responses.filter((r) => r.comment && !view.hiddenUnits.has(r.unitCode));
  const pages = Math.max(1, Math.ceil(all.length / COMMENTS_PER_PAGE));
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(requested) ? Math.min(Math.max(1, requested), pages) : 1;
  return {
    lang,
    round: { code: round.code, title: round.title },
    hidden: view.viewHidden ? view.responses.length : null,
    query: filterQuery(filter),
    filter,
    total: all.length,
    page,
    pages,
    comments: all.slice((page - 1) * COMMENTS_PER_PAGE, page * COMMENTS_PER_PAGE).map((r) => ({ id: r.id, unit: names.get(r.unitCode) ?? r.unitCode, text: maskPersonal(r.comment!) })),
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
