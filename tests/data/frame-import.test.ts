/** Frame import on a real database: pending until accepted, all-or-nothing accept and discard. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptFrameImport, countFrameByUnit, discardFrameImport, FrameDecisionError, getFrameImport, importFrameFile } from "~/models/frame.server";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "frame-data-"));
function csv(lines: string[], name = `f-${Math.random()}.csv`) {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}
const HEADER = "dossier_code;unit_code;procedure;returned_at;name;phone;address";

async function roundWithUnits() {
  const { round, units } = await createSurvey({ units: [{ key: "a", level: "department", population: 100 }, { key: "b", level: "commune", population: 50 }], status: "draft" });
  return { round, a: units.a.code, b: units.b.code, unitA: units.a.id };
}

describe("importFrameFile", () => {
  it("imports good rows as pending (out of the frame) and reports every bad row with its line", async () => {
    const { round, a, b } = await roundWithUnits();
    const file = csv([
      "\uFEFF" + HEADER,
      `HS-1;${a};Cấp phép;2020-09-01;Nguyễn Văn A;0912345678;Tam Đường`,
      `HS-2;${b};Chứng thực;01/10/2020;Lò Thị B;+84 987 654 321;`,
      `HS-3;khong-co;Chứng thực;01/10/2020;C;0987654321;`,
      `HS-4;${a};Cấp phép;2020-09-01;D;;`,
      `HS-5;${a};Cấp phép;2021-01-01;E;0912345679;`,
      `HS-1;${a};Cấp phép;2020-09-02;F;0912345670;`,
      `HS-7;${a};;2020-09-02;G;0912345671;`,
    ]);
    const done = await importFrameFile({ roundId: round.id, path: file, fileName: "export.csv", userId: null });
    expect(done).toMatchObject({ status: "pending", rowCount: 2, badRowCount: 5 });
    expect(done.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const report = (await getFrameImport(round.id, done.id))!.report;
    expect(report.badRows.map((r) => [r.line, r.reason])).toEqual([
      [4, "unknown-unit"],
      [5, "missing-phone"],
      [6, "outside-period"],
      [7, "duplicate-in-file"],
      [8, "missing-field"],
    ]);
    expect(report.counts["unknown-unit"]).toBe(1);
    const rows = await prisma.frameRow.findMany({ where: { importId: done.id }, orderBy: { line: "asc" } });
    expect(rows.map((r) => [r.line, r.dossierCode, r.phone])).toEqual([[2, "HS-1", "0912345678"], [3, "HS-2", "0987654321"]]);
    expect((await countFrameByUnit(round.id)).size).toBe(0);
    // The batched raw INSERT stores dates exactly as Prisma's own writes do.
    const viaPrisma = await prisma.frameRow.create({ data: { importId: done.id, roundId: round.id, unitId: rows[0].unitId, line: 99, dossierCode: "HS-99", procedure: "X", returnedAt: new Date("2020-09-01T00:00:00Z") } });
    const stored = await prisma.$queryRaw<{ id: string; text: string }[]>`SELECT "id", "returnedAt" || '' AS "text" FROM "FrameRow" WHERE "id" IN (${rows[0].id}, ${viaPrisma.id})`;
    expect(new Set(stored.map((r) => r.text)).size).toBe(1);
  });

  it("reports missing columns instead of rows", async () => {
    const { round } = await roundWithUnits();
    const done = await importFrameFile({ roundId: round.id, path: csv(["dossier_code,unit_code", "HS-1,x"]), fileName: "bad.csv", userId: null });
    expect(done.rowCount).toBe(0);
    expect((await getFrameImport(round.id, done.id))!.report.fileError).toEqual({ reason: "missing-columns", columns: ["procedure", "returned_at", "phone"] });
  });
});

describe("accept and discard", () => {
  it("accept makes every row part of the frame at once; a later file's duplicates are reported", async () => {
    const { round, a, unitA } = await roundWithUnits();
    const lines = Array.from({ length: 2500 }, (_, i) => `HS-${i};${a};Cấp phép;2020-09-01;N;09123${String(i).padStart(5, "0")};`);
    const first = await importFrameFile({ roundId: round.id, path: csv([HEADER, ...lines]), fileName: "1.csv", userId: null });
    expect(first.rowCount).toBe(2500);
    await acceptFrameImport(round.id, first.id, null);
    expect((await countFrameByUnit(round.id)).get(unitA)).toBe(2500);
    await expect(acceptFrameImport(round.id, first.id, null)).rejects.toBeInstanceOf(FrameDecisionError);
    const second = await importFrameFile({ roundId: round.id, path: csv([HEADER, lines[0], `HS-new;${a};X;2020-09-01;N;0912000000;`]), fileName: "2.csv", userId: null });
    expect(second).toMatchObject({ rowCount: 1, badRowCount: 1 });
    expect((await getFrameImport(round.id, second.id))!.report.badRows[0]).toMatchObject({ line: 2, reason: "duplicate-accepted" });
    const audit = await prisma.auditEntry.findMany({ where: { entity: "FrameImport", entityId: first.id } });
    expect(audit.map((e) => e.action).sort()).toEqual(["frame.accept", "frame.upload"]);
    expect(audit.every((e) => !String(e.after).includes("0912"))).toBe(true);
  });

  it("discard deletes the pending rows and keeps the record", async () => {
    const { round, a } = await roundWithUnits();
    const done = await importFrameFile({ roundId: round.id, path: csv([HEADER, `HS-1;${a};X;2020-09-01;N;0912345678;`]), fileName: "d.csv", userId: null });
    await discardFrameImport(round.id, done.id, null);
    expect(await prisma.frameRow.count({ where: { importId: done.id } })).toBe(0);
    expect((await prisma.frameImport.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("discarded");
    await expect(acceptFrameImport(round.id, done.id, null)).rejects.toMatchObject({ reason: "not-pending" });
  });

  it("refuses to accept a file whose dossiers another accepted file now holds", async () => {
    const { round, a } = await roundWithUnits();
    const row = `HS-1;${a};X;2020-09-01;N;0912345678;`;
    const one = await importFrameFile({ roundId: round.id, path: csv([HEADER, row]), fileName: "a.csv", userId: null });
    const two = await importFrameFile({ roundId: round.id, path: csv([HEADER, row]), fileName: "b.csv", userId: null });
    await acceptFrameImport(round.id, one.id, null);
    await expect(acceptFrameImport(round.id, two.id, null)).rejects.toMatchObject({ reason: "duplicates", count: 1 });
    expect((await prisma.frameImport.findUniqueOrThrow({ where: { id: two.id } })).status).toBe("pending");
  });
});
