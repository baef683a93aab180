import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ADMIN_ROUTES } from "~/features/auth/admin-routes";
import { roleCan } from "~/domain/auth/permissions";
import { requireUser } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction = () => [{ title: "Quản trị — Hài Lòng" }];

/** The staff home: who is signed in and what they can do. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await getLanguage(request);
  const tasks = ADMIN_ROUTES.filter((r) => r.inMenu && (r.permission === null || roleCan(user.role, r.permission)));
  return {
    lang,
    user: { name: user.name, role: user.role },
    tasks: tasks.map((r) => ({ path: r.path, label: r.label })),
  };
}

export default function AdminHome() {
  const { lang, user, tasks } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("admin.heading")}</h1>
      <p>{t("auth.signedInAs", { name: user.name, role: t(`role.${user.role}`) })}</p>
      <p className="hint">{t("admin.intro")}</p>
      <ul className="unit-list">
        {tasks.map((task) => (
          <li key={task.path}>
            <Link to={task.path}>{t(task.label)}</Link>
          </li>
        ))}
        <li>
          <Link to="/account">{t("auth.account")}</Link>
        </li>
      </ul>
    </>
  );
}
