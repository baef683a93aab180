/** Sample size, margin of error and allocation (Yamane 1967, Cochran 1977). */
import { describe, expect, it } from "vitest";
import { allocateSample, apportion, type AllocationUnit } from "./allocation";
import { marginOfError, plannedMargins, stratifiedMarginOfError } from "./margin-of-error";
import { cochranSampleSize, yamaneSampleSize } from "./sample-size";

describe("sample size", () => {
  it("Yamane: n = N / (1 + N e²), rounded up", () => {
    expect(yamaneSampleSize(1000)).toBe(286);
    expect(yamaneSampleSize(10)).toBe(10);
    expect(yamaneSampleSize(1e9, 0.04)).toBe(625); // docs/method/sipas.md: 625 = 1/0.04²
  });
  it("Cochran with and without fpc", () => {
    expect(cochranSampleSize({ marginOfError: 0.05 })).toBe(385); // 1.96²·0.25/0.0025 = 384.1
    expect(cochranSampleSize({ marginOfError: 0.05, population: 1000 })).toBe(278);
    expect(cochranSampleSize({ marginOfError: 0.05, proportion: 0.8 })).toBe(246);
  });
  it("rejects nonsense", () => expect(() => yamaneSampleSize(0)).toThrow(RangeError));
});

describe("margin of error", () => {
  it("inverts Cochran's formula", () => {
    expect(marginOfError({ n: 278, population: 1000 })).toBeLessThanOrEqual(0.05);
    expect(marginOfError({ n: 277, population: 1000 })).toBeGreaterThan(0.05);
    expect(marginOfError({ n: 385 })).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 385), 14);
    expect(marginOfError({ n: 20, population: 20 })).toBe(0);
  });
  it("reduces to the one-unit formula for one stratum", () => {
    expect(stratifiedMarginOfError([{ n: 50, population: 400 }])).toBeCloseTo(
      marginOfError({ n: 50, population: 400 }),
      15,
    );
  });
  it("reports planned margins per unit and for the round", () => {
    const m = plannedMargins([
      { code: "A", n: 50, population: 400 },
      { code: "B", n: 30, population: 100 },
    ]);
    expect(m.units[0].margin_of_error).toBeCloseTo(marginOfError({ n: 50, population: 400 }), 15);
    expect(m.round).toBeCloseTo(
      stratifiedMarginOfError([
        { n: 50, population: 400 },
        { n: 30, population: 100 },
      ]),
      15,
    );
  });
  it("is smaller for the round than for its units", () => {
    const strata = [
      { n: 50, population: 400 },
      { n: 30, population: 100 },
      { n: 40, population: 2000 },
    ];
    const round = stratifiedMarginOfError(strata);
    for (const s of strata) expect(round).toBeLessThan(marginOfError(s));
  });
});

describe("allocation", () => {
  const units: AllocationUnit[] = [
    { code: "A", level: "department", population: 600 },
    { code: "B", level: "commune", population: 300 },
    { code: "C", level: "commune", population: 100 },
  ];
  it("proportional with a minimum adds up exactly", () => {
    expect(allocateSample(units, { method: "proportional", total: 100, minimum: 20 })).toEqual([
      { code: "A", n: 53 },
      { code: "B", n: 27 },
      { code: "C", n: 20 },
    ]);
    expect(allocateSample(units, { method: "proportional", total: 10 }).map((u) => u.n)).toEqual([6, 3, 1]);
  });
  it("never exceeds N_h and redistributes what a census leaves", () => {
    const small: AllocationUnit[] = [{ code: "S", level: "commune", population: 5 }, ...units];
    const n = allocateSample(small, { method: "proportional", total: 900, minimum: 30 });
    expect(n[0].n).toBe(5);
    expect(n.reduce((s, u) => s + u.n, 0)).toBe(900);
    n.forEach((u, i) => expect(u.n).toBeLessThanOrEqual(small[i].population));
  });
  it("Neyman allocates by N_h·S_h", () => {
    const n = allocateSample(
      [
        { ...units[0], sd: 0.1 },
        { ...units[1], sd: 0.5 },
      ],
      { method: "neyman", total: 100 },
    );
    expect(n.map((u) => u.n)).toEqual([29, 71]); // 60 : 150
  });
  it("fixed per level, capped at N_h", () => {
    expect(
      allocateSample(units, { method: "fixed", perLevel: { department: 40, district: 30, commune: 150 } }).map(
        (u) => u.n,
      ),
    ).toEqual([40, 150, 100]);
  });
  it("uses largest remainders", () => {
    expect(apportion(10, [1, 1, 1], [0, 0, 0], [10, 10, 10])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 3, 2], [0, 0, 0], [9, 9, 9])).toEqual([4, 2, 1]); // 3.5, 2.1, 1.4
  });
  it("rejects a total the populations cannot hold", () => {
    expect(() => allocateSample(units, { method: "proportional", total: 1001 })).toThrow(RangeError);
    expect(() => allocateSample(units, { method: "proportional", total: 30, minimum: 20 })).toThrow(RangeError);
  });
});
