import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { endSessionsOf, requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { auditView, getUserWithUnits, listAssignableUnits, updateUser } from "~/models/user.server";
import { UserScopeFields } from "~/features/users/user-fields";
import { buildUpdateUserSchema } from "~/features/users/user-schema";
import { getLanguage } from "~/utils/language.server";
import { InputField, CheckboxField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction = () => [{ title: "Sửa tài khoản — Hài Lòng" }];

async function requireTarget(id: string, lang: Awaited<ReturnType<typeof getLanguage>>) {
  const user = await getUserWithUnits(id);
  if (!user) throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:users");
  const lang = await getLanguage(request);
  const user = await requireTarget(params.id!, lang);
  return {
    lang,
    units: await listAssignableUnits(),
    user: {
      email: user.email,
      name: user.name,
      role: user.role,
      limitedToUnits: user.limitedToUnits,
      disabled: !!user.disabledAt,
      units: user.units.map((u) => u.unitId),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:users");
  const lang = await getLanguage(request);
  const t = translator(lang);
  const target = await requireTarget(params.id!, lang);
  const formData = await request.formData();
  const before = auditView(
    target,
    target.units.map((u) => u.unitId),
  );

  if (formData.get("intent") === "end-sessions") {
    const ended = await endSessionsOf(target.id);
    await recordAudit({
      userId: admin.id,
      action: "end-sessions",
      entity: "user",
      entityId: target.id,
      after: { ended },
    });
    return { result: null, message: t("users.endedSessions", { n: ended }) };
  }

  const schema = buildUpdateUserSchema(t).superRefine((value, ctx) => {
    // An admin cannot lock themselves out of administration by mistake.
    if (target.id === admin.id && (value.disabled || value.role !== "admin")) {
      ctx.addIssue({ path: ["role"], code: "custom", message: t("users.cannotLockSelf") });
    }
  });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), message: null }, { status: 400 });
  }
  const updated = await updateUser(target.id, submission.value);
  await recordAudit({
    userId: admin.id,
    action: submission.value.password ? "update-with-password" : "update",
    entity: "user",
    entityId: target.id,
    before,
    after: auditView(updated, submission.value.units),
  });
  return { result: submission.reply(), message: t("users.saved") };
}

export default function EditUser() {
  const { lang, user, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildUpdateUserSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    defaultValue: { ...user, password: undefined },
  });
  return (
    <>
      <p>
        <Link to="/admin/users">{t("users.back")}</Link>
      </p>
      <h1>{t("users.editHeading", { email: user.email })}</h1>
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      <Form method="post" {...getFormProps(form)} className="card">
        <InputField field={fields.name} label={t("users.name")} />
        <InputField
          field={fields.password}
          type="password"
          label={t("users.newPassword")}
          autoComplete="new-password"
        />
        <UserScopeFields
          t={t}
          role={fields.role}
          units={fields.units}
          limitedToUnits={fields.limitedToUnits}
          options={units}
        />
        <CheckboxField field={fields.disabled} label={t("users.disabled")} />
        <div className="actions">
          <button type="submit" className="button primary">
            {t("users.save")}
          </button>
        </div>
      </Form>
      <ActionButton intent="end-sessions">{t("users.endSessions")}</ActionButton>
    </>
  );
}
