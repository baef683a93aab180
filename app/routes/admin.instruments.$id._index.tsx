import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { localized, translator } from "~/i18n";
import { AddItemForm } from "~/features/instruments/add-item-form";
import { ItemList } from "~/features/instruments/item-list";
import { buildAddItemSchema, ItemActionSchema } from "~/features/instruments/schemas";
import { languagesOf } from "~/domain/instruments/translations";
import { recordAudit } from "~/models/audit.server";
import { addItem, getInstrumentRow, moveItem, removeItem } from "~/models/instrument-admin.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";
import { useLanguage, useT } from "~/utils/use-language";

export const meta: MetaFunction = () => [{ title: "Phiên bản bộ câu hỏi — Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:instruments");
  const row = await getInstrumentRow(params.id!);
  if (!row) throw new Response(translator(await getLanguage(request))("instruments.notFound"), { status: 404 });
  const definition = await getInstrument(row.id);
  return {
    id: row.id,
    definition,
    complete: row.languages.split(",").filter(Boolean),
    languages: languagesOf(definition),
    frozenAt: row.frozenAt?.toISOString() ?? null,
    rounds: row.rounds.map((r) => r.code),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:instruments");
  const t = translator(await getLanguage(request));
  const id = params.id!;
  const formData = await request.formData();
  const audit = (action: string, before: unknown, after: unknown) =>
    recordAudit({ userId: user.id, action, entity: "instrument", entityId: id, before, after });
  const frozen = () =>
    data({ result: undefined, message: t("instruments.frozenRefused"), error: true }, { status: 409 });

  if (formData.get("intent") === "add") {
    const definition = await getInstrument(id);
    const schema = buildAddItemSchema(
      t,
      definition.sections.map((s) => s.code),
    );
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success")
      return data({ result: submission.reply(), message: null, error: true }, { status: 400 });
    const { sectionCode, code, kind, textVi, textEn, required } = submission.value;
    const result = await addItem(id, {
      sectionCode,
      code,
      kind,
      required,
      text: { vi: textVi, ...(textEn ? { en: textEn } : {}) },
    });
    if (!result.ok && result.error === "codeTaken") {
      return data(
        {
          result: submission.reply({ fieldErrors: { code: [t("instruments.error.codeTaken")] } }),
          message: null,
          error: true,
        },
        { status: 400 },
      );
    }
    if (!result.ok) return frozen();
    await audit("add-item", null, submission.value);
    return data({ result: submission.reply({ resetForm: true }), message: t("instruments.saved"), error: false });
  }

  const parsed = ItemActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ result: undefined, message: t("instruments.notFound"), error: true }, { status: 400 });
  const { intent, code } = parsed.data;
  const result = intent === "remove" ? await removeItem(id, code) : await moveItem(id, code, intent);
  if (!result.ok) return frozen();
  await audit(intent === "remove" ? "remove-item" : "move-item", { code }, result.value);
  return data({ result: undefined, message: t("instruments.saved"), error: false });
}

/** One version: its sections and items in order, with texts in every language. */
export default function InstrumentVersion() {
  const { id, definition, complete, languages, frozenAt, rounds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const base = `/admin/instruments/${id}`;
  const message = actionData?.message ?? (params.get("saved") ? t("instruments.saved") : null);
  return (
    <>
      <h1>
        {definition.code} v{definition.version}
      </h1>
      <p className="lead">{localized(definition.name, lang)}</p>
      <p className="hint">
        {t("instruments.completeLanguages", { languages: complete.join(", ") || "—" })} ·{" "}
        {t("instruments.usedBy", { rounds: rounds.join(", ") || "—" })}
      </p>
      {message ? (
        <p className={actionData?.error ? "error-summary" : "notice"} role={actionData?.error ? "alert" : "status"}>
          {message}
        </p>
      ) : null}
      {frozenAt ? <p className="notice">{t("instruments.frozenNotice")}</p> : null}
      <ul className="unit-list">
        <li>
          <a href={`${base}/export`} download>
            {t("instruments.export")}
          </a>
        </li>
        <li>
          <Link to={`${base}/translations`}>{t("instruments.importTranslations")}</Link>
        </li>
        <li>
          <Link to="/admin/instruments">{t("instruments.back")}</Link>
        </li>
      </ul>
      {definition.sections.map((section) => (
        <section key={section.code} className="card" aria-labelledby={`section-${section.code}`}>
          <h2 id={`section-${section.code}`}>
            {section.code}: {localized(section.title, lang)}
          </h2>
          <ItemList section={section} languages={languages} draft={!frozenAt} base={base} />
        </section>
      ))}
      {frozenAt ? null : (
        <AddItemForm
          sections={definition.sections.map((s) => ({ code: s.code, title: localized(s.title, lang) }))}
          lastResult={actionData?.result}
        />
      )}
    </>
  );
}
