import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { isUiLanguage, translator, type UiLanguage } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import { startResponse, getResponse } from "~/models/response.server";
import { requireSurveyContext, requireValidInvitation } from "~/features/survey/context.server";
import { buildStartSchema } from "~/features/survey/start-schema";
import { getLanguage, serializeLanguageCookie } from "~/utils/language.server";
import { getSurveyResponseId, rememberSurveyResponse } from "~/features/survey/survey-cookie.server";
import { useT } from "~/utils/use-language";
import { limitSurvey } from "~/features/security/limit.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { RadioGroupField } from "~/components/forms";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.unitName} — Hài Lòng` : "Hài Lòng" },
];

/** An invitation must belong to the round and unit of the URL it is used on. */
async function invitationFor(
  token: string | null,
  context: { round: { id: string }; unit: { id: string } },
  lang: UiLanguage,
) {
  if (!token) return null;
  const invitation = await requireValidInvitation(token, lang);
  if (invitation.roundId !== context.round.id || invitation.unitId !== context.unit.id) {
    throw new Response(translator(lang)("gone.tokenUnknown"), { status: 404 });
  }
  return invitation;
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const lang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, lang);
  const base = `/s/${params.round}/${params.unit}`;
  const token = new URL(request.url).searchParams.get("invitation");
  const invitation = await invitationFor(token, context, lang);

  const existingId = invitation
    ? invitation.responseId
    : await getSurveyResponseId(request, params.round!, params.unit!);
  const existing = existingId ? await getResponse(existingId) : null;
  let already: { receipt: string } | null = null;
  if (existing && existing.roundId === context.round.id && existing.unitId === context.unit.id) {
    if (existing.status === "in_progress") {
      const cookie = await rememberSurveyResponse(request, params.round!, params.unit!, existing.id);
      throw redirect(`${base}/${existing.currentStep}`, { headers: { "Set-Cookie": cookie } });
    }
    already = { receipt: existing.receiptCode ?? "" };
  }
  return {
    roundTitle: context.round.title,
    unitName: context.unit.name,
    languages: context.languages,
    newResponseId: randomUUID(),
    token,
    already,
  };
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  await limitSurvey(request, loadContext);
  const lang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, lang);
  const formData = await request.formData();
  const base = `/s/${params.round}/${params.unit}`;

  if (formData.get("intent") === "new") {
    const cookie = await rememberSurveyResponse(request, params.round!, params.unit!, null);
    return redirect(base, { headers: { "Set-Cookie": cookie } });
  }

  const submission = parseWithZod(formData, { schema: buildStartSchema(context.languages, translator(lang)) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { responseId, language, invitation: token } = submission.value;
  const invitation = await invitationFor(token ?? null, context, lang);

  const response = await startResponse({
    id: responseId,
    roundId: context.round.id,
    unitId: context.unit.id,
    language,
    mode: "online",
    firstStep: context.instrument.sections[0].code,
    invitationId: invitation?.id,
  });
  if (!response) throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });

  const headers = new Headers();
  headers.append("Set-Cookie", await rememberSurveyResponse(request, params.round!, params.unit!, response.id));
  if (isUiLanguage(language)) headers.append("Set-Cookie", await serializeLanguageCookie(language));
  const step = response.status === "submitted" ? "done" : response.currentStep;
  return redirect(`${base}/${step}`, { headers });
}

export default function SurveyStart() {
  const { roundTitle, unitName, languages, newResponseId, token, already } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const schema = buildStartSchema(languages, t);
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result, shouldValidate: "onSubmit" });

  if (already) {
    return (
      <section className="card">
        <h1>{t("survey.alreadyHeading")}</h1>
        <p>{t("survey.alreadyBody", { unit: unitName, receipt: already.receipt })}</p>
        <ActionButton intent="new">{t("survey.startNew")}</ActionButton>
      </section>
    );
  }

  return (
    <section className="card">
      <p className="eyebrow">{roundTitle}</p>
      <h1>{t("survey.startHeading")}</h1>
      <p>{t("survey.startIntro", { unit: unitName })}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="responseId" value={newResponseId} />
        {token ? <input type="hidden" name="invitation" value={token} /> : null}
        <RadioGroupField
          field={fields.language}
          legend={t("survey.chooseLanguage")}
          required
          chosen={languages.length === 1 ? languages : ["vi"]}
          options={languages.map((code) => ({ value: code, label: languageName(code), lang: code }))}
        />
        <p className="hint">{t("survey.saved")}</p>
        <button type="submit" className="button primary">
          {t("survey.begin")}
        </button>
      </Form>
    </section>
  );
}
