import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatNumber, translator } from "~/i18n";
import {
  acceptFrameImport,
  discardFrameImport,
  FrameDecisionError,
  getFrameImport,
  listFrameImports,
} from "~/models/frame.server";
import { buildFrameUploadSchema, FrameDecisionSchema } from "~/features/sampling/frame-forms";
import { uploadFrame } from "~/features/sampling/frame-upload.server";
import { FrameReportView } from "~/features/sampling/frame-report-view";
import { formatDateTime } from "~/utils/format";
import { TableRegion } from "~/components/table-region";
import { estimateRows, FrameProgress } from "~/features/sampling/frame-progress";
import { useState } from "react";
import { useSchemaForm } from "~/components/use-schema-form";
import { InputField } from "~/components/forms";
import { requireRoundSetupPage } from "~/features/rounds/require-round.server";

export const meta: MetaFunction = () => [{ title: "Khung mẫu — Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round } = await requireRoundSetupPage(request, params, "manage:frames");
  const imports = await listFrameImports(round.id);
  const wanted =
    new URL(request.url).searchParams.get("import") ?? [...imports].reverse().find((i) => i.status === "pending")?.id;
  const current = wanted ? await getFrameImport(round.id, wanted) : null;
  return {
    lang,
    round: { code: round.code, title: round.title },
    imports,
    current: current && { ...current, rows: undefined },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t, round } = await requireRoundSetupPage(request, params, "manage:frames");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return uploadFrame(request, round.id, round.code, user.id, t);
  const parsed = FrameDecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ result: null, error: t("frame.errDecision") }, { status: 400 });
  const { intent, importId } = parsed.data;
  try {
    if (intent === "accept") await acceptFrameImport(round.id, importId, user.id);
    else await discardFrameImport(round.id, importId, user.id);
  } catch (error) {
    if (error instanceof FrameDecisionError)
      return data({ result: null, error: t(`frame.errDecision.${error.reason}`, { n: error.count }) }, { status: 409 });
    throw error;
  }
  return redirect(`/admin/rounds/${round.code}/frame?import=${importId}`);
}

export default function FramePage() {
  const { lang, round, imports, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = translator(lang);
  const schema = buildFrameUploadSchema(t);
  const [form, fields] = useSchemaForm(schema, {
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onSubmit",
  });
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const [estimate, setEstimate] = useState<number | null>(null);
  return (
    <section className="card">
      <p>
        <Link to={`/admin/rounds/${round.code}`}>{round.title}</Link> ·{" "}
        <Link to={`/admin/rounds/${round.code}/draw`}>{t("admin.draw")}</Link>
      </p>
      <h1>{t("admin.frame")}</h1>
      <p className="hint">{t("frame.intro")}</p>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <InputField
          field={fields.file}
          type="file"
          label={t("frame.file")}
          hint={t("frame.fileHint")}
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setEstimate(null);
            if (file) estimateRows(file).then(setEstimate, () => setEstimate(null));
          }}
        />
        <button type="submit" className="button primary" disabled={uploading}>
          {t("frame.upload")}
        </button>
        <p className="hint" role="status">
          {uploading ? t("frame.uploading") : t("frame.uploadHint")}
        </p>
        <FrameProgress
          active={uploading}
          estimate={estimate}
          progressUrl={`/admin/rounds/${round.code}/frame/progress`}
          lang={lang}
          t={t}
        />
      </Form>
      {current ? <FrameReportView report={current} lang={lang} /> : null}
      {imports.length ? (
        <TableRegion label={t("frame.importsCaption")}>
          <table>
            <caption>{t("frame.importsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("frame.fileName")}</th>
                <th scope="col">{t("frame.status")}</th>
                <th scope="col">{t("frame.goodRows")}</th>
                <th scope="col">{t("frame.badRows")}</th>
                <th scope="col">{t("frame.uploadedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`?import=${i.id}`}>{i.fileName}</Link>
                  </th>
                  <td>{t(`frame.status.${i.status as "importing" | "pending" | "accepted" | "discarded"}`)}</td>
                  <td>{formatNumber(lang, i.rowCount, 0)}</td>
                  <td>{formatNumber(lang, i.badRowCount, 0)}</td>
                  <td>{formatDateTime(i.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
