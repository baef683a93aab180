import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { buildAssignSchema, buildUnassignSchema } from "~/features/assignments/assignment-schema";
import { getScopedUnits, requireRoundPage } from "~/features/rounds/require-round.server";
import { translator } from "~/i18n";
import {
  assignWork,
  listAssignments,
  listDrawnPeople,
  listEnumerators,
  removeAssignment,
} from "~/models/assignment.server";
import { useSchemaForm } from "~/components/use-schema-form";
import { SelectField } from "~/components/forms";
import { ActionButton } from "~/components/action-button";

export const meta: MetaFunction = () => [{ title: "Phân công điều tra viên — Hài Lòng" }];

/**
 * Assign units (or drawn people) of a round to enumerators. A supervisor sees and assigns
 * only their own units (unitScope); an admin any unit of the round.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, scope } = await requireRoundPage(request, params, "manage:assignments");
  const units = await getScopedUnits(round.id, scope);
  const url = new URL(request.url);
  const selected = units.find((u) => u.code === url.searchParams.get("unit")) ?? null;
  const [enumerators, assignments, people] = await Promise.all([
    listEnumerators(),
    listAssignments(round.id, scope),
    selected ? listDrawnPeople(round.id, selected.id) : [],
  ]);
  return {
    lang,
    round: { code: round.code, title: round.title },
    units: units.map((u) => ({ code: u.code, name: u.name })),
    enumerators: enumerators.map((e) => ({ id: e.id, name: e.name })),
    assignments: assignments.map((a) => ({
      id: a.id,
      unit: a.unit.name,
      name: a.user.name,
      dossier: a.frameRow?.dossierCode ?? null,
    })),
    selected: selected?.code ?? null,
    people: people.map((p) => ({ id: p.id, code: p.dossierCode, order: p.drawOrder ?? 0 })),
    done: url.searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t, round, scope } = await requireRoundPage(request, params, "manage:assignments");
  const units = await getScopedUnits(round.id, scope);
  const formData = await request.formData();
  const base = `/admin/rounds/${round.code}/assignments`;

  if (formData.get("intent") === "unassign") {
    const submission = parseWithZod(formData, { schema: buildUnassignSchema() });
    if (submission.status === "success")
      await removeAssignment({ assignmentId: submission.value.assignmentId, scope, actorId: user.id });
    return redirect(`${base}?done=removed`);
  }
  const enumerators = await listEnumerators();
  const schema = buildAssignSchema(
    units.map((u) => u.code),
    enumerators.map((e) => e.id),
    t,
  );
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  const unit = units.find((u) => u.code === submission.value.unit)!;
  const n = await assignWork({
    roundId: round.id,
    unitId: unit.id,
    enumeratorId: submission.value.enumerator,
    frameRowIds: submission.value.people,
    actorId: user.id,
  });
  return redirect(`${base}?done=${n}`);
}

export default function Assignments() {
  const { lang, round, units, enumerators, assignments, selected, people, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = translator(lang);
  const schema = buildAssignSchema(
    units.map((u) => u.code),
    enumerators.map((e) => e.id),
    t,
  );
  const [form, fields] = useSchemaForm(schema, {
    id: "assign",
    lastResult: actionData?.result,
    defaultValue: { unit: selected ?? "" },
  });
  const chosen = new Set([fields.people.initialValue ?? []].flat().map(String));
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("fieldwork.asg.heading")}</h1>
      <p className="hint">{t("fieldwork.asg.intro")}</p>
      {done ? (
        <p className="notice" role="status">
          {done === "removed" ? t("fieldwork.asg.removed") : t("fieldwork.asg.assigned", { n: done })}
        </p>
      ) : null}
      {units.length === 0 ? <p className="notice">{t("fieldwork.noUnits")}</p> : null}
      {enumerators.length === 0 ? <p className="notice">{t("fieldwork.asg.noEnumerators")}</p> : null}

      <Form method="get" className="card">
        <div className="field">
          <label htmlFor="people-unit">{t("fieldwork.unit")}</label>
          <select id="people-unit" name="unit" defaultValue={selected ?? ""}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("fieldwork.asg.showPeople")}
        </button>
      </Form>

      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assign" />
        <SelectField
          field={fields.unit}
          label={t("fieldwork.unit")}
          placeholder={t("fieldwork.choose")}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <SelectField
          field={fields.enumerator}
          label={t("fieldwork.asg.enumerator")}
          placeholder={t("fieldwork.choose")}
          options={enumerators.map((e) => ({ value: e.id, label: e.name }))}
        />
        {people.length > 0 ? (
          <fieldset className="question">
            <legend>{t("fieldwork.asg.people")}</legend>
            <div className="options">
              {people.map((p) => (
                <label key={p.id} className="option">
                  <input type="checkbox" name={fields.people.name} value={p.id} defaultChecked={chosen.has(p.id)} />
                  <span>{t("fieldwork.asg.person", { code: p.code, order: p.order })}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="button primary">
          {t("fieldwork.asg.assign")}
        </button>
      </Form>

      <TableRegion label={t("fieldwork.asg.caption")}>
        <table>
          <caption>{t("fieldwork.asg.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fieldwork.unit")}</th>
              <th scope="col">{t("fieldwork.asg.enumerator")}</th>
              <th scope="col">{t("fieldwork.asg.scope")}</th>
              <th scope="col">{t("fieldwork.asg.remove")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.length === 0 ? (
              <tr>
                <td colSpan={4}>{t("fieldwork.asg.none")}</td>
              </tr>
            ) : null}
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.unit}</td>
                <td>{a.name}</td>
                <td>{a.dossier ? t("fieldwork.asg.onePerson", { code: a.dossier }) : t("fieldwork.asg.wholeUnit")}</td>
                <td>
                  <ActionButton
                    intent="unassign"
                    fields={{ assignmentId: a.id }}
                    className="link-button"
                    label={t("fieldwork.asg.removeLabel", { unit: a.unit, name: a.name })}
                  >
                    {t("fieldwork.asg.remove")}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
