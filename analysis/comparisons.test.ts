/** Comparisons, ranking, priorities, indices and Cronbach's alpha. */
import { describe, expect, it } from "vitest";
import { compareEstimates } from "./compare-estimates";
import { cronbachAlpha } from "./cronbach-alpha";
import { meanIndex } from "./indices";
import {
  criterionPriorities,
  emptyImportanceSums,
  importanceFromSums,
  pearsonFromSums,
  priorityQuadrant,
} from "./priorities";
import { rankUnits } from "./rank-units";

describe("compareEstimates", () => {
  it("uses SE = sqrt(se1² + se2²) and Welch–Satterthwaite df", () => {
    const c = compareEstimates({ estimate: 0.9, se: 0.03, df: 40 }, { estimate: 0.8, se: 0.04, df: 30 });
    expect(c.se).toBeCloseTo(0.05, 15);
    expect(c.statistic).toBeCloseTo(2, 12);
    expect(c.df).toBeCloseTo(0.05 ** 4 / (0.03 ** 4 / 40 + 0.04 ** 4 / 30), 10);
    // R: 2 * pt(2, 59.19494869771113, lower.tail = FALSE)
    expect(c.p_value).toBeCloseTo(0.050095123463897, 12);
    expect(c.significant).toBe(false);
  });
  it("falls back to the normal without df", () => {
    const c = compareEstimates({ estimate: 1, se: 0.3 }, { estimate: 0, se: 0.4 });
    expect(c.df).toBeNull();
    expect(c.p_value).toBeCloseTo(0.0455002638963584, 13); // 2*pnorm(-2)
  });
  it("has no test when both SEs are zero", () => {
    expect(compareEstimates({ estimate: 1, se: 0 }, { estimate: 0.5, se: 0 }).p_value).toBeNull();
  });
});

describe("rankUnits", () => {
  it("marks adjacent units that cannot be told apart", () => {
    const ranked = rankUnits([
      { code: "B", estimate: 0.85, se: 0.03, df: 40 },
      { code: "A", estimate: 0.9, se: 0.02, df: 40 },
      { code: "C", estimate: 0.5, se: 0.05, df: 40 },
    ]);
    expect(ranked.map((r) => [r.code, r.rank, r.indistinguishable_from_next])).toEqual([
      ["A", 1, true],
      ["B", 2, false],
      ["C", 3, null],
    ]);
  });
  it("gives ties the same rank", () => {
    const ranked = rankUnits([
      { code: "A", estimate: 0.8, se: 0.1 },
      { code: "B", estimate: 0.8, se: 0.1 },
      { code: "C", estimate: 0.7, se: 0.1 },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe("priorities", () => {
  it("computes Pearson r from sums", () => {
    // x = 1,2,3,4 ; y = 2,4,5,9
    expect(pearsonFromSums(4, 10, 30, 20, 126, 61)).toBeCloseTo(11 / Math.sqrt(130), 14);
    expect(pearsonFromSums(3, 3, 3, 6, 14, 6)).toBeNull();
  });
  it("labels quadrants against the means", () => {
    const centre = { index: 80, importance: 0.5 };
    expect(priorityQuadrant(70, 0.6, centre)).toBe("weak-and-important");
    expect(priorityQuadrant(90, 0.6, centre)).toBe("strong-and-important");
    expect(priorityQuadrant(70, 0.4, centre)).toBe("weak-and-less-important");
    expect(priorityQuadrant(90, 0.4, centre)).toBe("strong-and-less-important");
  });
  it("labels criteria against the means of all criteria", () => {
    const p = criterionPriorities([
      { criterion: "c01", index: 70, importance: 0.6 },
      { criterion: "c02", index: 90, importance: 0.4 },
      { criterion: "c03", index: null, importance: null },
    ]);
    expect(p.map((x) => x.quadrant)).toEqual(["weak-and-important", "strong-and-less-important", null]);
  });
  it("has no importance without sums", () => {
    expect(importanceFromSums(emptyImportanceSums(1))).toEqual([null]);
  });
});

describe("indices and alpha", () => {
  it("averages the indices that exist", () => {
    expect(meanIndex([80, null, 90])).toBe(85);
    expect(meanIndex([null])).toBeNull();
  });
  it("computes raw alpha on complete cases", () => {
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [4, 4],
        [5, null],
      ]),
    ).toBeCloseTo(0.9473684210526314, 15);
    expect(cronbachAlpha([[1], [2]])).toBeNull();
  });
  it("drops items without variance, as psych does", () => {
    // c2 constant: alpha over c1, c3 only (k = 2)
    const withConstant = cronbachAlpha([
      [1, 3, 2],
      [2, 3, 3],
      [4, 3, 4],
    ]);
    expect(withConstant).toBeCloseTo(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [4, 4],
      ])!,
      15,
    );
  });
});
