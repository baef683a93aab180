import type { FrameColumn } from "./frame-columns";

/** Why a row of the export is not in the frame. */
export const BAD_ROW_REASONS = [
  "missing-field",
  "unknown-unit",
  "missing-phone",
  "invalid-phone",
  "invalid-date",
  "outside-period",
  "duplicate-in-file",
  "duplicate-accepted",
] as const;
export type BadRowReason = (typeof BAD_ROW_REASONS)[number];

export interface BadRow {
  line: number;
  reason: BadRowReason;
  /** The column concerned, and the dossier code when there is one (never name or phone). */
  column?: FrameColumn;
  dossierCode?: string;
}

export interface GoodRow {
  line: number;
  dossierCode: string;
  unitId: string;
  procedure: string;
  returnedAt: Date;
  name: string | null;
  phone: string;
  address: string | null;
}

export interface ValidationContext {
  /** The round's strata: unit code → unit id. */
  unitIds: ReadonlyMap<string, string>;
  /** The round's period, whole days, UTC midnight (as stored). */
  periodStart: Date;
  periodEnd: Date;
  /** Dossier codes already accepted for the round. */
  accepted: ReadonlySet<string>;
  /** Dossier codes seen earlier in this file (the validator adds to it). */
  seen: Set<string>;
}

/**
 * Vietnamese mobile and landline numbers: digits only, national form with the leading 0
 * (+84 / 84 prefixes become 0), 10 or 11 digits. Returns null when it cannot be a number.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()/]/g, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  let national = compact;
  if (national.startsWith("+84")) national = "0" + national.slice(3);
  else if (national.startsWith("84") && national.length >= 11) national = "0" + national.slice(2);
  return /^0\d{9,10}$/.test(national) ? national : null;
}

/**
 * A date of return: ISO (2020-09-01, optionally with a time) or the Vietnamese day-first
 * form (1/9/2020, 01-09-2020). Only the calendar day counts (period bounds are days).
 */
export function parseReturnDate(raw: string): Date | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

const cell = (record: readonly string[], index: number | undefined) =>
  index === undefined ? "" : (record[index] ?? "").trim();

/** Check one record of the export; `line` is its 1-based line in the file (header = 1). */
export function validateFrameRecord(
  record: readonly string[],
  line: number,
  index: Partial<Record<FrameColumn, number>>,
  ctx: ValidationContext,
): { ok: true; row: GoodRow } | { ok: false; bad: BadRow } {
  const value = (c: FrameColumn) => cell(record, index[c]);
  const dossierCode = value("dossier_code");
  const bad = (reason: BadRowReason, column?: FrameColumn) => ({
    ok: false as const,
    bad: { line, reason, column, dossierCode: dossierCode || undefined },
  });
  for (const column of ["dossier_code", "unit_code", "procedure", "returned_at"] as const) {
    if (!value(column)) return bad("missing-field", column);
  }
  const unitId = ctx.unitIds.get(value("unit_code"));
  if (!unitId) return bad("unknown-unit", "unit_code");
  if (!value("phone")) return bad("missing-phone", "phone");
  const phone = normalisePhone(value("phone"));
  if (!phone) return bad("invalid-phone", "phone");
  const returnedAt = parseReturnDate(value("returned_at"));
  if (!returnedAt) return bad("invalid-date", "returned_at");
  if (returnedAt < ctx.periodStart || returnedAt > ctx.periodEnd) return bad("outside-period", "returned_at");
  if (ctx.accepted.has(dossierCode)) return bad("duplicate-accepted", "dossier_code");
  if (ctx.seen.has(dossierCode)) return bad("duplicate-in-file", "dossier_code");
  ctx.seen.add(dossierCode);
  return {
    ok: true,
    row: {
      line,
      dossierCode,
      unitId,
      procedure: value("procedure"),
      returnedAt,
      name: value("name") || null,
      phone,
      address: value("address") || null,
    },
  };
}
