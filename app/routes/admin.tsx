import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ADMIN_ROUTES } from "~/features/auth/admin-routes";
import { roleCan } from "~/domain/auth/permissions";
import { requireUser } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { getLanguage } from "~/utils/language.server";

/**
 * The staff area's frame: the menu of pages this role may open. It guards nothing by
 * itself (Remix runs loaders in parallel); every admin loader and action checks its own
 * permission.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await getLanguage(request);
  const menu = ADMIN_ROUTES.filter((r) => r.inMenu && (r.permission === null || roleCan(user.role, r.permission)));
  return { lang, menu: menu.map((r) => ({ path: r.path, label: r.label })) };
}

export default function AdminLayout() {
  const { lang, menu } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <div className="admin">
      <nav aria-label={t("admin.heading")} className="admin-menu">
        <ul>
          {menu.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path}>{t(item.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}
