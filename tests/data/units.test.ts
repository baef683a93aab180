import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyUnitImport, listUnitCodes, reorganiseUnits, updateUnit } from "~/models/unit.server";
import { checkUnitImport } from "~/domain/units/unit-import";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

// Units are dated data (docs/method/sipas.md §5): imports are all-or-nothing, and a merger ends old
// units without deleting them, so the rounds that sampled them keep them.

const tag = () => randomUUID().slice(0, 8);

describe("applyUnitImport", () => {
  it("creates and updates the checked rows, parents set even when the commune comes first", async () => {
    const s = tag();
    const csv = [
      "code;name;level;parent_code;valid_from",
      `xa-${s};Xã ${s};commune;huyen-${s};2021-01-01`,
      `huyen-${s};Huyện ${s};district;;2021-01-01`,
    ].join("\n");
    const report = checkUnitImport(csv, await listUnitCodes());
    expect(report.problems).toEqual([]);
    const result = await applyUnitImport(report.rows);
    expect(result.created).toEqual([`xa-${s}`, `huyen-${s}`]);
    const commune = await prisma.unit.findUniqueOrThrow({ where: { code: `xa-${s}` }, include: { parent: true } });
    expect(commune.parent?.code).toBe(`huyen-${s}`);
    expect(commune.validFrom.toISOString()).toBe("2021-01-01T00:00:00.000Z");

    const again = checkUnitImport(`code,name,level,parent_code\nhuyen-${s},Huyện mới ${s},district,`, await listUnitCodes());
    expect(again.rows[0].action).toBe("update");
    await applyUnitImport(again.rows);
    expect((await prisma.unit.findUniqueOrThrow({ where: { code: `huyen-${s}` } })).name).toBe(`Huyện mới ${s}`);
  });

  it("writes nothing when a row fails half-way", async () => {
    const s = tag();
    const rows = [
      { line: 2, code: `ok-${s}`, name: "Sở A", level: "department" as const, parentCode: null, validFrom: null, validTo: null, action: "create" as const },
      // A parent that vanished after the check: the second pass throws.
      { line: 3, code: `bad-${s}`, name: "Xã B", level: "commune" as const, parentCode: `gone-${s}`, validFrom: null, validTo: null, action: "create" as const },
    ];
    await expect(applyUnitImport(rows)).rejects.toThrow();
    expect(await prisma.unit.count({ where: { code: { in: [`ok-${s}`, `bad-${s}`] } } })).toBe(0);
  });
});

describe("updateUnit", () => {
  it("refuses a parent that is not a district", async () => {
    const { units } = await createSurvey({ units: [{ key: "dept", level: "department", population: 10 }, { key: "xa", level: "commune", population: 10 }] });
    const result = await updateUnit(units.xa.id, { name: "Xã", parentCode: units.dept.code, validFrom: "2020-01-01" });
    expect(result).toEqual({ ok: false, error: "parentNotDistrict" });
  });
});

describe("reorganiseUnits", () => {
  it("ends the merged units, points them at a new successor and keeps old strata", async () => {
    const { round, units } = await createSurvey({
      units: [
        { key: "xa1", level: "commune", population: 50 },
        { key: "xa2", level: "commune", population: 60 },
      ],
    });
    const s = tag();
    const result = await reorganiseUnits({
      merged: [units.xa1.code, units.xa2.code],
      successorCode: `xa-moi-${s}`,
      successorName: `Xã mới ${s}`,
      successorLevel: "commune",
      from: "2025-07-01",
    });
    expect(result.ok).toBe(true);
    const old = await prisma.unit.findMany({ where: { id: { in: [units.xa1.id, units.xa2.id] } }, include: { successor: true } });
    for (const unit of old) {
      expect(unit.validTo?.toISOString()).toBe("2025-07-01T00:00:00.000Z");
      expect(unit.successor?.code).toBe(`xa-moi-${s}`);
    }
    const successor = await prisma.unit.findUniqueOrThrow({ where: { code: `xa-moi-${s}` } });
    expect(successor.validFrom.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(await prisma.stratum.count({ where: { roundId: round.id } })).toBe(2);

    // A unit no longer valid on the date cannot be merged again.
    const again = await reorganiseUnits({ merged: [units.xa1.code], successorCode: `xa-moi-${s}`, from: "2026-01-01" });
    expect(again).toEqual({ ok: false, error: { reason: "notValidAt", value: units.xa1.code } });
    // Nor can units merge into a successor that does not exist yet on the date.
    const { units: later } = await createSurvey({ units: [{ key: "xa3", level: "commune", population: 5 }] });
    const early = await reorganiseUnits({ merged: [later.xa3.code], successorCode: `xa-moi-${s}`, from: "2024-01-01" });
    expect(early).toEqual({ ok: false, error: { reason: "notValidAt", value: `xa-moi-${s}` } });
  });

  it("moves the still-valid communes of merged districts to the successor district", async () => {
    const { units } = await createSurvey({
      units: [
        { key: "h1", level: "district", population: 1 },
        { key: "h2", level: "district", population: 1 },
        { key: "xa", level: "commune", population: 1 },
      ],
    });
    await prisma.unit.update({ where: { id: units.xa.id }, data: { parentId: units.h1.id } });
    const result = await reorganiseUnits({ merged: [units.h1.code], successorCode: units.h2.code, from: "2025-07-01" });
    expect(result.ok && result.created).toBe(false);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: units.xa.id } })).parentId).toBe(units.h2.id);
  });

  it("names an unknown unit and asks for the name of a new successor", async () => {
    expect(await reorganiseUnits({ merged: ["khong-co-xa-nay"], successorCode: "x", from: "2025-01-01" })).toEqual({
      ok: false,
      error: { reason: "unknownUnit", value: "khong-co-xa-nay" },
    });
    const { units } = await createSurvey();
    expect(await reorganiseUnits({ merged: [units.dept.code], successorCode: `new-${tag()}`, from: "2025-01-01" })).toEqual({
      ok: false,
      error: { reason: "successorNeedsName" },
    });
  });
});
