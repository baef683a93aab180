/**
 * CSV for spreadsheets. A cell that begins with = + - @ (or a tab/CR) is a formula to
 * Excel and LibreOffice (CSV injection, OWASP): it gets a leading apostrophe so it shows
 * as text. Phone numbers such as +84… are therefore written '+84….
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends (RFC 4180) and a BOM, so Excel reads UTF-8 Vietnamese. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCsvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
