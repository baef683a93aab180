import Papa from "papaparse";

/**
 * A CSV file as rows of trimmed cells, each with its line number in the file, for import
 * reports that say "line 7: …". Plain TypeScript (no server imports): the unit import and
 * the translation import both read files through here.
 */
export interface CsvLine {
  line: number;
  cells: string[];
}

/** Excel on Windows saves "CSV UTF-8" with a byte-order mark; a header "\uFEFFcode" must still be "code". */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Comma or semicolon: Excel in a Vietnamese (or any comma-decimal) locale writes
 * semicolons. The header line decides, since it has no quoted cells with either.
 */
export function detectDelimiter(text: string): "," | ";" {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => header.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/**
 * Parse without papaparse's header mode so that every row keeps its position: line
 * numbers count from 1 with the header, and blank lines are skipped but still counted.
 * (A quoted cell spanning lines would shift later numbers; these files have none.)
 */
export function readCsvTable(raw: string): { header: string[]; lines: CsvLine[] } {
  const text = stripBom(raw);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const rows = parsed.data.map((cells, index) => ({ line: index + 1, cells: cells.map((c) => (c ?? "").trim()) }));
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ""));
  const [first, ...rest] = nonEmpty;
  return { header: first ? first.cells.map((h) => h.toLowerCase()) : [], lines: rest };
}
