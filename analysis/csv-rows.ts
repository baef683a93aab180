/**
 * Row-by-row reading of a CSV text without materialising it: `forEachCsvRow` calls
 * `visit(line, row)` for every non-blank line, where `row.text(i)` is field i as a string
 * and `row.score(i)` reads a 1..5 answer straight from the characters (0 = empty,
 * −1 = anything else), so a million questionnaires × 22 answers allocate no per-answer
 * strings. Text without double quotes (what exports and our generator write) takes a
 * hand-written scanner; quoted text goes through papaparse (RFC 4180), row by row.
 *
 * Complexity: O(length of the text); memory O(fields of one row).
 *
 * @example
 * forEachCsvRow("a,b\n1, 4\n", (line, row) => console.log(line, row.text(0), row.score(1)))
 * // 1 "a" -1   then   2 "1" 4
 */
import Papa from "papaparse";

export interface CsvRow {
  readonly width: number;
  text(field: number): string;
  score(field: number): number;
}

const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const TAB = 9;
const DIGIT_ZERO = 48;

export function scoreOf(cell: string): number {
  const s = cell.trim();
  if (s === "") return 0;
  const v = s.length === 1 ? s.charCodeAt(0) - DIGIT_ZERO : -1;
  return v >= 1 && v <= 5 ? v : -1;
}

export function forEachCsvRow(text: string, visit: (line: number, row: CsvRow) => void): void {
  if (text.includes('"')) {
    forEachQuotedRow(text, visit);
    return;
  }
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let width = 0;
  const row: CsvRow = {
    get width() {
      return width;
    },
    text: (i) => (i < width ? text.slice(starts[i], ends[i]).trim() : ""),
    score: (i) => {
      if (i >= width) return 0;
      let a = starts[i];
      let b = ends[i];
      if (b - a === 1) {
        const v = text.charCodeAt(a) - DIGIT_ZERO;
        return v >= 1 && v <= 5 ? v : v === SPACE - DIGIT_ZERO || v === TAB - DIGIT_ZERO ? 0 : -1;
      }
      while (a < b && (text.charCodeAt(a) === SPACE || text.charCodeAt(a) === TAB)) a++;
      while (b > a && (text.charCodeAt(b - 1) === SPACE || text.charCodeAt(b - 1) === TAB)) b--;
      if (b === a) return 0;
      const v = b - a === 1 ? text.charCodeAt(a) - DIGIT_ZERO : -1;
      return v >= 1 && v <= 5 ? v : -1;
    },
  };
  let line = 0;
  let position = 0;
  while (position < text.length) {
    line += 1;
    let end = text.indexOf("\n", position);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > position && text.charCodeAt(end - 1) === RETURN) end -= 1;
    width = 0;
    for (let i = position; ;) {
      let comma = text.indexOf(",", i);
      if (comma < 0 || comma > end) comma = end;
      if (width === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[width] = i;
      ends[width] = comma;
      width += 1;
      if (comma === end) break;
      i = comma + 1;
    }
    if (!(width === 1 && row.text(0) === "")) visit(line, row);
    position = next;
    if (end === text.length && text.charCodeAt(end) !== NEWLINE) break;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function forEachQuotedRow(text: string, visit: (line: number, row: CsvRow) => void): void {
  let line = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    step: (results) => {
      line += 1;
      if (results.errors.length > 0) throw new Error(`line ${line}: ${results.errors[0].message}`);
      const cells = results.data;
      if (cells.length === 1 && cells[0].trim() === "") return;
      visit(line, { width: cells.length, text: (i) => (cells[i] ?? "").trim(), score: (i) => scoreOf(cells[i] ?? "") });
    },
  });
}
