import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { buildResolveSchema } from "~/features/paper/paper-schema";
import { requireRoundPage } from "~/features/rounds/require-round.server";
import { translator } from "~/i18n";
import { getInstrument } from "~/models/instrument.server";
import { getMismatchCases, resolveMismatch } from "~/models/paper-entry.server";
import type { Params } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Khác nhau giữa hai lần nhập — Hài Lòng" }];

async function loadContext(request: Request, params: Params) {
  const { user, lang, round, scope } = await requireRoundPage(request, params, "enter:paper");
  const instrument = await getInstrument(round.instrumentId);
  return { user, lang, round, instrument, scope };
}

/** Double-keyed paper forms of the user's units, with the items where the keyings differ. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, instrument, scope } = await loadContext(request, params);
  const cases = await getMismatchCases(round.id, scope, instrument);
  return { lang, round: { code: round.code, title: round.title }, cases };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, lang, round, instrument, scope } = await loadContext(request, params);
  const t = translator(lang);
  const submission = parseWithZod(await request.formData(), { schema: buildResolveSchema(t) });
  const ok =
    submission.status === "success" &&
    (await resolveMismatch({ ...submission.value, instrument, scope, actorId: user.id }));
  if (!ok) return data({ error: t("fieldwork.mis.notResolved") }, { status: 400 });
  return redirect(`/admin/rounds/${round.code}/paper/mismatches`);
}

export default function PaperMismatches() {
  const { lang, round, cases } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const show = (value: string) => (value === "" ? t("fieldwork.mis.blank") : value);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("fieldwork.mis.heading")}</h1>
      <p className="hint">{t("fieldwork.mis.intro")}</p>
      <p>
        <Link to={`/admin/rounds/${round.code}/paper`}>{t("fieldwork.mis.back")}</Link>
      </p>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {cases.length === 0 ? <p className="notice">{t("fieldwork.mis.none")}</p> : null}
      {cases.map((c) => (
        <TableRegion key={c.firstId} label={t("fieldwork.mis.case", { receipt: c.receipt, unit: c.unitName })}>
          <table>
            <caption>{t("fieldwork.mis.case", { receipt: c.receipt, unit: c.unitName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fieldwork.mis.item")}</th>
                <th scope="col">{t("fieldwork.mis.first")}</th>
                <th scope="col">{t("fieldwork.mis.second")}</th>
                <th scope="col">{t("fieldwork.mis.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {c.mismatches.map((m) => (
                <tr key={m.itemCode} data-item={m.itemCode}>
                  <th scope="row">{m.itemCode}</th>
                  <td>{show(m.first)}</td>
                  <td>{show(m.second)}</td>
                  <td>
                    {m.resolved !== null ? (
                      t("fieldwork.mis.resolved", { value: show(m.resolved) })
                    ) : (
                      <Form method="post" className="actions">
                        <input type="hidden" name="firstId" value={c.firstId} />
                        <input type="hidden" name="itemCode" value={m.itemCode} />
                        {[...new Set([m.first, m.second])].map((value) => (
                          <button
                            key={value}
                            type="submit"
                            name="value"
                            value={value}
                            className="button secondary"
                            aria-label={t("fieldwork.mis.takeLabel", { item: m.itemCode, value: show(value) })}
                          >
                            {t("fieldwork.mis.take", { value: show(value) })}
                          </button>
                        ))}
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ))}
    </>
  );
}
