import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Question } from "~/components/question";
import { StepProgress } from "~/components/step-progress";
import { isUiLanguage, localized, translator } from "~/i18n";
import { getAnswerRows, saveSectionAnswers } from "~/models/response.server";
import { answerRowsFromValues, valuesFromAnswerRows } from "~/domain/survey/answers";
import { requireInProgressResponse, requireSurveyContext } from "~/features/survey/context.server";
import { buildStepSchema, type StepValues } from "~/domain/survey/step-schema";
import { findSection, nextStep, previousStep, stepCodes } from "~/domain/survey/steps";
import { getLanguage } from "~/utils/language.server";
import { limitSurvey } from "~/features/security/limit.server";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.sectionTitle} — Hài Lòng` : "Hài Lòng" },
];

async function loadStep(request: Request, params: LoaderFunctionArgs["params"]) {
  const uiLang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, uiLang);
  const response = await requireInProgressResponse(request, params.round!, params.unit!, context);
  const section = findSection(context.instrument, params.step!);
  if (!section) throw new Response(translator(uiLang)("gone.notFoundBody"), { status: 404 });
  // Question texts follow the language the person chose; the interface too when it has it.
  const lang = isUiLanguage(response.language) ? response.language : uiLang;
  return { context, response, section, lang };
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const { context, response, section, lang } = await loadStep(request, params);
  const rows = await getAnswerRows(response.id);
  const codes = stepCodes(context.instrument);
  return {
    section,
    sectionTitle: localized(section.title, response.language),
    values: valuesFromAnswerRows(section, rows),
    stepNumber: codes.indexOf(section.code) + 1,
    stepTotal: codes.length,
    hasPrevious: previousStep(context.instrument, section.code) !== null,
    unitName: context.unit.name,
    questionLang: response.language,
    lang,
  };
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  await limitSurvey(request, loadContext);
  const { context, response, section, lang } = await loadStep(request, params);
  const base = `/s/${params.round}/${params.unit}`;
  const formData = await request.formData();
  const goingBack = formData.get("intent") === "back";
  const submission = parseWithZod(formData, { schema: buildStepSchema(section, translator(lang)) });
  const itemCodes = section.items.map((i) => i.code);

  if (submission.status === "success") {
    const target = goingBack
      ? (previousStep(context.instrument, section.code) ?? section.code)
      : nextStep(context.instrument, section.code);
    await saveSectionAnswers(
      response.id,
      itemCodes,
      answerRowsFromValues(section, submission.value as StepValues),
      goingBack ? section.code : target,
    );
    return redirect(`${base}/${target}`);
  }
  if (goingBack) {
    // Going back never loses what was typed: the answers that are valid are kept, the
    // others stay unanswered, and the bookmark stays on this step.
    const errors = submission.error ?? {};
    const valid = Object.fromEntries(
      Object.entries(submission.payload).filter(([code]) => itemCodes.includes(code) && !errors[code]),
    ) as StepValues;
    await saveSectionAnswers(response.id, itemCodes, answerRowsFromValues(section, valid), section.code);
    return redirect(`${base}/${previousStep(context.instrument, section.code) ?? section.code}`);
  }
  return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
}

function isNoValidate(submitter: HTMLElement | null | undefined): boolean {
  return submitter instanceof HTMLButtonElement && submitter.formNoValidate;
}

export default function SurveyStep() {
  const { section, sectionTitle, values, stepNumber, stepTotal, hasPrevious, unitName, questionLang, lang } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = translator(lang);
  const schema = buildStepSchema(section, t);
  const [form, fields] = useSchemaForm(schema, {
    id: `step-${section.code}`,
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // "Back" (formNoValidate) is not checked: the action keeps whatever is valid.
    skipValidation: (_formData, submitter) => isNoValidate(submitter),
  });
  const errorCount = Object.keys(form.allErrors).length;

  return (
    <section className="card">
      <StepProgress
        current={stepNumber}
        total={stepTotal}
        label={t("survey.stepOf", { n: stepNumber, total: stepTotal })}
      />
      <p className="eyebrow">{unitName}</p>
      <h1>{sectionTitle}</h1>
      {section.intro ? <p>{localized(section.intro, questionLang)}</p> : null}
      {errorCount > 0 ? (
        <p className="error-summary" role="alert" id={`${form.id}-summary`}>
          {t("survey.errorSummary", { n: errorCount })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} key={section.code}>
        {section.items.map((item, index) => (
          <Question
            key={item.code}
            item={item}
            number={index + 1}
            field={fields[item.code as keyof typeof fields]}
            lang={questionLang}
            t={t}
          />
        ))}
        <div className="actions">
          <button type="submit" name="intent" value="next" className="button primary">
            {t("survey.next")}
          </button>
          {hasPrevious ? (
            <button type="submit" name="intent" value="back" formNoValidate className="button secondary">
              {t("survey.back")}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
