/** Design-based estimates against hand-computed values (Cochran 1977 §5.3). */
import { describe, expect, it } from "vitest";
import { estimateCriterion } from "./criterion-estimate";
import { stratifiedMean } from "./stratified-mean";

describe("stratifiedMean", () => {
  it("weights strata by N_h and applies each fpc", () => {
    const r = stratifiedMean([
      { population: 100, n: 4, mean: 3.5, sumSquaredDeviations: 5 },
      { population: 50, n: 2, mean: 4, sumSquaredDeviations: 2 },
    ])!;
    expect(r.estimate).toBeCloseTo((100 * 3.5 + 50 * 4) / 150, 15);
    // (1-4/100)(100/150)²(5/3)/4 + (1-2/50)(50/150)²(2/1)/2
    const v = 0.96 * (4 / 9) * (5 / 3 / 4) + 0.96 * (1 / 9) * (2 / 2);
    expect(r.se).toBeCloseTo(Math.sqrt(v), 15);
    expect(r.df).toBe(4);
  });
  it("centres a lonely stratum at the grand mean (survey.lonely.psu = 'adjust')", () => {
    const r = stratifiedMean([
      { population: 10, n: 2, mean: 1, sumSquaredDeviations: 0 },
      { population: 30, n: 1, mean: 0, sumSquaredDeviations: 0 },
    ])!;
    expect(r.estimate).toBe(0.25);
    expect(r.se).toBeCloseTo(Math.sqrt((29 / 30) * (30 / 40) ** 2 * 0.25 ** 2), 15);
    expect(r.df).toBe(1);
  });
  it("gives a census stratum no variance", () => {
    const r = stratifiedMean([{ population: 5, n: 5, mean: 0.6, sumSquaredDeviations: 1.2 }])!;
    expect(r.se).toBe(0);
  });
  it("is null without answers", () =>
    expect(stratifiedMean([{ population: 5, n: 0, mean: NaN, sumSquaredDeviations: 0 }])).toBeNull());
});

describe("estimateCriterion", () => {
  it("computes a unit's proportion, SE with fpc, df and mean score", () => {
    // counts: NA 1, scores 2×1, 3×2, 4×4, 5×3 → n 10, satisfied 7
    const e = estimateCriterion([{ population: 40, counts: [1, 0, 1, 2, 4, 3] }]);
    expect(e).toMatchObject({
      n: 10,
      n_not_applicable: 1,
      n_satisfied: 7,
      counts: [0, 1, 2, 4, 3],
      df: 9,
      ci_method: "logit",
    });
    expect(e.p).toBeCloseTo(0.7, 15);
    expect(e.index).toBeCloseTo(70, 13);
    expect(e.se).toBeCloseTo(Math.sqrt(((1 - 10 / 40) * (0.7 * 0.3)) / 9), 15);
    expect(e.mean_score).toBeCloseTo(3.9, 15);
    expect(e.mean_score_se).toBeCloseTo(Math.sqrt((0.75 * (8.9 / 9)) / 10), 15);
    expect(e.ci![0]).toBeLessThan(0.7);
    expect(e.ci![1]).toBeGreaterThan(0.7);
  });
  it("uses Clopper-Pearson when all answers are alike", () => {
    const e = estimateCriterion([{ population: 200, counts: [0, 0, 0, 0, 0, 10] }]);
    expect(e).toMatchObject({ p: 1, se: 0, ci_method: "clopper-pearson" });
    expect(e.ci![1]).toBe(1);
    expect(e.ci![0]).toBeCloseTo(0.69150289218123917, 13);
  });
  it("uses Clopper-Pearson for a census", () => {
    const e = estimateCriterion([{ population: 10, counts: [0, 0, 0, 3, 7, 0] }]);
    expect(e).toMatchObject({ se: 0, ci_method: "clopper-pearson" });
    expect(e.ci![0]).toBeCloseTo(0.34754714994000269, 13);
  });
  it("gives a single answer no SE", () => {
    const e = estimateCriterion([{ population: 50, counts: [0, 0, 0, 0, 1, 0] }]);
    expect(e).toMatchObject({
      n: 1,
      p: 1,
      index: 100,
      se: null,
      ci: null,
      ci_method: null,
      mean_score: 4,
      mean_score_se: null,
      df: 0,
    });
  });
  it("gives no interval when every stratum is lonely (df = 0)", () => {
    const e = estimateCriterion([
      { population: 50, counts: [0, 0, 0, 0, 1, 0] },
      { population: 60, counts: [0, 0, 1, 0, 0, 0] },
    ]);
    expect(e.df).toBe(0);
    expect(e.se).toBeGreaterThan(0);
    expect(e).toMatchObject({ ci: null, ci_method: null });
  });
  it("is all null without answers", () => {
    const e = estimateCriterion([{ population: 50, counts: [3, 0, 0, 0, 0, 0] }]);
    expect(e).toMatchObject({ n: 0, n_not_applicable: 3, p: null, se: null, ci: null, mean_score: null, index: null });
  });
});
