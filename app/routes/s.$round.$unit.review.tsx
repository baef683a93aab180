import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StepProgress } from "~/components/step-progress";
import { isUiLanguage, localized, translator } from "~/i18n";
import type { SectionDefinition } from "~/domain/instruments/instrument-definition";
import { getAnswerRows, submitResponse } from "~/models/response.server";
import { incompleteSections, type AnswerRow } from "~/domain/survey/answers";
import { requireInProgressResponse, requireSurveyContext } from "~/features/survey/context.server";
import { stepCodes } from "~/domain/survey/steps";
import { getLanguage } from "~/utils/language.server";
import { getResponse } from "~/models/response.server";
import { getSurveyResponseId } from "~/features/survey/survey-cookie.server";
import { limitSurvey } from "~/features/security/limit.server";

export const meta: MetaFunction = () => [{ title: "Xem lại — Hài Lòng" }];

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const uiLang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, uiLang);
  const response = await requireInProgressResponse(request, params.round!, params.unit!, context);
  const rows = await getAnswerRows(response.id);
  const lang = isUiLanguage(response.language) ? response.language : uiLang;
  const t = translator(lang);
  const codes = stepCodes(context.instrument);
  return {
    lang,
    unitName: context.unit.name,
    stepTotal: codes.length,
    sections: context.instrument.sections.map((section) => ({
      code: section.code,
      title: localized(section.title, response.language),
      answers: section.items.map((item) => ({
        code: item.code,
        text: localized(item.text, response.language),
        answer: describeAnswer(section, item.code, rows, response.language, t),
      })),
    })),
  };
}

/** An answer as the person would read it back: the label they chose, not a code. */
function describeAnswer(
  section: SectionDefinition,
  itemCode: string,
  rows: AnswerRow[],
  lang: string,
  t: ReturnType<typeof translator>,
) {
  const item = section.items.find((i) => i.code === itemCode)!;
  const mine = rows.filter((r) => r.itemCode === itemCode);
  if (mine.length === 0) return null;
  if (item.kind === "likert") return t(`scale.${mine[0].value}` as "scale.1");
  if (item.kind === "text") return mine[0].text;
  return mine.map((r) => localized(item.options?.find((o) => o.code === r.choice)?.label, lang) || r.choice).join("; ");
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  await limitSurvey(request, loadContext);
  const uiLang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, uiLang);
  const base = `/s/${params.round}/${params.unit}`;
  // A second tap on "send" arrives after the first has submitted: it is not an error,
  // it ends on the same thank-you page.
  const id = await getSurveyResponseId(request, params.round!, params.unit!);
  const existing = id ? await getResponse(id) : null;
  if (existing?.status === "submitted" && existing.roundId === context.round.id) return redirect(`${base}/done`);

  const response = await requireInProgressResponse(request, params.round!, params.unit!, context);
  const lang = isUiLanguage(response.language) ? response.language : uiLang;
  const missing = incompleteSections(context.instrument.sections, await getAnswerRows(response.id));
  if (missing.length > 0) {
    const titles = context.instrument.sections
      .filter((s) => missing.includes(s.code))
      .map((s) => localized(s.title, response.language));
    return data(
      { error: translator(lang)("survey.incomplete", { sections: titles.join(", ") }), missing },
      { status: 400 },
    );
  }
  await submitResponse(response.id, context.round.instrumentId);
  return redirect(`${base}/done`);
}

export default function SurveyReview() {
  const { lang, unitName, sections, stepTotal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  return (
    <section className="card">
      <StepProgress
        current={stepTotal}
        total={stepTotal}
        label={t("survey.stepOf", { n: stepTotal, total: stepTotal })}
      />
      <p className="eyebrow">{unitName}</p>
      <h1>{t("survey.review")}</h1>
      <p>{t("survey.reviewIntro")}</p>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {sections.map((section) => (
        <section key={section.code} className="review-section" aria-labelledby={`review-${section.code}`}>
          <h2 id={`review-${section.code}`}>{section.title}</h2>
          <dl>
            {section.answers.map((a) => (
              <div key={a.code} className="review-item">
                <dt>{a.text}</dt>
                <dd className={a.answer ? undefined : "missing"}>{a.answer ?? t("survey.notAnswered")}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to={`../${section.code}`} relative="path">
              {t("survey.edit", { section: section.title })}
            </Link>
          </p>
        </section>
      ))}
      <Form method="post">
        <button type="submit" className="button primary">
          {t("survey.submit")}
        </button>
      </Form>
    </section>
  );
}
