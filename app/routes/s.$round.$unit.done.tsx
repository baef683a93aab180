import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isUiLanguage, translator } from "~/i18n";
import { getResponse } from "~/models/response.server";
import { requireSurveyContext } from "~/features/survey/context.server";
import { getLanguage } from "~/utils/language.server";
import { getSurveyResponseId } from "~/features/survey/survey-cookie.server";
import { limitSurvey } from "~/features/security/limit.server";

export const meta: MetaFunction = () => [{ title: "Cảm ơn — Hài Lòng" }];

/** The thank-you page. It reads the receipt from the response the cookie names. */
export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const uiLang = await getLanguage(request);
  const context = await requireSurveyContext(params.round!, params.unit!, uiLang);
  const id = await getSurveyResponseId(request, params.round!, params.unit!);
  const response = id ? await getResponse(id) : null;
  if (!response || response.unitId !== context.unit.id || response.status !== "submitted") {
    throw redirect(`/s/${params.round}/${params.unit}`);
  }
  return {
    lang: isUiLanguage(response.language) ? response.language : uiLang,
    receipt: response.receiptCode ?? "",
  };
}

export default function SurveyDone() {
  const { lang, receipt } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <section className="card thanks">
      <h1>{t("survey.thanksHeading")}</h1>
      <p>{t("survey.thanksBody")}</p>
      <p className="receipt">
        {t("survey.receipt")}: <strong data-testid="receipt">{receipt}</strong>
      </p>
      <p className="hint">{t("survey.receiptHint")}</p>
    </section>
  );
}
