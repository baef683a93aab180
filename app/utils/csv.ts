import Papa from "papaparse";

/**
 * Every CSV the app writes goes through here: Papa.unparse does the quoting (RFC 4180:
 * a cell with a comma, quote, line break or edge space is quoted, quotes doubled), CRLF
 * line ends, and a BOM so that Excel reads UTF-8 Vietnamese.
 *
 * A text cell that begins with = + - @ (or a tab/CR) is a formula to Excel and LibreOffice
 * (CSV injection, OWASP): it gets a leading apostrophe so it shows as text, and phone
 * numbers such as +84… are written '+84…. Numbers are data, written as they are. The
 * apostrophe is put here rather than by Papa's `escapeFormulae`, which (papaparse 5.7)
 * quotes every escaped cell ("'+84…" in quotes, where the files have always held '+84…)
 * and whose default pattern (/^[=+\-@\t\r].*$/) lets a cell through when a line break
 * follows the formula ("=1\n2").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** The text a spreadsheet cell holds: formula-like text behind an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as written: numbers as numbers (non-finite ones empty), text neutralised, null empty. */
function cellValue(value: CsvValue): string | number {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value === null || value === undefined ? "" : neutraliseFormula(value);
}

/** One cell as it stands in the file, quoted when it must be. */
export function escapeCsvCell(value: CsvValue): string {
  return Papa.unparse([[cellValue(value)]], { newline: "\r\n" });
}

/** Header and rows to CSV text: a BOM, CRLF line ends (RFC 4180), a line end after the last row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const data = [header, ...rows].map((row) => row.map(cellValue));
  return `\uFEFF${Papa.unparse(data, { newline: "\r\n" })}\r\n`;
}
