import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { auditView, createUser, isEmailTaken, listAssignableUnits, listUsers } from "~/models/user.server";
import { UserScopeFields } from "~/features/users/user-fields";
import { buildCreateUserSchema } from "~/features/users/user-schema";
import { getLanguage } from "~/utils/language.server";
import { InputField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Người dùng — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:users");
  const [users, units] = await Promise.all([listUsers(), listAssignableUnits()]);
  return {
    lang: await getLanguage(request),
    units,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      disabled: !!u.disabledAt,
      units: u.units.map((x) => x.unit.name),
      sessions: u._count.sessions,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:users");
  const t = translator(await getLanguage(request));
  const schema = buildCreateUserSchema(t).superRefine(async (value, ctx) => {
    if (await isEmailTaken(value.email)) {
      ctx.addIssue({ path: ["email"], code: "custom", message: t("users.emailTaken") });
    }
  });
  const submission = await parseWithZod(await request.formData(), { schema, async: true });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), created: null }, { status: 400 });
  }
  const user = await createUser(submission.value);
  await recordAudit({
    userId: admin.id,
    action: "create",
    entity: "user",
    entityId: user.id,
    after: auditView(user, submission.value.units),
  });
  return { result: submission.reply({ resetForm: true }), created: user.email };
}

export default function Users() {
  const { lang, users, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildCreateUserSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    defaultValue: { role: "enumerator" },
  });
  return (
    <>
      <h1>{t("users.heading")}</h1>
      <p className="hint">{t("users.intro")}</p>
      {actionData?.created ? <p role="status">{t("users.created", { email: actionData.created })}</p> : null}
      <div className="table-scroll" role="region" aria-label={t("users.heading")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.units")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col" className="num">
                {t("users.sessions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={u.id} aria-label={`${t("users.edit")} ${u.email}`}>
                    {u.email}
                  </Link>
                </th>
                <td>{u.name}</td>
                <td>{t(`role.${u.role as "admin"}`)}</td>
                <td>{u.units.join(", ")}</td>
                <td>{u.disabled ? t("users.locked") : t("users.active")}</td>
                <td className="num">{u.sessions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">{t("users.newHeading")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <InputField field={fields.email} type="email" label={t("users.email")} autoComplete="off" />
          <InputField field={fields.name} label={t("users.name")} autoComplete="off" />
          <InputField field={fields.password} type="password" label={t("users.password")} autoComplete="new-password" />
          <UserScopeFields
            t={t}
            role={fields.role}
            units={fields.units}
            limitedToUnits={fields.limitedToUnits}
            options={units}
          />
          <button type="submit" className="button primary">
            {t("users.create")}
          </button>
        </Form>
      </section>
    </>
  );
}
