import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator } from "~/i18n";
import { getReportData } from "~/models/report.server";
import { requireReportReader, requireReportRound } from "~/report/access.server";
import { reportNotes, reportTextOf } from "~/report/report-export.server";
import { buildReportTables, DOCUMENT_TABLES, formatCell } from "~/report/report-tables";
import { splitParagraphs } from "~/report/report-text";
import { getLanguage } from "~/utils/language.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.round.title} — bản in báo cáo — Hài Lòng` : "Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireReportReader(request);
  const lang = await getLanguage(request);
  const round = await requireReportRound(params.round, lang);
  const report = await getReportData(round);
  const { text } = await reportTextOf(round, report);
  const tables = buildReportTables(report, lang);
  return {
    lang,
    round: { code: round.code, title: round.title },
    paragraphs: splitParagraphs(text),
    tables: DOCUMENT_TABLES.map((id) => tables[id]),
    notes: reportNotes(report, lang),
  };
}

/**
 * Print layout after Decree 30/2020/NĐ-CP (the .docx's, report-docx.ts): A4, margins
 * 2 cm top/bottom/right and 3 cm left, Times New Roman 13 pt, justified paragraphs with
 * a 1 cm first-line indent. The site's header and the admin menu are not printed.
 */
const PRINT_CSS = `
.report-print { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.4; }
.report-print .doc-title { text-align: center; text-transform: uppercase; font-size: 13pt; }
.report-print .doc-subtitle { text-align: center; font-style: italic; }
.report-print .doc-body { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.report-print table { border-collapse: collapse; width: 100%; font-size: 11pt; }
.report-print th, .report-print td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
.report-print caption { font-weight: bold; text-align: center; caption-side: top; padding: 6pt 0; }
.report-print .num { text-align: right; }
.report-print .source { font-style: italic; font-size: 11pt; }
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
@media print {
  .site-header, .admin-menu, .lang-switch, .no-print { display: none !important; }
  .report-print .table-scroll { overflow: visible; }
  .report-print tr { break-inside: avoid; }
  .report-print caption { break-after: avoid; }
  body, main, .admin, .admin-content, .card { margin: 0; padding: 0; border: 0; box-shadow: none; background: #fff; color: #000; }
}
`;

export default function ReportPrint() {
  const { lang, round, paragraphs, tables, notes } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <article className="card report-print">
      <style>{PRINT_CSS}</style>
      <p className="no-print">
        <Link to={`/admin/rounds/${round.code}/report`}>{t("report.heading")}</Link>
      </p>
      <p className="no-print hint">{t("report.printHint")}</p>
      <h1 className="doc-title">{t("report.heading")}</h1>
      <p className="doc-subtitle">{round.title}</p>
      {paragraphs.map((p, i) => (
        <p key={i} className="doc-body">{p}</p>
      ))}
      {tables.map((table, n) => (
        <div key={table.id}>
          <div className="table-scroll" role="region" aria-labelledby={`table-${table.id}`} tabIndex={0}>
            <table data-table={table.id}>
              <caption id={`table-${table.id}`}>{t("report.table.numbered", { n: n + 1, title: table.title })}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.label} scope="col" className={c.kind === "text" ? undefined : "num"}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, i) => (
                      <td key={i} className={table.columns[i].kind === "text" ? undefined : "num"}>{formatCell(lang, table.columns[i].kind, cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="source">{t("report.table.source")}</p>
        </div>
      ))}
      {notes.map((note) => (
        <p key={note} className="source">{note}</p>
      ))}
    </article>
  );
}
