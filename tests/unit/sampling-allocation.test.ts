/** The new-round form's logic: pasted N_h, the schema's checks, the allocation it shows. */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { planAllocation } from "~/domain/rounds/allocation-plan";
import { parsePopulationCsv } from "~/domain/rounds/population-csv";
import { buildRoundSchema, validDuring, type UnitOption } from "~/domain/rounds/round-schema";
import { marginOfError } from "../../analysis";

const t = translator("en");
const UNITS: UnitOption[] = [
  { code: "so-noi-vu", name: "Sở Nội vụ", level: "department", validFrom: "2020-01-01T00:00:00.000Z", validTo: null },
  {
    code: "tam-duong",
    name: "Huyện Tam Đường",
    level: "district",
    validFrom: "2020-01-01T00:00:00.000Z",
    validTo: "2025-06-30T00:00:00.000Z",
  },
];
const schema = buildRoundSchema(t, { units: UNITS, takenCodes: ["lai-chau-2020"] });

function form(entries: Record<string, string | string[]>) {
  const fd = new FormData();
  const base: Record<string, string | string[]> = {
    code: "lai-chau-2026",
    title: "Khảo sát 2026",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    planReference: "1/KH",
    instrumentId: "i1",
    units: ["so-noi-vu"],
    "population.so-noi-vu": "1 200",
    rule: "proportional",
    total: "100",
    minimum: "30",
  };
  for (const [k, v] of Object.entries({ ...base, ...entries }))
    for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return parseWithZod(fd, { schema });
}

describe("parsePopulationCsv", () => {
  const known = new Set(["so-noi-vu", "tam-duong"]);
  it("reads code,population lines with an optional header and any delimiter", () => {
    const r = parsePopulationCsv("\uFEFFunit_code,population\nso-noi-vu,1250\ntam-duong,3400\n", known);
    expect(r).toEqual({
      ok: true,
      values: new Map([
        ["so-noi-vu", 1250],
        ["tam-duong", 3400],
      ]),
    });
    expect(parsePopulationCsv("so-noi-vu;1.250\r\ntam-duong;3 400", known)).toEqual({
      ok: true,
      values: new Map([
        ["so-noi-vu", 1250],
        ["tam-duong", 3400],
      ]),
    });
  });
  it("names the line of the first mistake", () => {
    expect(parsePopulationCsv("so-noi-vu,1\nxa-khac,3", known)).toEqual({ ok: false, line: 2, reason: "unknown-unit" });
    expect(parsePopulationCsv("so-noi-vu,0", known)).toEqual({ ok: false, line: 1, reason: "bad-number" });
    expect(parsePopulationCsv("so-noi-vu", known)).toEqual({ ok: false, line: 1, reason: "bad-row" });
  });
});

describe("buildRoundSchema", () => {
  it("accepts a complete form and reads N_h with spaces", () => {
    const s = form({});
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value.population["so-noi-vu"]).toBe(1200);
  });
  it("puts each problem next to its field", () => {
    const s = form({
      code: "lai-chau-2020",
      periodEnd: "2025-12-31",
      units: ["so-noi-vu", "tam-duong"],
      total: "5000",
    });
    const errors = s.reply().error ?? {};
    expect(errors.code).toEqual([t("rounds.errCodeTaken")]);
    expect(errors.periodEnd).toEqual([t("rounds.errPeriod")]);
    expect(errors["population.tam-duong"]).toEqual([t("rounds.errPopulation")]);
  });
  it("refuses units that did not exist in the period and totals the units cannot hold", () => {
    const late = form({
      periodStart: "2025-07-01",
      periodEnd: "2025-12-31",
      units: ["tam-duong"],
      "population.tam-duong": "50",
      total: "20",
    });
    expect(late.reply().error?.units?.[0]).toContain("Huyện Tam Đường");
    expect(form({ total: "1300" }).reply().error?.total).toEqual([t("rounds.errTotalRange", { min: 30, max: 1200 })]);
    expect(validDuring(UNITS[1], new Date("2025-06-01"), new Date("2025-12-31"))).toBe(true);
  });
  it("needs n_h by hand for the manual rule, at most N_h", () => {
    expect(form({ rule: "manual", "manual.so-noi-vu": "1300" }).reply().error?.["manual.so-noi-vu"]).toEqual([
      t("rounds.errManualMax"),
    ]);
    expect(form({ rule: "manual", "manual.so-noi-vu": "40" }).status).toBe("success");
  });
});

describe("planAllocation", () => {
  const units = [
    { code: "A", level: "department" as const, population: 600 },
    { code: "B", level: "commune" as const, population: 300 },
    { code: "C", level: "commune" as const, population: 100 },
  ];
  it("uses analysis/ for n_h and the margins", () => {
    const plan = planAllocation(units, { rule: "proportional", total: 100, minimum: 20 });
    expect(plan.rows.map((r) => r.n)).toEqual([53, 27, 20]);
    expect(plan.total).toBe(100);
    expect(plan.rows[0].margin).toBeCloseTo(marginOfError({ n: 53, population: 600 }), 12);
    expect(plan.roundMargin).toBeLessThan(plan.rows[2].margin!);
  });
  it("caps manual sizes at N_h and leaves units without a sample out of the margin", () => {
    const plan = planAllocation(units, { rule: "manual", sizes: { A: 10, C: 500 } });
    expect(plan.rows.map((r) => [r.n, r.margin === null])).toEqual([
      [10, false],
      [0, true],
      [100, false],
    ]);
  });
});
