import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { buildCsvUploadSchema } from "~/utils/csv-upload";
import { useT } from "~/utils/use-language";
import { InputField, TextareaField } from "./forms";
import { useSchemaForm } from "./use-schema-form";

/**
 * Step one of a CSV import (app/utils/csv-upload.ts): a file or the text box, and "Check".
 * Keyed by the checked text, so after a check the form starts afresh (no file chosen) with
 * that text in the box, to correct a reported line where it is.
 */
export function CsvUploadForm({
  lastResult,
  csv,
  children,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  csv: string | null | undefined;
  children: ReactNode;
}) {
  const t = useT();
  const [form, fields] = useSchemaForm(buildCsvUploadSchema(t), { lastResult, shouldValidate: "onSubmit" });
  return (
    <Form method="post" encType="multipart/form-data" className="card" {...getFormProps(form)} key={csv ?? ""}>
      <input type="hidden" name="intent" value="check" />
      <InputField field={fields.file} type="file" label={t("units.file")} accept=".csv,text/csv" />
      <TextareaField field={fields.text} label={t("units.text")} defaultValue={csv ?? ""} rows={8} spellCheck={false} />
      <div className="actions">
        <button type="submit" className="button secondary">
          {t("units.check")}
        </button>
        {children}
      </div>
    </Form>
  );
}

/** Step two: the checked text posted back with `intent=accept`. */
export function CsvAcceptForm({ csv, children }: { csv: string | null | undefined; children: ReactNode }) {
  return (
    <Form method="post" className="card">
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="csv" value={csv ?? ""} />
      {children}
    </Form>
  );
}
