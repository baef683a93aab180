import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { roleCan } from "~/domain/auth/permissions";
import { TableRegion } from "~/components/table-region";
import { BACK_CHECK_RESULTS, buildDrawSchema, buildResultSchema } from "~/domain/backchecks/backcheck-schema";
import { requireRoundPage } from "~/features/rounds/require-round.server";
import { translator, type Translate } from "~/i18n";
import {
  drawRoundBackChecks,
  getBackCheckContacts,
  listBackChecks,
  recordBackCheckResult,
  summarizeBackChecks,
} from "~/models/backcheck.server";
import { formatDate } from "~/utils/format";
import { InputField, SelectField, TextareaField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Phúc tra — Hài Lòng" }];

/**
 * Back-checks (phúc tra): draw a seeded share of each enumerator's interviews, call the
 * respondents back, record the result. Contacts are shown only to staff with
 * `read:frame-contacts`; a supervisor sees only their own units.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, lang, t, round, scope } = await requireRoundPage(request, params, "review:interviews");
  const checks = await listBackChecks(round.id, scope);
  const mayContact = roleCan(user.role, "read:frame-contacts");
  const contacts = mayContact
    ? await getBackCheckContacts(checks.flatMap((c) => (c.response.frameRowId ? [c.response.frameRowId] : [])))
    : new Map();
  const url = new URL(request.url);
  const contactOf = (frameRowId: string | null) => {
    if (!mayContact) return t("backcheck.contactHidden");
    if (!frameRowId) return round.status === "closed" ? t("backcheck.contactCut") : t("backcheck.walkIn");
    const c = contacts.get(frameRowId);
    return c ? [c.name, c.phone].filter(Boolean).join(" — ") || t("backcheck.walkIn") : t("backcheck.walkIn");
  };
  return {
    lang,
    round: { code: round.code, title: round.title, sharePercent: Math.round(round.backCheckShare * 1000) / 10 },
    summary: summarizeBackChecks(checks),
    checks: checks.map((c) => ({
      id: c.id,
      responseId: c.response.id,
      receipt: c.response.receiptCode ?? c.response.id.slice(0, 8),
      unit: c.response.unit.name,
      enumerator: c.response.recordedBy?.name ?? t("review.noEnumerator"),
      date: formatDate(c.response.startedAt, lang),
      contact: contactOf(c.response.frameRowId),
      seed: c.seed,
      result: c.result as (typeof BACK_CHECK_RESULTS)[number] | null,
      note: c.note,
      rejected: c.response.reviewStatus === "rejected",
    })),
    drawn: url.searchParams.get("drawn"),
    seed: url.searchParams.get("seed"),
    saved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t, round, scope } = await requireRoundPage(request, params, "review:interviews");
  const formData = await request.formData();
  const base = `/admin/rounds/${round.code}/backchecks`;
  if (formData.get("intent") === "draw") {
    const submission = parseWithZod(formData, { schema: buildDrawSchema(t) });
    if (submission.status !== "success")
      return data({ form: "draw", result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
    const { count, seed } = await drawRoundBackChecks({
      roundId: round.id,
      scope,
      share: submission.value.sharePercent / 100,
      seed: submission.value.seed,
      actorId: user.id,
    });
    return redirect(`${base}?${new URLSearchParams({ drawn: String(count), seed })}`);
  }
  const submission = parseWithZod(formData, { schema: buildResultSchema(t) });
  if (submission.status !== "success") {
    return data(
      {
        form: `result-${String(formData.get("backCheckId"))}`,
        result: submission.reply() as SubmissionResult<string[]>,
      },
      { status: 400 },
    );
  }
  const { backCheckId, result, note } = submission.value;
  const ok = await recordBackCheckResult({
    roundId: round.id,
    backCheckId,
    scope,
    result,
    note: note || null,
    actorId: user.id,
  });
  if (!ok) throw new Response(t("review.notFound"), { status: 404 });
  return redirect(`${base}?saved=1#bc-${backCheckId}`);
}

function DrawForm({ sharePercent, t }: { sharePercent: number; t: Translate }) {
  const actionData = useActionData<typeof action>();
  const schema = buildDrawSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: "draw",
    lastResult: actionData?.form === "draw" ? actionData.result : undefined,
    defaultValue: { sharePercent: String(sharePercent) },
  });
  return (
    <Form method="post" className="card" {...getFormProps(form)} aria-labelledby="draw-heading">
      <h2 id="draw-heading">{t("backcheck.drawHeading")}</h2>
      <input type="hidden" name="intent" value="draw" />
      <InputField
        field={fields.sharePercent}
        type="number"
        label={t("backcheck.share")}
        hint={t("backcheck.shareHint")}
        hintAbove
        step="any"
        inputMode="decimal"
      />
      <InputField
        field={fields.seed}
        label={t("backcheck.seed")}
        hint={t("backcheck.seedHint")}
        hintAbove
        autoComplete="off"
      />
      <button type="submit" className="button primary">
        {t("backcheck.draw")}
      </button>
    </Form>
  );
}

function ResultForm({
  id,
  receipt,
  result,
  note,
  t,
}: {
  id: string;
  receipt: string;
  result: string | null;
  note: string | null;
  t: Translate;
}) {
  const actionData = useActionData<typeof action>();
  const schema = buildResultSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: `result-${id}`,
    lastResult: actionData?.form === `result-${id}` ? actionData.result : undefined,
    defaultValue: { result: result ?? "", note: note ?? "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={t("backcheck.recordFor", { receipt })}>
      <input type="hidden" name="intent" value="result" />
      <input type="hidden" name="backCheckId" value={id} />
      <SelectField
        field={fields.result}
        label={t("backcheck.result")}
        placeholder={t("fieldwork.choose")}
        options={BACK_CHECK_RESULTS.map((r) => ({ value: r, label: t(`backcheck.result.${r}`) }))}
      />
      <TextareaField field={fields.note} label={t("backcheck.note")} rows={2} />
      <button type="submit" className="button secondary">
        {t("backcheck.save")}
      </button>
    </Form>
  );
}

export default function BackChecks() {
  const { lang, round, summary, checks, drawn, seed, saved } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("backcheck.heading")}</h1>
      <p className="hint">{t("backcheck.intro")}</p>
      <p>
        <Link to={`/admin/rounds/${round.code}/review`}>{t("review.heading")}</Link>
      </p>
      {drawn !== null ? (
        <p className="notice" role="status">
          {drawn === "0" ? t("backcheck.nothing") : t("backcheck.drawn", { n: drawn, seed: seed ?? "" })}
        </p>
      ) : null}
      {saved ? (
        <p className="notice" role="status">
          {t("backcheck.saved")}
        </p>
      ) : null}
      <DrawForm sharePercent={round.sharePercent} t={t} />

      <TableRegion label={t("backcheck.summary")}>
        <table>
          <caption>{t("backcheck.summary")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("review.enumerator")}</th>
              <th scope="col" className="num">
                {t("backcheck.col.drawn")}
              </th>
              <th scope="col" className="num">
                {t("backcheck.col.checked")}
              </th>
              <th scope="col" className="num">
                {t("backcheck.col.mismatches")}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("backcheck.none")}</td>
              </tr>
            ) : null}
            {summary.map((row) => (
              <tr key={row.enumeratorId} data-enumerator={row.name}>
                <th scope="row">{row.name}</th>
                <td className="num" data-testid="bc-drawn">
                  {row.drawn}
                </td>
                <td className="num" data-testid="bc-checked">
                  {row.checked}
                </td>
                <td className="num" data-testid="bc-mismatches">
                  {row.mismatches}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t("backcheck.list")}</h2>
      <ul className="round-list">
        {checks.map((c) => (
          <li key={c.id} id={`bc-${c.id}`} className="card" data-backcheck={c.receipt}>
            <h3 className="code">{c.receipt}</h3>
            <dl className="legend-list">
              <div>
                <dt>{t("review.unit")}</dt>
                <dd>{c.unit}</dd>
              </div>
              <div>
                <dt>{t("review.enumerator")}</dt>
                <dd>{c.enumerator}</dd>
              </div>
              <div>
                <dt>{t("backcheck.interviewed")}</dt>
                <dd>{c.date}</dd>
              </div>
              <div>
                <dt>{t("backcheck.contact")}</dt>
                <dd data-testid="bc-contact">{c.contact}</dd>
              </div>
              <div>
                <dt>{t("backcheck.result")}</dt>
                <dd data-testid="bc-result">
                  {c.result ? t(`backcheck.result.${c.result}`) : t("backcheck.notChecked")}
                </dd>
              </div>
            </dl>
            <p className="hint">{t("backcheck.seedShown", { seed: c.seed })}</p>
            {c.result === "mismatch" && !c.rejected ? (
              <p>
                <Link to={`/admin/rounds/${round.code}/review/${c.responseId}`}>
                  {t("backcheck.suggestReject", { receipt: c.receipt })}
                </Link>
              </p>
            ) : null}
            <ResultForm id={c.id} receipt={c.receipt} result={c.result} note={c.note} t={t} />
          </li>
        ))}
      </ul>
    </>
  );
}
