/** The sampling frame's CSV checks: every bad-row reason, BOM, semicolon, CRLF, aliases. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDelimiter, mapHeader } from "~/domain/sampling/frame-columns";
import {
  normalisePhone,
  parseReturnDate,
  validateFrameRecord,
  type ValidationContext,
} from "~/domain/sampling/frame-row";
import { readFrameFile } from "~/domain/sampling/read-frame-file.server";

const HEADER = ["dossier_code", "unit_code", "procedure", "returned_at", "name", "phone", "address"];
const index = (mapHeader(HEADER) as { ok: true; index: Record<string, number> }).index;

function context(accepted: string[] = []): ValidationContext {
  return {
    unitIds: new Map([["so-noi-vu", "unit-1"]]),
    periodStart: new Date("2020-08-15T00:00:00Z"),
    periodEnd: new Date("2020-10-31T00:00:00Z"),
    accepted: new Set(accepted),
    seen: new Set(),
  };
}
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    dossier_code: "HS-1",
    unit_code: "so-noi-vu",
    procedure: "Cấp phép",
    returned_at: "2020-09-01",
    name: "Nguyễn Văn A",
    phone: "0912 345 678",
    address: "Tam Đường",
  };
  return HEADER.map((h) => over[h] ?? base[h]);
};

describe("validateFrameRecord", () => {
  it("accepts a good row and normalises it", () => {
    const r = validateFrameRecord(row(), 2, index, context());
    expect(r).toEqual({
      ok: true,
      row: {
        line: 2,
        dossierCode: "HS-1",
        unitId: "unit-1",
        procedure: "Cấp phép",
        returnedAt: new Date("2020-09-01T00:00:00Z"),
        name: "Nguyễn Văn A",
        phone: "0912345678",
        address: "Tam Đường",
      },
    });
  });
  it.each([
    [{ procedure: "" }, "missing-field", "procedure"],
    [{ dossier_code: " " }, "missing-field", "dossier_code"],
    [{ unit_code: "so-khac" }, "unknown-unit", "unit_code"],
    [{ phone: "" }, "missing-phone", "phone"],
    [{ phone: "12345" }, "invalid-phone", "phone"],
    [{ returned_at: "31/02/2020" }, "invalid-date", "returned_at"],
    [{ returned_at: "2020-11-01" }, "outside-period", "returned_at"],
    [{ returned_at: "14/08/2020" }, "outside-period", "returned_at"],
  ])("%o → %s", (over, reason, column) => {
    const r = validateFrameRecord(row(over), 7, index, context());
    expect(r).toMatchObject({ ok: false, bad: { line: 7, reason, column } });
  });
  it("keeps the first of a repeated dossier code and rejects the others", () => {
    const ctx = context();
    expect(validateFrameRecord(row(), 2, index, ctx).ok).toBe(true);
    expect(validateFrameRecord(row(), 3, index, ctx)).toMatchObject({
      ok: false,
      bad: { line: 3, reason: "duplicate-in-file", dossierCode: "HS-1" },
    });
  });
  it("rejects a dossier already accepted for the round", () => {
    expect(validateFrameRecord(row(), 2, index, context(["HS-1"]))).toMatchObject({
      ok: false,
      bad: { reason: "duplicate-accepted" },
    });
  });
  it("includes both ends of the period", () => {
    expect(validateFrameRecord(row({ returned_at: "15/8/2020" }), 2, index, context()).ok).toBe(true);
    expect(validateFrameRecord(row({ returned_at: "2020-10-31 16:45" }), 2, index, context()).ok).toBe(true);
  });
});

describe("phones, dates and headers", () => {
  it("normalises phones to digits with the leading 0", () => {
    expect(normalisePhone("+84 912.345.678")).toBe("0912345678");
    expect(normalisePhone("84912345678")).toBe("0912345678");
    expect(normalisePhone("(0213) 387-6543")).toBe("02133876543");
    expect(normalisePhone("091234")).toBeNull();
    expect(normalisePhone("09a2345678")).toBeNull();
  });
  it("reads ISO and day-first dates, refuses impossible ones", () => {
    expect(parseReturnDate("01/09/2020")).toEqual(new Date("2020-09-01T00:00:00Z"));
    expect(parseReturnDate("2020-9-1T10:00:00")).toEqual(new Date("2020-09-01T00:00:00Z"));
    expect(parseReturnDate("2020-02-30")).toBeNull();
    expect(parseReturnDate("hôm qua")).toBeNull();
  });
  it("maps Vietnamese header aliases and reports missing columns", () => {
    const mapped = mapHeader([
      "Mã hồ sơ",
      "Mã đơn vị",
      "Thủ tục",
      "Ngày trả kết quả",
      "Họ và tên",
      "Số điện thoại",
      "Địa chỉ",
    ]);
    expect(mapped).toEqual({
      ok: true,
      index: { dossier_code: 0, unit_code: 1, procedure: 2, returned_at: 3, name: 4, phone: 5, address: 6 },
    });
    expect(mapHeader(["dossier_code", "unit_code"])).toEqual({
      ok: false,
      missing: ["procedure", "returned_at", "phone"],
    });
  });
  it("detects the delimiter on the header line", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a,b;c,d")).toBe(",");
  });
});

describe("readFrameFile", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "frame-test-"));
  async function read(content: string | Buffer) {
    const file = path.join(dir, `f-${Math.random()}.csv`);
    writeFileSync(file, content);
    const r = await readFrameFile(file);
    const records = [];
    for await (const rec of r.records) records.push(rec);
    return { delimiter: r.delimiter, records, fingerprint: r.fingerprint() };
  }
  it("strips the BOM, reads semicolons and CRLF, numbers lines and skips blank lines", async () => {
    const { delimiter, records, fingerprint } = await read('\uFEFFdossier_code;unit_code\r\nA;x\r\n\r\nB;"y;z"\r\n');
    expect(delimiter).toBe(";");
    expect(records).toEqual([
      { line: 1, cells: ["dossier_code", "unit_code"] },
      { line: 2, cells: ["A", "x"] },
      { line: 4, cells: ["B", "y;z"] },
    ]);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
  it("reads commas and LF, and fingerprints the bytes", async () => {
    const a = await read("dossier_code,unit_code\nA,x\n");
    const b = await read("dossier_code,unit_code\nA,x\n");
    const c = await read("dossier_code,unit_code\nA,y\n");
    expect(a.delimiter).toBe(",");
    expect(a.records[1]).toEqual({ line: 2, cells: ["A", "x"] });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});
