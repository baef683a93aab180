import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { listAudit } from "~/models/audit.server";
import { formatDateTime } from "~/utils/format";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction = () => [{ title: "Nhật ký thao tác — Hài Lòng" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const lang = await getLanguage(request);
  const page = Math.max(0, Number(new URL(request.url).searchParams.get("page")) || 0);
  const entries = await listAudit({ take: PAGE_SIZE + 1, skip: page * PAGE_SIZE });
  return {
    lang,
    page,
    hasMore: entries.length > PAGE_SIZE,
    entries: entries.slice(0, PAGE_SIZE).map((e) => ({
      id: e.id,
      at: formatDateTime(e.at, lang),
      who: e.user?.email ?? "—",
      action: e.action,
      entity: e.entityId ? `${e.entity} ${e.entityId.slice(0, 8)}` : e.entity,
      before: e.before,
      after: e.after,
    })),
  };
}

export default function Audit() {
  const { lang, page, hasMore, entries } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("audit.heading")}</h1>
      <p className="hint">{t("audit.intro")}</p>
      <div className="table-scroll" role="region" aria-label={t("audit.heading")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.entity")}</th>
              <th scope="col">{t("audit.change")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.who}</td>
                <td>{e.action}</td>
                <td>{e.entity}</td>
                <td className="code audit-change">
                  {e.before ? <div>{e.before}</div> : null}
                  {e.after ? <div>→ {e.after}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="actions">
        {page > 0 ? <Link to={`?page=${page - 1}`}>{t("audit.newer")}</Link> : null}
        {hasMore ? <Link to={`?page=${page + 1}`}>{t("audit.older")}</Link> : null}
      </p>
    </>
  );
}
