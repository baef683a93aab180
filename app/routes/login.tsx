import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { InputField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";
import { buildLoginSchema, safeRedirect } from "~/features/auth/login-schema";
import { verifyLogin } from "~/features/auth/login.server";
import { createSession, getUser } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getLanguage } from "~/utils/language.server";
import { formatDateTime } from "~/utils/format";
import { limitLogin } from "~/features/security/limit.server";

export const meta: MetaFunction = () => [{ title: "Đăng nhập — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  return { lang: await getLanguage(request), redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = await getLanguage(request);
  const t = translator(lang);
  const submission = parseWithZod(await request.formData(), { schema: buildLoginSchema(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), authError: null }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  await limitLogin(request, context, email);
  const result = await verifyLogin(email, password);
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? t("auth.locked", { time: formatDateTime(result.lockedUntil!, lang) })
        : t("auth.invalid");
    // The refusal is not a field error of the form: kept apart from conform's state, so the
    // next submit is validated afresh (a form-level error left in conform blocked it).
    return data({ result: submission.reply({ hideFields: ["password"] }), authError: message }, { status: 400 });
  }
  const cookie = await createSession(result.userId, request);
  await recordAudit({ userId: result.userId, action: "sign-in", entity: "session" });
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { lang, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildLoginSchema(t);
  const [form, fields] = useSchemaForm(schema, { lastResult: actionData?.result, shouldValidate: "onBlur" });
  return (
    <section className="card narrow">
      <h1>{t("auth.signInHeading")}</h1>
      <p className="hint">{t("auth.signInIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        {actionData?.authError ? (
          <p className="error-summary" role="alert">
            {actionData.authError}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField field={fields.email} type="email" label={t("auth.email")} autoComplete="username" />
        <InputField
          field={fields.password}
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
        />
        <button type="submit" className="button primary">
          {t("auth.signIn")}
        </button>
      </Form>
    </section>
  );
}
