import { formatNumber, translator, type UiLanguage } from "~/i18n";
import { BAD_ROW_REASONS, type BadRow, type BadRowReason } from "~/domain/sampling/frame-row";
import { TableRegion } from "~/components/table-region";
import { ActionButton } from "~/components/action-button";

interface ReportProps {
  id: string;
  fileName: string;
  fingerprint: string;
  status: string;
  rowCount: number;
  badRowCount: number;
  report: {
    counts?: Record<BadRowReason, number>;
    badRows?: BadRow[];
    fileError?: { reason: string; columns?: string[] };
  };
}

/**
 * The report of one upload: rows processed, counts per reason, the first 1,000 bad rows
 * with their line numbers, and, while pending, the choice to accept or discard it.
 * Only dossier codes appear here, never names or phones.
 */
export function FrameReportView({ report: r, lang }: { report: ReportProps; lang: UiLanguage }) {
  const t = translator(lang);
  const n = (v: number) => formatNumber(lang, v, 0);
  const badRows = r.report.badRows ?? [];
  return (
    <section aria-labelledby="frame-report" data-testid="frame-report">
      <h2 id="frame-report">{t("frame.reportHeading", { file: r.fileName })}</h2>
      <p role="status">
        {t(`frame.status.${r.status as "importing" | "pending" | "accepted" | "discarded"}`)} ·{" "}
        {t("frame.processed", { n: n(r.rowCount + r.badRowCount), good: n(r.rowCount), bad: n(r.badRowCount) })}
      </p>
      {r.fingerprint ? (
        <p className="hint">
          {t("frame.fingerprint")}: <span className="code">{r.fingerprint}</span>
        </p>
      ) : null}
      {r.report.fileError ? (
        <p className="error-summary" role="alert">
          {r.report.fileError.reason === "empty"
            ? t("frame.errEmpty")
            : t("frame.errColumns", { columns: (r.report.fileError.columns ?? []).join(", ") })}
        </p>
      ) : null}
      {r.badRowCount > 0 ? (
        <ul>
          {BAD_ROW_REASONS.filter((reason) => (r.report.counts?.[reason] ?? 0) > 0).map((reason) => (
            <li
              key={reason}
              data-reason={reason}
            >{`${t(`frame.reason.${reason}`)}: ${n(r.report.counts?.[reason] ?? 0)}`}</li>
          ))}
        </ul>
      ) : null}
      {r.status === "pending" ? (
        <div className="actions">
          <ActionButton
            intent="accept"
            fields={{ importId: r.id }}
            className="button primary"
            disabled={r.rowCount === 0}
          >
            {t("frame.accept", { n: n(r.rowCount) })}
          </ActionButton>
          <ActionButton intent="discard" fields={{ importId: r.id }}>
            {t("frame.discard")}
          </ActionButton>
        </div>
      ) : null}
      {badRows.length ? (
        <TableRegion label={t("frame.badRowsCaption", { n: n(badRows.length), total: n(r.badRowCount) })}>
          <table>
            <caption>{t("frame.badRowsCaption", { n: n(badRows.length), total: n(r.badRowCount) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("frame.line")}</th>
                <th scope="col">{t("frame.reason")}</th>
                <th scope="col">{t("frame.column")}</th>
                <th scope="col">{t("frame.dossier")}</th>
              </tr>
            </thead>
            <tbody>
              {badRows.map((b) => (
                <tr key={`${b.line}-${b.reason}`} data-line={b.line}>
                  <td>{b.line}</td>
                  <td>{t(`frame.reason.${b.reason}`)}</td>
                  <td className="code">{b.column ?? ""}</td>
                  <td className="code">{b.dossierCode ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
