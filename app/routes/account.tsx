import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { endSessionsOf, listActiveSessions, requireUser } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { formatDateTime } from "~/utils/format";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction = () => [{ title: "Tài khoản — Hài Lòng" }];

/** A person's own devices, with "sign out everywhere else" for a lost or shared phone. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await getLanguage(request);
  const sessions = await listActiveSessions(user.id);
  return {
    lang,
    user: { name: user.name, email: user.email, role: user.role },
    sessions: sessions.map((s) => ({
      id: s.id.slice(0, 8),
      current: s.id === user.sessionId,
      device: s.device ?? "—",
      lastSeen: formatDateTime(s.lastSeenAt, lang),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ended = await endSessionsOf(user.id, user.sessionId);
  await recordAudit({
    userId: user.id,
    action: "end-other-sessions",
    entity: "user",
    entityId: user.id,
    after: { ended },
  });
  return { ended };
}

export default function Account() {
  const { lang, user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  return (
    <>
      <h1>{t("auth.account")}</h1>
      <p>
        {user.name} · {user.email} · {t(`role.${user.role}`)}
      </p>
      <h2>{t("auth.sessionsHeading")}</h2>
      <p className="hint">{t("auth.sessionsIntro")}</p>
      {actionData ? <p role="status">{t("auth.endedSessions", { n: actionData.ended })}</p> : null}
      <div className="table-scroll" role="region" aria-label={t("auth.sessionsHeading")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("auth.device")}</th>
              <th scope="col">{t("auth.lastSeen")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.device} {s.current ? <strong>({t("auth.thisDevice")})</strong> : null}
                </td>
                <td>{s.lastSeen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post">
        <button type="submit" className="button secondary">
          {t("auth.signOutEverywhere")}
        </button>
      </Form>
    </>
  );
}
