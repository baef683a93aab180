/**
 * The columns of the one-stop system's export of completed dossiers, and the Vietnamese
 * headers some exports use instead. Headers are matched after lower-casing, removing
 * diacritics and joining words with "_", so "Mã hồ sơ" and "ma_ho_so" are the same.
 */
export const FRAME_COLUMNS = [
  "dossier_code",
  "unit_code",
  "procedure",
  "returned_at",
  "name",
  "phone",
  "address",
] as const;
export type FrameColumn = (typeof FRAME_COLUMNS)[number];
/** Without these a row cannot be drawn or traced back to its dossier. */
export const REQUIRED_COLUMNS: readonly FrameColumn[] = ["dossier_code", "unit_code", "procedure", "returned_at"];

const ALIASES: Record<string, FrameColumn> = {
  ma_ho_so: "dossier_code",
  so_ho_so: "dossier_code",
  ma_don_vi: "unit_code",
  ma_co_quan: "unit_code",
  thu_tuc: "procedure",
  ten_thu_tuc: "procedure",
  thu_tuc_hanh_chinh: "procedure",
  ngay_tra_ket_qua: "returned_at",
  ngay_tra: "returned_at",
  ho_ten: "name",
  ho_va_ten: "name",
  ten: "name",
  so_dien_thoai: "phone",
  dien_thoai: "phone",
  dia_chi: "address",
};

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Column index of each known column, or the required columns that are missing. */
export function mapHeader(
  headers: readonly string[],
): { ok: true; index: Partial<Record<FrameColumn, number>> } | { ok: false; missing: FrameColumn[] } {
  const index: Partial<Record<FrameColumn, number>> = {};
  headers.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    const column = (FRAME_COLUMNS as readonly string[]).includes(h) ? (h as FrameColumn) : ALIASES[h];
    if (column && index[column] === undefined) index[column] = i;
  });
  const missing = [...REQUIRED_COLUMNS, "phone" as const].filter((c) => index[c] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

/** Semicolon or comma, decided by the header line: the one rule every CSV import uses. */
export { detectDelimiter } from "~/utils/csv-table";
