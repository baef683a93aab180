import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator } from "~/i18n";
import { getReportData } from "~/models/report.server";
import { requireReportReader, requireReportRound } from "~/features/report/access.server";
import { reportNotes, reportTextOf } from "~/features/report/report-export.server";
import { buildReportTables, DOCUMENT_TABLES, formatCell } from "~/features/report/report-tables";
import { splitParagraphs } from "~/features/report/report-text";
import printStyles from "~/features/report/report-print.css?url";
import { getLanguage } from "~/utils/language.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} — bản in báo cáo — Hài Lòng` : "Hài Lòng" },
];

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

export default function ReportPrint() {
  const { lang, round, paragraphs, tables, notes } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <article className="card report-print">
      <p className="no-print">
        <Link to={`/admin/rounds/${round.code}/report`}>{t("report.heading")}</Link>
      </p>
      <p className="no-print hint">{t("report.printHint")}</p>
      <h1 className="doc-title">{t("report.heading")}</h1>
      <p className="doc-subtitle">{round.title}</p>
      {paragraphs.map((p, i) => (
        <p key={i} className="doc-body">
          {p}
        </p>
      ))}
      {tables.map((table, n) => (
        <div key={table.id}>
          <div className="table-scroll" role="region" aria-labelledby={`table-${table.id}`} tabIndex={0}>
            <table data-table={table.id}>
              <caption id={`table-${table.id}`}>{t("report.table.numbered", { n: n + 1, title: table.title })}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.label} scope="col" className={c.kind === "text" ? undefined : "num"}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, i) => (
                      <td key={i} className={table.columns[i].kind === "text" ? undefined : "num"}>
                        {formatCell(lang, table.columns[i].kind, cell)}
                      </td>
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
        <p key={note} className="source">
          {note}
        </p>
      ))}
    </article>
  );
}
