import ExcelJS from "exceljs";
import { neutraliseFormula, toCsv } from "~/utils/csv";
import type { UiLanguage } from "~/i18n";
import { spreadsheetRows, type ReportTable } from "./report-tables";

/**
 * CSV and Excel files of the report's tables. Text cells go through `neutraliseFormula`
 * (app/utils/csv.ts): a cell starting with = + - @ gets a leading apostrophe, so a
 * unit named "=HYPERLINK(…)" is shown as text, never run as a formula (OWASP CSV
 * injection). Numbers are written as numbers, unescaped: a negative number is data, and
 * Excel does not run a number. In Excel the same apostrophe is kept in the string
 * (docs/decisions/012): exceljs writes strings as shared strings, which Excel does not
 * evaluate, but a person who edits the cell, or saves the sheet as CSV, would turn it back
 * into a formula; the visible apostrophe is the same in both files.
 */

/** What an Excel cell holds: the same apostrophe before formula-like text as in the CSV. */
export const escapeSpreadsheetText = neutraliseFormula;

/** One table as CSV (app/utils/csv.ts: BOM, CRLF, numbers unescaped). */
export function tableToCsv(table: ReportTable, lang: UiLanguage): string {
  const { header, rows } = spreadsheetRows(table, lang);
  return toCsv(header, rows);
}

/** Number formats by column kind: indices and points with 2 decimals, as published. */
const NUMBER_FORMAT: Record<string, string> = { pct: "0.00", points: "0.00", score: "0.00", ci: "0.00", int: "0" };

/** Every table, one worksheet each (sheet names: Excel's 31-character limit). */
export async function tablesToXlsx(
  tables: ReportTable[],
  lang: UiLanguage,
  meta: { title: string; creator: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = new Date();
  tables.forEach((table, t) => {
    const sheet = workbook.addWorksheet(`${t + 1}. ${table.title}`.slice(0, 31).replace(/[*?:\\/[\]]/g, " "));
    const { header, rows } = spreadsheetRows(table, lang);
    const kinds = table.columns.flatMap((c) => (c.kind === "ci" ? ["ci", "ci"] : [c.kind]));
    sheet.addRow(header.map(escapeSpreadsheetText)).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(row.map((cell) => (typeof cell === "string" ? escapeSpreadsheetText(cell) : cell)));
    }
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    kinds.forEach((kind, c) => {
      const column = sheet.getColumn(c + 1);
      column.width = kind === "text" ? 40 : 14;
      if (NUMBER_FORMAT[kind]) column.numFmt = NUMBER_FORMAT[kind];
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
