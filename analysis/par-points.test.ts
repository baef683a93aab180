import { describe, expect, it } from "vitest";
import { maxParPoints, parPoints, roundHalfAway, type ParRuleDefinition } from "./par-points";

const linear: ParRuleDefinition = { kind: "linear", maxPoints: 10, from: 50, to: 100 };
const thresholds: ParRuleDefinition = {
  kind: "thresholds",
  // Deliberately out of order: the highest step reached wins, whatever the order typed.
  steps: [
    { min: 80, points: 4 },
    { min: 90, points: 6 },
    { min: 70, points: 2.5 },
  ],
};

describe("parPoints, linear", () => {
  it("gives 0 at and below `from` and maxPoints at and above `to`", () => {
    expect(parPoints(50, linear)).toBe(0);
    expect(parPoints(12.3, linear)).toBe(0);
    expect(parPoints(100, linear)).toBe(10);
    expect(parPoints(120, linear)).toBe(10);
  });

  it("interpolates linearly between, rounded to 2 decimals", () => {
    // 10 × (85.48 − 50) / 50 = 7.096 → 7.10
    expect(parPoints(85.48, linear)).toBe(7.1);
    // 10 × 25 / 50 = 5 exactly
    expect(parPoints(75, linear)).toBe(5);
    // 3 × (61 − 60) / 30 = 0.1
    expect(parPoints(61, { kind: "linear", maxPoints: 3, from: 60, to: 90 })).toBe(0.1);
    // 2 × (83.335 − 50) / 50 = 1.3334 → 1.33
    expect(parPoints(83.335, { kind: "linear", maxPoints: 2, from: 50, to: 100 })).toBe(1.33);
  });

  it("is monotone in the index", () => {
    let previous = -1;
    for (let index = 0; index <= 100; index += 0.25) {
      const points = parPoints(index, linear)!;
      expect(points).toBeGreaterThanOrEqual(previous);
      previous = points;
    }
  });
});

describe("parPoints, thresholds", () => {
  it("gives the points of the highest step reached", () => {
    expect(parPoints(95, thresholds)).toBe(6);
    expect(parPoints(90, thresholds)).toBe(6);
    expect(parPoints(89.99, thresholds)).toBe(4);
    expect(parPoints(80, thresholds)).toBe(4);
    expect(parPoints(70, thresholds)).toBe(2.5);
  });

  it("gives 0 below every step, and 0 for a rule without steps", () => {
    expect(parPoints(69.99, thresholds)).toBe(0);
    expect(parPoints(99, { kind: "thresholds", steps: [] })).toBe(0);
  });
});

describe("units without an index", () => {
  it("get no points (null), not 0", () => {
    expect(parPoints(null, linear)).toBeNull();
    expect(parPoints(undefined, thresholds)).toBeNull();
    expect(parPoints(Number.NaN, linear)).toBeNull();
  });
});

describe("roundHalfAway and maxParPoints", () => {
  it("rounds on the decimal value, half away from zero", () => {
    expect(roundHalfAway(1.005)).toBe(1.01);
    expect(roundHalfAway(2.675)).toBe(2.68);
    expect(roundHalfAway(-1.005)).toBe(-1.01);
    expect(roundHalfAway(7.096)).toBe(7.1);
  });

  it("states the most points a rule gives", () => {
    expect(maxParPoints(linear)).toBe(10);
    expect(maxParPoints(thresholds)).toBe(6);
    expect(maxParPoints({ kind: "thresholds", steps: [] })).toBe(0);
  });
});
