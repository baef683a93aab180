import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { localized, translator } from "~/i18n";
import { CloneSchema } from "~/features/instruments/schemas";
import { recordAudit } from "~/models/audit.server";
import { cloneInstrument, listInstrumentVersions } from "~/models/instrument-admin.server";
import { getLanguage } from "~/utils/language.server";
import { useLanguage, useT } from "~/utils/use-language";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction = () => [{ title: "Bộ câu hỏi — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:instruments");
  const versions = await listInstrumentVersions();
  return {
    versions: versions.map((v) => ({
      id: v.id,
      code: v.code,
      version: v.version,
      name: JSON.parse(v.name) as Record<string, string>,
      languages: v.languages.split(",").filter(Boolean),
      frozen: v.frozenAt !== null,
      items: v._count.items,
      rounds: v.rounds.map((r) => r.code),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:instruments");
  const parsed = CloneSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    throw new Response(translator(await getLanguage(request))("instruments.notFound"), { status: 400 });
  const clone = await cloneInstrument(parsed.data.id);
  await recordAudit({
    userId: user.id,
    action: "clone",
    entity: "instrument",
    entityId: clone.id,
    before: { from: parsed.data.id },
    after: clone,
  });
  return redirect(`/admin/instruments/${clone.id}?saved=clone`);
}

/** Every questionnaire version: frozen ones are what past rounds were answered with. */
export default function InstrumentsPage() {
  const { versions } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <>
      <h1>{t("instruments.heading")}</h1>
      <p className="hint">{t("instruments.intro")}</p>
      <div className="table-scroll" role="region" aria-label={t("instruments.versions")} tabIndex={0}>
        <table>
          <caption>{t("instruments.versions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("instruments.code")}</th>
              <th scope="col" className="num">
                {t("instruments.version")}
              </th>
              <th scope="col">{t("instruments.languages")}</th>
              <th scope="col">{t("instruments.state")}</th>
              <th scope="col">{t("instruments.rounds")}</th>
              <th scope="col">{t("instruments.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-instrument={`${v.code}@${v.version}`}>
                <td>
                  <Link to={`/admin/instruments/${v.id}`}>
                    {v.code} v{v.version}
                  </Link>
                  <br />
                  <span className="hint">{localized(v.name, lang)}</span>
                </td>
                <td className="num">{v.version}</td>
                <td>{v.languages.join(", ")}</td>
                <td>{v.frozen ? t("instruments.frozen") : t("instruments.draft")}</td>
                <td>{v.rounds.length ? v.rounds.join(", ") : "—"}</td>
                <td>
                  <ActionButton
                    intent="clone"
                    fields={{ id: v.id }}
                    label={t("instruments.cloneLabel", { code: v.code, version: v.version })}
                  >
                    {t("instruments.clone")}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
