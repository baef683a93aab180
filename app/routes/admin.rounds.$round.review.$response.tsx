import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { describeDuration, describeFlag, describeStoredAnswer } from "~/features/review/review-display";
import { AcceptSchema, buildRejectSchema, type ReviewStatus } from "~/domain/review/review-schema";
import { requireRoundPage } from "~/features/rounds/require-round.server";
import { localized, translator } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import { getInstrument } from "~/models/instrument.server";
import { decideInterview, getInterviewForReview } from "~/models/review.server";
import { formatDateTime } from "~/utils/format";
import { useSchemaForm } from "~/components/use-schema-form";
import { TextareaField } from "~/components/forms";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction = () => [{ title: "Kiểm tra phiếu — Hài Lòng" }];

/** The list's filters ride along in the query string, so "back" returns to the same view. */
function listQuery(url: URL): string {
  const keep = new URLSearchParams([...url.searchParams.entries()].filter(([k]) => k !== "done"));
  return keep.toString() ? `?${keep}` : "";
}

async function loadInterview(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, lang, round, scope } = await requireRoundPage(request, params, "review:interviews");
  const interview = await getInterviewForReview(round.id, params.response ?? "", scope);
  if (!interview) throw new Response(translator(lang)("review.notFound"), { status: 404 });
  return { user, lang, round, scope, interview };
}

/**
 * One interview: facts, flags, the answers with the instrument's question texts (never the
 * respondent's name or phone: those stay in the frame), and the decision forms.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, interview } = await loadInterview(request, params);
  const t = translator(lang);
  const instrument = await getInstrument(round.instrumentId);
  const url = new URL(request.url);
  return {
    lang,
    round: { code: round.code, title: round.title },
    back: `/admin/rounds/${round.code}/review${listQuery(url)}`,
    done: url.searchParams.get("done"),
    interview: {
      receipt: interview.receiptCode ?? interview.id.slice(0, 8),
      unit: interview.unit.name,
      enumerator: interview.recordedBy?.name ?? t("review.noEnumerator"),
      started: formatDateTime(interview.startedAt, lang),
      ended: interview.submittedAt ? formatDateTime(interview.submittedAt, lang) : "—",
      received: interview.receivedAt ? formatDateTime(interview.receivedAt, lang) : "—",
      duration: describeDuration(interview.startedAt, interview.submittedAt, t),
      language: languageName(interview.language),
      interpreted: interview.interpretedInto ? languageName(interview.interpretedInto) : t("review.notInterpreted"),
      status: interview.reviewStatus as ReviewStatus,
      reason: interview.reviewReason,
      reviewedBy: interview.reviewedBy?.name ?? null,
      reviewedAt: interview.reviewedAt ? formatDateTime(interview.reviewedAt, lang) : null,
      backCheck: interview.backCheck?.result ?? null,
      backCheckNote: interview.backCheck?.note ?? null,
    },
    flags: interview.flags.map((f) => describeFlag(f, lang, t)),
    sections: instrument.sections.map((section) => ({
      code: section.code,
      title: localized(section.title, lang),
      items: section.items.map((item) => ({
        code: item.code,
        text: localized(item.text, lang),
        answer: describeStoredAnswer(item, interview.answers, lang, t),
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, lang, round, scope, interview } = await loadInterview(request, params);
  const t = translator(lang);
  const formData = await request.formData();
  const url = new URL(request.url);
  const query = listQuery(url);
  const target = (done: string) =>
    `/admin/rounds/${round.code}/review/${interview.id}${query ? `${query}&` : "?"}done=${done}`;
  if (AcceptSchema.safeParse(Object.fromEntries(formData)).success) {
    await decideInterview({
      roundId: round.id,
      responseId: interview.id,
      decision: "accepted",
      reason: null,
      scope,
      actorId: user.id,
    });
    return redirect(target("accepted"));
  }
  const submission = parseWithZod(formData, { schema: buildRejectSchema(t) });
  if (submission.status !== "success")
    return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  await decideInterview({
    roundId: round.id,
    responseId: interview.id,
    decision: "rejected",
    reason: submission.value.reason,
    scope,
    actorId: user.id,
  });
  return redirect(target("rejected"));
}

export default function ReviewInterview() {
  const { lang, round, back, done, interview, flags, sections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildRejectSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    id: "reject",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
  });
  const facts: [string, string][] = [
    [t("review.unit"), interview.unit],
    [t("review.enumerator"), interview.enumerator],
    [t("review.started"), interview.started],
    [t("review.ended"), interview.ended],
    [t("review.col.duration"), interview.duration],
    [t("review.received"), interview.received],
    [t("review.col.language"), interview.language],
    [t("review.col.interpreted"), interview.interpreted],
  ];
  return (
    <>
      <p>
        <Link to={back}>{t("review.back")}</Link>
      </p>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("review.detailHeading", { receipt: interview.receipt })}</h1>
      {done === "accepted" || done === "rejected" ? (
        <p className="notice" role="status">
          {t(`review.done.${done}`)}
        </p>
      ) : null}

      <section className="card" aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t("review.decisionHeading")}</h2>
        <p data-testid="review-status">{t("review.current", { status: t(`review.status.${interview.status}`) })}</p>
        {interview.reviewedBy && interview.reviewedAt ? (
          <p className="hint">{t("review.reviewedBy", { name: interview.reviewedBy, at: interview.reviewedAt })}</p>
        ) : null}
        {interview.status === "rejected" && interview.reason ? (
          <p>{t("review.reasonShown", { reason: interview.reason })}</p>
        ) : null}
        {interview.backCheck ? (
          <p>
            {t("review.backCheckResult", { result: t(`backcheck.result.${interview.backCheck as "confirmed"}`) })}
            {interview.backCheckNote ? ` — ${interview.backCheckNote}` : ""}
          </p>
        ) : null}
        <p className="hint">{t("review.changeHint")}</p>
        {interview.status !== "accepted" ? (
          <ActionButton intent="accept" className="button primary">
            {t("review.accept")}
          </ActionButton>
        ) : null}
        {interview.status !== "rejected" ? (
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="reject" />
            <TextareaField
              field={fields.reason}
              label={t("review.reason")}
              hint={t("review.reasonHint")}
              hintAbove
              rows={3}
            />
            <button type="submit" className="button secondary">
              {t("review.reject")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="flags-heading">
        <h2 id="flags-heading">{t("review.flags")}</h2>
        {flags.length === 0 ? (
          <p>{t("review.noFlags")}</p>
        ) : (
          <ul data-testid="flag-list">
            {flags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("review.facts")}</h2>
        <dl className="legend-list">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <h2>{t("review.answers")}</h2>
      {sections.map((section) => (
        <section key={section.code} className="review-section" aria-labelledby={`sec-${section.code}`}>
          <h3 id={`sec-${section.code}`}>{section.title}</h3>
          <dl>
            {section.items.map((item) => (
              <div key={item.code} className="review-item">
                <dt>
                  <span className="code">{item.code}</span> {item.text}
                </dt>
                <dd>{item.answer ?? t("review.noAnswer")}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
