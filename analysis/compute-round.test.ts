/** computeRound: output shape, degenerate cases named in the output, input checks. */
import { describe, expect, it } from "vitest";
import { computeRound } from "./compute-round";
import { RoundInputError } from "./round-matrix";
import type { RoundInput } from "./types";

const input: RoundInput = {
  units: [
    { code: "D1", level: "department", population: 100 },
    { code: "D2", level: "department", population: 4 },
    { code: "C1", level: "commune", population: 30 },
    { code: "C2", level: "commune", population: 30 },
  ],
  elements: { E1: ["c01", "c02"], E2: ["c03"] },
  responses: [
    { id: "1", unitCode: "D1", answers: { c01: 5, c02: 4, c03: 2 } },
    { id: "2", unitCode: "D1", answers: { c01: 3, c02: null, c03: 4 } },
    { id: "3", unitCode: "D1", answers: { c01: 4, c02: 1, c03: 5 } },
    { id: "4", unitCode: "D2", answers: { c01: 4, c02: 4, c03: 4 } },
    { id: "5", unitCode: "D2", answers: { c01: 2, c02: 5, c03: 5 } },
    { id: "6", unitCode: "D2", answers: { c01: 5, c02: 5, c03: 1 } },
    { id: "7", unitCode: "D2", answers: { c01: 1, c02: 5 } },
    { id: "8", unitCode: "C1", answers: { c01: 4, c02: 3, c03: null } },
  ],
};

describe("computeRound", () => {
  const r = computeRound(input);

  it("has the documented shape", () => {
    expect(Object.keys(r)).toEqual(["meta", "overall", "levels", "units", "cronbach_alpha", "priorities"]);
    expect(Object.keys(r.levels)).toEqual(["department", "district", "commune"]);
    expect(Object.keys(r.units.D1.criteria.c01)).toEqual([
      "n",
      "n_not_applicable",
      "n_satisfied",
      "counts",
      "p",
      "se",
      "df",
      "ci",
      "ci_method",
      "mean_score",
      "mean_score_se",
      "index",
    ]);
  });

  it("lists units without responses and leaves them out", () => {
    expect(r.meta.units_without_responses).toEqual(["C2"]);
    expect(r.units.C2.n_responses).toBe(0);
    expect(r.units.C2.index).toBeNull();
    expect(r.levels.commune.n_units).toBe(1);
    expect(r.overall.n_units).toBe(3);
  });

  it("names each degenerate case", () => {
    expect(r.units.C1.criteria.c01).toMatchObject({ n: 1, se: null, ci: null, ci_method: null });
    expect(r.units.C1.criteria.c03).toMatchObject({ n: 0, n_not_applicable: 1, p: null, index: null });
    expect(r.units.D2.criteria.c02).toMatchObject({ p: 1, se: 0, ci_method: "clopper-pearson" }); // census, all satisfied
    expect(r.units.D2.criteria.c01).toMatchObject({ p: 0.5, se: 0, ci_method: "clopper-pearson" }); // census
    expect(r.units.D1.criteria.c01.ci_method).toBe("logit");
  });

  it("computes indices as means of what exists", () => {
    const u = r.units.D1;
    expect(u.criteria.c02.p).toBe(0.5);
    expect(u.elements.E1.index).toBeCloseTo((u.criteria.c01.index! + u.criteria.c02.index!) / 2, 12);
    expect(u.index).toBeCloseTo((u.elements.E1.index! + u.elements.E2.index!) / 2, 12);
    expect(r.units.C1.elements.E2.index).toBeNull();
    expect(r.units.C1.index).toBe(r.units.C1.elements.E1.index);
    expect(r.overall.index_mean_of_units).toBeCloseTo((u.index! + r.units.D2.index! + r.units.C1.index!) / 3, 12);
  });

  it("weights the round estimate by N_h", () => {
    // c03: D1 p = 2/3 (N 100), D2 p = 2/3 of 3 answers (N 4): overall 2/3
    expect(r.overall.criteria.c03.p).toBeCloseTo(2 / 3, 15);
    // c01: D1 2/3, D2 2/4, C1 1 → (100·2/3 + 4·0.5 + 30·1)/134
    expect(r.overall.criteria.c01.p).toBeCloseTo((100 * (2 / 3) + 2 + 30) / 134, 15);
    expect(r.overall.criteria.c01.df).toBe(8 - 3);
  });

  it("reports alpha on complete cases and priorities", () => {
    expect(r.cronbach_alpha.elements.E1.n_complete).toBe(7);
    expect(r.cronbach_alpha.elements.E2).toMatchObject({ raw_alpha: null, n_items: 1 });
    expect(r.priorities.map((p) => p.criterion)).toEqual(["c01", "c02", "c03"]);
  });

  it("rejects bad input", () => {
    const bad = (change: (i: RoundInput) => void) => {
      const copy: RoundInput = structuredClone(input);
      change(copy);
      return () => computeRound(copy);
    };
    expect(bad((i) => (i.responses[0].unitCode = "X"))).toThrow(RoundInputError);
    expect(bad((i) => (i.responses[0].answers.c01 = 7))).toThrow(/c01 = 7/);
    expect(bad((i) => (i.responses[1].id = "1"))).toThrow(/duplicate response id 1/);
    expect(bad((i) => (i.units[1].population = 3))).toThrow(/exceed its population/);
    expect(bad((i) => (i.elements.E2 = ["c01"]))).toThrow(/two elements/);
  });
});
