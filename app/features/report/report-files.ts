/**
 * File names of the report's downloads, e.g. bao-cao-hai-long-lai-chau-2020.docx (round
 * codes are already lower-case ASCII slugs), and the Content-Disposition header with both
 * a plain `filename` and the RFC 5987/6266 `filename*` (UTF-8), so a name with Vietnamese
 * letters survives in every browser.
 */
export const REPORT_FORMATS = ["docx", "xlsx", "units.csv", "elements.csv", "criteria.csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === "string" && (REPORT_FORMATS as readonly string[]).includes(value);
}

export function reportFileName(roundCode: string, format: ReportFormat): string {
  const [table, ext] = format.includes(".") ? format.split(".") : [null, format];
  return `bao-cao-hai-long-${roundCode}${table ? `-${table}` : ""}.${ext}`;
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "units.csv": "text/csv; charset=utf-8",
  "elements.csv": "text/csv; charset=utf-8",
  "criteria.csv": "text/csv; charset=utf-8",
};
