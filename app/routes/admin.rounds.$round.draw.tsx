import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { roleCan } from "~/domain/auth/permissions";
import { translator } from "~/i18n";
import {
  DrawError,
  getDrawnRows,
  getFrameFingerprint,
  getLatestDraw,
  getResponseRates,
  OutcomeError,
  recordOutcome,
  runDraw,
} from "~/models/draw.server";
import { countFrameByUnit } from "~/models/frame.server";
import { getRoundStrata } from "~/models/round.server";
import { buildDrawSchema, buildOutcomeSchema, DEFAULT_RESERVE_PERCENT } from "~/features/sampling/draw-forms";
import { DrawUnitView } from "~/features/sampling/draw-unit-view";
import { formatDateTime } from "~/utils/format";
import { InputField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";
import { requireRoundSetupPage } from "~/features/rounds/require-round.server";

export const meta: MetaFunction = () => [{ title: "Chọn mẫu — Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, lang, round } = await requireRoundSetupPage(request, params, "manage:frames");
  const [strata, frame, draw, fingerprint, rows, rates] = await Promise.all([
    getRoundStrata(round.id),
    countFrameByUnit(round.id),
    getLatestDraw(round.id),
    getFrameFingerprint(round.id),
    getDrawnRows(round.id),
    getResponseRates(round.id),
  ]);
  // Contacts only for roles allowed to see them (admins; enumerators later, for their units).
  const contacts = roleCan(user.role, "read:frame-contacts");
  return {
    lang,
    round: { code: round.code, title: round.title },
    draw: draw && {
      seed: draw.seed,
      fingerprint: draw.fingerprint,
      createdAt: draw.createdAt,
      sizes: JSON.parse(draw.sizes) as Record<string, { main: number; reserve: number; frame: number }>,
    },
    frameFingerprint: fingerprint,
    units: strata.map((s) => ({
      code: s.unit.code,
      name: s.unit.name,
      n: s.targetSize,
      frame: frame.get(s.unitId) ?? 0,
      rate: rates.find((r) => r.unitCode === s.unit.code) ?? null,
      rows: rows
        .filter((r) => r.unitId === s.unitId)
        .map((r) => ({ ...r, name: contacts ? r.name : null, phone: contacts ? r.phone : null })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t, round } = await requireRoundSetupPage(request, params, "manage:frames");
  const formData = await request.formData();
  if (formData.get("intent") === "outcome") {
    const submission = parseWithZod(formData, { schema: buildOutcomeSchema(t) });
    if (submission.status !== "success")
      return data({ result: submission.reply(), error: t("draw.errOutcome") }, { status: 400 });
    try {
      await recordOutcome({
        roundId: round.id,
        rowId: submission.value.rowId,
        outcome: submission.value.outcome,
        note: submission.value.note ?? "",
        userId: user.id,
      });
    } catch (error) {
      if (error instanceof OutcomeError)
        return data({ result: null, error: t(`draw.err.${error.reason}`) }, { status: 409 });
      throw error;
    }
    return redirect(`/admin/rounds/${round.code}/draw`);
  }
  const submission = parseWithZod(formData, { schema: buildDrawSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  try {
    await runDraw({
      roundId: round.id,
      seed: submission.value.seed ?? "",
      reservePercent: submission.value.reservePercent,
      userId: user.id,
    });
  } catch (error) {
    if (error instanceof DrawError)
      return data({ result: submission.reply(), error: t(`draw.err.${error.reason}`) }, { status: 409 });
    throw error;
  }
  return redirect(`/admin/rounds/${round.code}/draw`);
}

export default function DrawPage() {
  const { lang, round, draw, frameFingerprint, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildDrawSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: "draw",
    lastResult: actionData?.result ?? undefined,
    defaultValue: { reservePercent: String(DEFAULT_RESERVE_PERCENT) },
    shouldValidate: "onBlur",
  });
  const stale = draw && frameFingerprint !== draw.fingerprint;
  return (
    <section className="card">
      <p>
        <Link to={`/admin/rounds/${round.code}`}>{round.title}</Link>
      </p>
      <h1>{t("admin.draw")}</h1>
      <p className="hint">{t("draw.intro")}</p>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {draw ? (
        <dl className="legend-list" data-testid="draw-record">
          <div>
            <dt>{t("draw.seed")}</dt>
            <dd className="code" data-testid="draw-seed">
              {draw.seed}
            </dd>
          </div>
          <div>
            <dt>{t("draw.fingerprint")}</dt>
            <dd className="code">{draw.fingerprint}</dd>
          </div>
          <div>
            <dt>{t("draw.at")}</dt>
            <dd>{formatDateTime(draw.createdAt, lang)}</dd>
          </div>
        </dl>
      ) : null}
      {stale ? (
        <p className="notice" role="status">
          {t("draw.stale")}
        </p>
      ) : null}
      {!frameFingerprint ? <p className="notice">{t("draw.noFrame")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="draw" />
        <InputField field={fields.seed} label={t("draw.seedField")} hint={t("draw.seedHint")} autoComplete="off" />
        <InputField field={fields.reservePercent} type="number" label={t("draw.reservePercent")} />
        <button type="submit" className="button primary" disabled={!frameFingerprint}>
          {draw ? t("draw.redraw") : t("draw.run")}
        </button>
      </Form>
      {units.map((u) => (
        <DrawUnitView key={u.code} unit={u} lang={lang} />
      ))}
    </section>
  );
}
