import type { Round } from "~/generated/prisma/client";
import { translator, type UiLanguage } from "~/i18n";
import { getReportData, getSavedReport } from "~/models/report.server";
import type { ReportData } from "~/domain/report/report-data";
import { reportToDocx } from "./report-docx";
import type { ReportFormat } from "./report-files";
import { tablesToXlsx, tableToCsv } from "./report-spreadsheets";
import { buildReportTables, DOCUMENT_TABLES } from "./report-tables";
import { generateReportText } from "./report-text";

/** The saved text, or the generated one (Vietnamese, the report's language) when none is saved. */
export async function reportTextOf(round: Round, data: ReportData) {
  const saved = await getSavedReport(round.id);
  return { text: saved?.text ?? generateReportText(data, "vi"), saved };
}

/** Notes printed under the tables: whose PAR rules scored the points column. */
export function reportNotes(data: ReportData, lang: UiLanguage): string[] {
  const t = translator(lang);
  return [data.hasParRules ? t("report.parNote", { year: data.year }) : t("report.parMissing", { year: data.year })];
}

/** The bytes of one download. */
export async function buildReportFile(
  round: Round,
  format: ReportFormat,
  lang: UiLanguage,
): Promise<Uint8Array<ArrayBuffer> | string> {
  const data = await getReportData(round);
  const tables = buildReportTables(data, lang);
  const t = translator(lang);
  if (format === "docx") {
    const { text } = await reportTextOf(round, data);
    const docx = await reportToDocx({
      title: t("report.heading"),
      subtitle: round.title,
      text,
      tables: DOCUMENT_TABLES.map((id) => tables[id]),
      notes: reportNotes(data, lang),
      lang,
    });
    // A copy on a plain ArrayBuffer: what a Response body takes.
    return new Uint8Array(docx);
  }
  if (format === "xlsx") {
    return new Uint8Array(
      await tablesToXlsx([tables.units, tables.elements, tables.criteria, tables.unitCriteria], lang, {
        title: round.title,
        creator: "Hài Lòng",
      }),
    );
  }
  const id = format === "units.csv" ? "units" : format === "elements.csv" ? "elements" : "unitCriteria";
  return tableToCsv(tables[id], lang);
}
