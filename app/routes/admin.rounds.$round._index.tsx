import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { plannedMargins } from "../../analysis";
import { translator } from "~/i18n";
import { countFrameByUnit } from "~/models/frame.server";
import { changeRoundStatus, StatusChangeError } from "~/models/round-admin.server";
import { NEXT_STATUS, ROUND_STATUSES, type RoundStatus } from "~/domain/rounds/round-status";
import { getRoundStrata } from "~/models/round.server";
import { AllocationTable } from "~/features/rounds/allocation-table";
import { formatDate } from "~/utils/format";
import { requireRoundSetupPage } from "~/features/rounds/require-round.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — Hài Lòng` : "Hài Lòng" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round } = await requireRoundSetupPage(request, params, "manage:rounds");
  const [strata, frame] = await Promise.all([getRoundStrata(round.id), countFrameByUnit(round.id)]);
  const plan = strata.map((s) => ({ code: s.unit.code, n: s.targetSize, population: s.population }));
  const margins = plan.some((p) => p.n > 0) ? plannedMargins(plan) : null;
  return {
    lang,
    round: {
      code: round.code,
      title: round.title,
      status: round.status as RoundStatus,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      planReference: round.planReference,
      planDate: round.planDate,
      allocationRule: round.allocationRule,
      allocationMinimum: round.allocationMinimum,
      instrument: `${round.instrument.code} v${round.instrument.version}`,
    },
    allocation: {
      rows: strata.map((s, h) => ({
        code: s.unit.code,
        name: s.unit.name,
        population: s.population,
        n: s.targetSize,
        margin: margins?.units[h].margin_of_error ?? null,
      })),
      total: plan.reduce((s, p) => s + p.n, 0),
      roundMargin: margins?.round ?? null,
    },
    frameRows: [...frame.values()].reduce((a, b) => a + b, 0),
  };
}

const StatusSchema = z.object({ status: z.enum(ROUND_STATUSES) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, lang, round } = await requireRoundSetupPage(request, params, "manage:rounds");
  const parsed = StatusSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: translator(lang)("rounds.errStatus") }, { status: 400 });
  try {
    await changeRoundStatus(round.code, parsed.data.status, user.id);
  } catch (error) {
    if (error instanceof StatusChangeError)
      return data({ error: translator(lang)("rounds.errStatus") }, { status: 409 });
    throw error;
  }
  return { error: null };
}

export default function RoundPage() {
  const { lang, round, allocation, frameRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const next = NEXT_STATUS[round.status];
  return (
    <section className="card">
      <p>
        <Link to="/admin/rounds">{t("rounds.back")}</Link>
      </p>
      <h1>{round.title}</h1>
      <dl className="legend-list">
        <div>
          <dt>{t("rounds.field.code")}</dt>
          <dd className="code">{round.code}</dd>
        </div>
        <div>
          <dt>{t("rounds.status")}</dt>
          <dd data-testid="round-status">{t(`status.${round.status}`)}</dd>
        </div>
        <div>
          <dt>{t("rounds.period")}</dt>
          <dd>{`${formatDate(round.periodStart, lang)} – ${formatDate(round.periodEnd, lang)}`}</dd>
        </div>
        <div>
          <dt>{t("rounds.field.planReference")}</dt>
          <dd>
            {round.planReference}
            {round.planDate ? `, ${formatDate(round.planDate, lang)}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("rounds.field.instrumentId")}</dt>
          <dd>{round.instrument}</dd>
        </div>
        <div>
          <dt>{t("rounds.rule")}</dt>
          <dd>
            {t(`rounds.rule.${round.allocationRule as "proportional" | "fixed" | "manual"}`)}
            {round.allocationMinimum ? ` (${t("rounds.field.minimum")}: ${round.allocationMinimum})` : ""}
          </dd>
        </div>
      </dl>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {next ? (
        <Form method="post">
          <input type="hidden" name="status" value={next} />
          <button type="submit" className="button secondary">
            {t(`rounds.moveTo.${next}`)}
          </button>
        </Form>
      ) : null}
      <AllocationTable allocation={allocation} lang={lang} caption={t("rounds.strataCaption")} />
      <ul className="unit-list">
        <li>
          <Link to={`/admin/rounds/${round.code}/frame`}>{t("admin.frame")}</Link>{" "}
          <span className="hint">{t("rounds.frameCount", { n: frameRows })}</span>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/draw`}>{t("admin.draw")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/invitations`}>{t("admin.invitations")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/assignments`}>{t("admin.assignments")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/progress`}>{t("admin.progress")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/paper`}>{t("admin.paper")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/report`}>{t("admin.report")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/review`}>{t("review.heading")}</Link>
        </li>
        <li>
          <Link to={`/admin/rounds/${round.code}/backchecks`}>{t("backcheck.heading")}</Link>
        </li>
      </ul>
    </section>
  );
}
