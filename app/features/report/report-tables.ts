import { formatNumber, localized, translator, type MessageKey, type UiLanguage } from "~/i18n";
import type { ReportData } from "~/domain/report/report-data";

/**
 * The report's tables, once, for every format: the .docx and the print page show them
 * formatted (report-table-format below), CSV and Excel write the numbers as numbers with
 * an interval split into its two bounds.
 */
export type ColumnKind = "text" | "int" | "pct" | "points" | "score" | "ci";
export type Cell = string | number | null | [number, number];
export interface ReportColumn {
  label: string;
  kind: ColumnKind;
}
export type ReportTableId = "units" | "elements" | "criteria" | "unitCriteria";
export interface ReportTable {
  id: ReportTableId;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
}

/** The tables the .docx and the print page number (the per-unit criteria go to CSV/Excel only: 1,000 rows). */
export const DOCUMENT_TABLES: readonly ReportTableId[] = ["units", "elements", "criteria"];

export function buildReportTables(data: ReportData, lang: UiLanguage): Record<ReportTableId, ReportTable> {
  const t = translator(lang);
  const col = (key: MessageKey, kind: ColumnKind): ReportColumn => ({ label: t(key), kind });
  const level = (l: string) => t(`level.${l}` as MessageKey);
  const levelColumns = data.levels.map((l) => ({ label: t(`level.${l.level}s` as MessageKey), kind: "pct" as const }));
  const elementTitle = new Map(data.elements.map((e) => [e.code, localized(e.title, lang)]));

  return {
    units: {
      id: "units",
      title: t("report.table.units"),
      columns: [
        col("report.col.no", "int"),
        col("report.col.unit", "text"),
        col("report.col.level", "text"),
        col("report.col.population", "int"),
        col("report.col.target", "int"),
        col("report.col.n", "int"),
        col("report.col.index", "pct"),
        col("report.col.ci", "ci"),
        col("report.col.par", "points"),
      ],
      rows: data.units.map((u, i) => [
        i + 1,
        u.name,
        level(u.level),
        u.population,
        u.target,
        u.n,
        u.index,
        u.ci,
        u.par,
      ]),
    },
    elements: {
      id: "elements",
      title: t("report.table.elements"),
      columns: [
        col("report.col.elementCode", "text"),
        col("report.col.element", "text"),
        col("report.col.overall", "pct"),
        col("report.col.ci", "ci"),
        ...levelColumns,
      ],
      rows: data.elements.map((e, k) => [
        e.code,
        localized(e.title, lang),
        e.index,
        e.ci,
        ...data.levels.map((l) => l.elements[k]),
      ]),
    },
    criteria: {
      id: "criteria",
      title: t("report.table.criteria"),
      columns: [
        col("report.col.criterionCode", "text"),
        col("report.col.criterion", "text"),
        col("report.col.element", "text"),
        col("report.col.n", "int"),
        col("report.col.index", "pct"),
        col("report.col.ci", "ci"),
        col("report.col.meanScore", "score"),
      ],
      rows: data.criteria.map((c) => [
        c.code,
        localized(c.text, lang),
        elementTitle.get(c.element) ?? c.element,
        c.n,
        c.index,
        c.ci,
        c.meanScore,
      ]),
    },
    unitCriteria: {
      id: "unitCriteria",
      title: t("report.table.criteriaByUnit"),
      columns: [
        col("report.col.unitCode", "text"),
        col("report.col.unit", "text"),
        col("report.col.criterionCode", "text"),
        col("report.col.criterion", "text"),
        col("report.col.n", "int"),
        col("report.col.index", "pct"),
        col("report.col.ci", "ci"),
        col("report.col.meanScore", "score"),
      ],
      rows: data.unitCriteria.map((c) => [
        c.unit,
        c.unitName,
        c.code,
        localized(c.text, lang),
        c.n,
        c.index,
        c.ci,
        c.meanScore,
      ]),
    },
  };
}

/** A cell as the document prints it: Vietnamese decimals, intervals "lo – hi", "—" for none. */
export function formatCell(lang: UiLanguage, kind: ColumnKind, cell: Cell): string {
  if (cell === null) return "—";
  if (Array.isArray(cell)) return `${formatNumber(lang, cell[0])} – ${formatNumber(lang, cell[1])}`;
  if (typeof cell === "string") return cell;
  if (kind === "int") return String(cell);
  return formatNumber(lang, cell);
}

/**
 * Header and rows for a spreadsheet: an interval column becomes two (lower, upper);
 * numbers stay numbers (unrounded: the spreadsheet formats them), "no value" is empty.
 */
export function spreadsheetRows(
  table: ReportTable,
  lang: UiLanguage,
): { header: string[]; rows: (string | number | null)[][] } {
  const t = translator(lang);
  const header = table.columns.flatMap((c) =>
    c.kind === "ci" ? [t("report.col.ciLow"), t("report.col.ciHigh")] : [c.label],
  );
  const rows = table.rows.map((row) =>
    row.flatMap((cell, i) => {
      if (table.columns[i].kind !== "ci") return [Array.isArray(cell) ? null : cell];
      return Array.isArray(cell) ? [cell[0], cell[1]] : [null, null];
    }),
  );
  return { header, rows };
}
