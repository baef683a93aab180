import { readCsvTable } from "~/utils/csv-table";

/**
 * The unit CSV (`code,name,level,parent_code[,valid_from,valid_to]`) checked against the
 * units already stored, before anything is written. Pure, so the report the admin reads
 * and the rows the accept step writes come from the same function (tests/unit).
 */
export const UNIT_LEVELS = ["department", "district", "commune"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

const REQUIRED_COLUMNS = ["code", "name", "level", "parent_code"] as const;

/** Codes appear in survey links (/s/round/unit-code), so they stay URL-safe. */
export const UNIT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type RowProblem =
  | "missingCode"
  | "badCode"
  | "missingName"
  | "unknownLevel"
  | "duplicateCode"
  | "badDate"
  | "dateOrder"
  | "communeWithoutParent"
  | "parentUnknown"
  | "parentNotDistrict"
  | "parentSelf";

export interface ImportProblem {
  line: number;
  code: string;
  reason: RowProblem;
  /** The offending value (a level, a parent code, a date, the first line of a duplicate). */
  value?: string;
}

export interface ImportRow {
  line: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** create: a new code; update: a stored unit of that code. */
  action: "create" | "update";
}

export interface ImportReport {
  fileError: "empty" | "missingColumns" | null;
  missingColumns: string[];
  problems: ImportProblem[];
  rows: ImportRow[];
}

/** YYYY-MM-DD that is a real calendar day (2020-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}

/**
 * Check every row; a row with a problem is reported and left out of `rows`. Parents may be
 * earlier or later in the same file, or stored already.
 */
export function checkUnitImport(text: string, stored: { code: string; level: string }[]): ImportReport {
  const { header, lines } = readCsvTable(text);
  const empty: ImportReport = { fileError: null, missingColumns: [], problems: [], rows: [] };
  if (header.length === 0 || lines.length === 0) return { ...empty, fileError: "empty" };
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length) return { ...empty, fileError: "missingColumns", missingColumns };
  const col = (name: string) => header.indexOf(name);
  const cell = (cells: string[], name: string) => (col(name) >= 0 ? (cells[col(name)] ?? "") : "");

  const storedLevels = new Map(stored.map((u) => [u.code, u.level]));
  const fileLevels = new Map<string, string>();
  const firstLine = new Map<string, number>();
  for (const { line, cells } of lines) {
    const code = cell(cells, "code");
    if (code && !firstLine.has(code)) {
      firstLine.set(code, line);
      fileLevels.set(code, cell(cells, "level").toLowerCase());
    }
  }

  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  for (const { line, cells } of lines) {
    const code = cell(cells, "code");
    const name = cell(cells, "name");
    const level = cell(cells, "level").toLowerCase();
    const parentCode = cell(cells, "parent_code");
    const validFrom = cell(cells, "valid_from");
    const validTo = cell(cells, "valid_to");
    const problem = (reason: RowProblem, value?: string) => problems.push({ line, code, reason, value });
    const before = problems.length;

    if (!code) problem("missingCode");
    else if (!UNIT_CODE_PATTERN.test(code)) problem("badCode", code);
    else if (firstLine.get(code) !== line) problem("duplicateCode", String(firstLine.get(code)));
    if (!name) problem("missingName");
    if (!isUnitLevel(level)) problem("unknownLevel", level);
    for (const date of [validFrom, validTo]) if (date && !isIsoDate(date)) problem("badDate", date);
    if (validFrom && validTo && isIsoDate(validFrom) && isIsoDate(validTo) && validTo <= validFrom) {
      problem("dateOrder", `${validFrom} – ${validTo}`);
    }
    if (parentCode) {
      const parentLevel = fileLevels.get(parentCode) ?? storedLevels.get(parentCode);
      if (parentCode === code) problem("parentSelf", parentCode);
      else if (parentLevel === undefined) problem("parentUnknown", parentCode);
      else if (parentLevel !== "district") problem("parentNotDistrict", parentCode);
    } else if (level === "commune") {
      problem("communeWithoutParent");
    }
    if (problems.length > before || !isUnitLevel(level)) continue;
    rows.push({
      line,
      code,
      name,
      level,
      parentCode: parentCode || null,
      validFrom: validFrom || null,
      validTo: validTo || null,
      action: storedLevels.has(code) ? "update" : "create",
    });
  }
  return { fileError: null, missingColumns: [], problems, rows };
}

/** Nothing may be written while the file has a problem: a half-imported hierarchy would leave communes without their district. */
export function isAcceptable(report: ImportReport): boolean {
  return report.fileError === null && report.problems.length === 0 && report.rows.length > 0;
}
