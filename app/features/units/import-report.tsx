import type { ImportReport } from "~/domain/units/unit-import";
import { useT } from "~/utils/use-language";

/**
 * What the check found: every bad row with its line and reason, then what accepting would
 * create and update. Shown between upload and accept; nothing is written yet.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  if (report.fileError) {
    return (
      <p className="error-summary" role="alert">
        {report.fileError === "empty"
          ? t("units.fileEmpty")
          : t("units.fileColumns", { columns: report.missingColumns.join(", ") })}
      </p>
    );
  }
  const creates = report.rows.filter((r) => r.action === "create");
  const updates = report.rows.filter((r) => r.action === "update");
  return (
    <>
      {report.problems.length ? (
        <>
          <p className="error-summary" role="alert">
            {t("units.problemCount", { n: report.problems.length })}
          </p>
          <div className="table-scroll" role="region" aria-label={t("units.problemsCaption")} tabIndex={0}>
            <table>
              <caption>{t("units.problemsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("units.line")}
                  </th>
                  <th scope="col">{t("units.code")}</th>
                  <th scope="col">{t("units.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i} data-line={p.line}>
                    <td className="num">{p.line}</td>
                    <td className="code">{p.code || "—"}</td>
                    <td>{t(`units.reason.${p.reason}`, { value: p.value ?? "" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p role="status">{t("units.noProblems")}</p>
      )}
      <div className="table-scroll" role="region" aria-label={t("units.preview")} tabIndex={0}>
        <table>
          <caption>{t("units.previewCaption", { creates: creates.length, updates: updates.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("units.line")}
              </th>
              <th scope="col">{t("units.change")}</th>
              <th scope="col">{t("units.code")}</th>
              <th scope="col">{t("units.name")}</th>
              <th scope="col">{t("units.level")}</th>
              <th scope="col">{t("units.parentCode")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>{t(r.action === "create" ? "units.create" : "units.update")}</td>
                <td className="code">{r.code}</td>
                <td>{r.name}</td>
                <td>{t(`level.${r.level}`)}</td>
                <td className="code">{r.parentCode ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
