/**
 * Change between rounds (ADR 010). Reference values from R 4.2.2:
 *   se <- sqrt(se1^2 + se2^2); df <- se^4 / (se1^4/df1 + se2^4/df2)
 *   2 * pt(-abs(d / se), df); d + c(-1, 1) * qt(0.975, df) * se
 */
import { describe, expect, it } from "vitest";
import { ELEMENTS_2017, syntheticRound } from "../tests/fixtures/r/synthetic-round";
import { compareIndices, compareRounds } from "./compare-rounds";
import { computeRound } from "./compute-round";
import type { RoundInput } from "./types";

describe("compareIndices", () => {
  it("matches R's Welch t for a rise that is not significant", () => {
    const c = compareIndices({ index: 82, se: 1.5, df: 400, ci: null }, { index: 78, se: 1.6, df: 380, ci: null })!;
    expect(c.difference).toBe(4);
    expect(c.se).toBeCloseTo(2.1931712199461311, 14);
    expect(c.df!).toBeCloseTo(773.71621428367143, 9);
    expect(c.p_value!).toBeCloseTo(0.068561434219104475, 12);
    expect(c.ci![0]).toBeCloseTo(-0.30527138109963037, 10);
    expect(c.ci![1]).toBeCloseTo(8.3052713810996295, 10);
    expect(c.real).toBe(false);
    expect(c.significant).toBe(false);
  });

  it("matches R for a fall that is real", () => {
    const c = compareIndices({ index: 70, se: 2, df: 30, ci: null }, { index: 75, se: 0.9, df: 200, ci: null })!;
    expect(c.difference).toBe(-5);
    expect(c.df!).toBeCloseTo(43.114989891862038, 9);
    expect(c.p_value!).toBeCloseTo(0.02762546614989083, 12);
    expect(c.ci![0]).toBeCloseTo(-9.4226101825357222, 10);
    expect(c.ci![1]).toBeCloseTo(-0.57738981746427775, 10);
    expect(c.real).toBe(true);
    expect(c.current).toBe(70);
    expect(c.previous).toBe(75);
  });

  it("uses the other side's df when one side has SE 0 (a census)", () => {
    const c = compareIndices({ index: 53, se: 1.2, df: 25, ci: null }, { index: 50, se: 0, df: 7, ci: null })!;
    expect(c.df).toBe(25);
    expect(c.p_value!).toBeCloseTo(0.019343127569942695, 12); // 2 * pt(-2.5, 25)
    expect(c.real).toBe(true);
  });

  it("has no test without an SE, and nothing without an index", () => {
    const single = compareIndices({ index: 60, se: null, df: null, ci: null }, { index: 50, se: 1, df: 10, ci: null })!;
    expect(single.difference).toBe(10);
    expect(single.se).toBeNull();
    expect(single.real).toBeNull();
    const both0 = compareIndices({ index: 60, se: 0, df: 3, ci: null }, { index: 50, se: 0, df: 3, ci: null })!;
    expect(both0.real).toBeNull();
    expect(
      compareIndices({ index: null, se: null, df: null, ci: null }, { index: 50, se: 1, df: 10, ci: null }),
    ).toBeNull();
  });
});

describe("compareRounds", () => {
  const units = [
    { code: "D1", level: "department" as const, population: 300, n: 60 },
    { code: "H1", level: "district" as const, population: 200, n: 40 },
    { code: "X1", level: "commune" as const, population: 80, n: 30 },
  ];
  const previous = computeRound(syntheticRound({ seed: 11, elements: ELEMENTS_2017, units }));
  // The next round: a new sample, with H1 now answering 5 to everything, and a new unit.
  const next: RoundInput = syntheticRound({
    seed: 12,
    elements: ELEMENTS_2017,
    units: [...units, { code: "X2", level: "commune", population: 50, n: 10 }],
  });
  for (const response of next.responses) {
    if (response.unitCode === "H1") for (const c of Object.keys(response.answers)) response.answers[c] = 5;
  }
  const current = computeRound(next);
  const change = compareRounds(current, previous);

  it("covers the round, every level and the units present in both rounds", () => {
    expect(Object.keys(change.units).sort()).toEqual(["D1", "H1", "X1"]);
    expect(Object.keys(change.levels)).toEqual(["department", "district", "commune"]);
    expect(Object.keys(change.overall.elements)).toEqual(Object.keys(ELEMENTS_2017));
  });

  it("differences are current minus previous with independent variances", () => {
    const c = change.overall.sipas!;
    expect(c.difference).toBeCloseTo(current.overall.index! - previous.overall.index!, 12);
    expect(c.se!).toBeCloseTo(Math.hypot(current.overall.sipas.se!, previous.overall.sipas.se!), 12);
    const e3 = change.units.D1.elements.E3!;
    expect(e3.difference).toBeCloseTo(current.units.D1.elements.E3.index! - previous.units.D1.elements.E3.index!, 12);
  });

  it("a unit that went to 100 % satisfied has a real rise", () => {
    const h1 = change.units.H1.sipas!;
    expect(current.units.H1.index).toBe(100);
    expect(current.units.H1.sipas.se).toBe(0);
    expect(h1.difference).toBeGreaterThan(0);
    expect(h1.se).toBe(previous.units.H1.sipas.se);
    expect(h1.real).toBe(h1.ci![0] > 0);
    expect(h1.real).toBe(true);
  });

  it("a round compared with itself shows no real change", () => {
    const same = compareRounds(previous, previous);
    expect(same.overall.sipas!.difference).toBe(0);
    expect(same.overall.sipas!.p_value).toBe(1);
    expect(same.overall.sipas!.real).toBe(false);
  });
});
