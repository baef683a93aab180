import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { buildAnonymousSchema, buildIssueSchema, MAX_ANONYMOUS } from "~/features/invitations/invitation-schemas";
import { GRACE_DAYS, INVITATION_STATUSES } from "~/domain/invitations/invitation-rules";
import { getScopedUnits, requireRoundPage } from "~/features/rounds/require-round.server";
import { translator, type Translate } from "~/i18n";
import {
  getInvitationCounts,
  issueAnonymousInvitations,
  issueInvitations,
  syncRefusedInvitations,
} from "~/models/invitation-admin.server";
import { InputField, SelectField } from "~/components/forms";
import { useSchemaForm } from "~/components/use-schema-form";

export const meta: MetaFunction = () => [{ title: "Thư mời khảo sát — Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, scope } = await requireRoundPage(request, params, "manage:invitations");
  const units = await getScopedUnits(round.id, scope);
  // A refusal recorded on the frame row shows on its invitation.
  await syncRefusedInvitations(round.id);
  const counts = await getInvitationCounts(round.id, scope);
  const issued = new URL(request.url).searchParams.get("issued");
  return {
    lang,
    round: { code: round.code, title: round.title },
    rows: units.map((u) => ({ ...u, counts: counts.get(u.id) ?? null })),
    issued: issued === null ? null : Number(issued),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t, round, scope } = await requireRoundPage(request, params, "manage:invitations");
  const units = await getScopedUnits(round.id, scope);
  const codes = units.map((u) => u.code);
  const formData = await request.formData();
  const idOf = (code: string) => units.find((u) => u.code === code)!.id;

  if (formData.get("intent") === "anonymous") {
    const submission = parseWithZod(formData, { schema: buildAnonymousSchema(codes, t) });
    if (submission.status !== "success")
      return data({ form: "anonymous", result: submission.reply() as SubmissionResult }, { status: 400 });
    const n = await issueAnonymousInvitations({
      roundId: round.id,
      unitId: idOf(submission.value.unit),
      count: submission.value.count,
      userId: user.id,
    });
    return redirect(`/admin/rounds/${round.code}/invitations?issued=${n}`);
  }
  const submission = parseWithZod(formData, { schema: buildIssueSchema(codes, t) });
  if (submission.status !== "success")
    return data({ form: "issue", result: submission.reply() as SubmissionResult }, { status: 400 });
  const unitIds = submission.value.unit === "all" ? units.map((u) => u.id) : [idOf(submission.value.unit)];
  const n = await issueInvitations({ roundId: round.id, unitIds, userId: user.id });
  return redirect(`/admin/rounds/${round.code}/invitations?issued=${n}`);
}

export default function Invitations() {
  const { lang, round, rows, issued } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("fieldwork.inv.heading")}</h1>
      <p className="hint">{t("fieldwork.inv.intro", { days: GRACE_DAYS })}</p>
      {issued !== null ? (
        <p className="notice" role="status">
          {t("fieldwork.inv.issued", { n: issued })}
        </p>
      ) : null}
      <CountsTable rows={rows} roundCode={round.code} t={t} />
      <p>
        <a href={`/admin/rounds/${round.code}/invitations/sms.csv`} download>
          {t("fieldwork.inv.sms")}
        </a>
        <br />
        <span className="hint">{t("fieldwork.inv.smsHint")}</span>
      </p>
      <IssueForms units={rows} t={t} />
    </>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function CountsTable({ rows, roundCode, t }: { rows: Row[]; roundCode: string; t: Translate }) {
  const total = (key: keyof NonNullable<Row["counts"]>) => rows.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0);
  const keys = ["drawn", "notIssued", ...INVITATION_STATUSES] as const;
  const label = (key: (typeof keys)[number]) =>
    key === "drawn"
      ? t("fieldwork.inv.drawn")
      : key === "notIssued"
        ? t("fieldwork.inv.notIssued")
        : t(`fieldwork.inv.status.${key}`);
  return (
    <TableRegion label={t("fieldwork.inv.caption")}>
      <table>
        <caption>{t("fieldwork.inv.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fieldwork.unit")}</th>
            {keys.map((key) => (
              <th key={key} scope="col" className="num">
                {label(key)}
              </th>
            ))}
            <th scope="col">{t("fieldwork.inv.slips")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-unit={row.code}>
              <th scope="row">{row.name}</th>
              {keys.map((key) => (
                <td key={key} className="num" data-testid={`count-${key}`}>
                  {row.counts?.[key] ?? 0}
                </td>
              ))}
              <td>
                <Link
                  to={`/admin/rounds/${roundCode}/invitations/slips?unit=${row.code}`}
                  aria-label={`${t("fieldwork.inv.printSlips")}: ${row.name}`}
                >
                  {t("fieldwork.inv.printSlips")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("fieldwork.total")}</th>
            {keys.map((key) => (
              <td key={key} className="num strong">
                {total(key)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

function IssueForms({ units, t }: { units: { code: string; name: string }[]; t: Translate }) {
  const actionData = useActionData<typeof action>();
  const codes = units.map((u) => u.code);
  const issueSchema = buildIssueSchema(codes, t);
  const anonSchema = buildAnonymousSchema(codes, t);
  const [issueForm, issueFields] = useSchemaForm(issueSchema, {
    id: "issue",
    lastResult: actionData?.form === "issue" ? actionData.result : undefined,
  });
  const [anonForm, anonFields] = useSchemaForm(anonSchema, {
    id: "anonymous",
    lastResult: actionData?.form === "anonymous" ? actionData.result : undefined,
  });
  const unitChoices = units.map((u) => ({ value: u.code, label: u.name }));
  return (
    <div className="admin-forms">
      <section className="card" aria-labelledby="issue-heading">
        <h2 id="issue-heading">{t("fieldwork.inv.issueHeading")}</h2>
        <p className="hint">{t("fieldwork.inv.issueHint")}</p>
        <Form method="post" {...getFormProps(issueForm)}>
          <input type="hidden" name="intent" value="issue" />
          <SelectField
            field={issueFields.unit}
            label={t("fieldwork.unit")}
            defaultValue={issueFields.unit.initialValue ?? "all"}
            options={[{ value: "all", label: t("fieldwork.allUnits") }, ...unitChoices]}
          />
          <button type="submit" className="button primary">
            {t("fieldwork.inv.issue")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="anon-heading">
        <h2 id="anon-heading">{t("fieldwork.inv.anonHeading")}</h2>
        <p className="hint">{t("fieldwork.inv.anonHint")}</p>
        <Form method="post" {...getFormProps(anonForm)}>
          <input type="hidden" name="intent" value="anonymous" />
          <SelectField
            field={anonFields.unit}
            label={t("fieldwork.unit")}
            defaultValue={anonFields.unit.initialValue ?? ""}
            placeholder={t("fieldwork.choose")}
            options={unitChoices}
          />
          <InputField
            field={anonFields.count}
            type="number"
            label={t("fieldwork.inv.count")}
            min={1}
            max={MAX_ANONYMOUS}
            inputMode="numeric"
          />
          <button type="submit" className="button primary">
            {t("fieldwork.inv.createAnon")}
          </button>
        </Form>
      </section>
    </div>
  );
}
