import { beforeAll, describe, expect, it } from "vitest";
import { getRoundResults } from "~/models/results.server";
import { createResponse, createSurvey } from "../support/factories/data";

// getRoundResults reads answers from the database and hands them to analysis/. The
// formulas are tested against R there; this test checks the wiring: only submitted
// questionnaires of this round count, 9 is "not applicable" (out of numerator and
// denominator), N_h comes from the strata, and the criteria are grouped by element.

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
const ELEMENTS: Record<string, string[]> = {
  E1: CRITERIA.slice(0, 4),
  E2: CRITERIA.slice(4, 9),
  E3: CRITERIA.slice(9, 15),
  E4: CRITERIA.slice(15, 18),
  E5: CRITERIA.slice(18, 22),
};

/** Every criterion answered `base`, then the overrides. */
function answers(base: number, overrides: Record<string, number> = {}) {
  return { ...Object.fromEntries(CRITERIA.map((c) => [c, base])), ...overrides };
}
const each = (codes: string[], value: number) => Object.fromEntries(codes.map((c) => [c, value]));

/*
 * The round: three units, N_h = 100, 60, 40 (N = 200).
 *
 * dept (3 submitted, 1 in progress):
 *   a1: all 5
 *   a2: all 4, but c01 = 2 and c02 = 9 (not applicable)
 *   a3: all 3, but c01 = 4 and E5 (c19..c22) = 5
 *   in progress: all 1 — ignored
 *   c01: 5,2,4 → n 3, satisfied 2 → 66.666…; counts [0,1,0,1,1]; mean score 11/3
 *   c02: 5,9,3 → n 2 (1 NA), satisfied 1 → 50
 *   c03..c18: 5,4,3 → 66.666…     c19..c22: 5,4,5 → 100
 *   E1 = (66.67 + 50 + 66.67 + 66.67) / 4 = (200 + 50) / 4 = 62.5
 *   E2 = E3 = E4 = 66.666…, E5 = 100
 *   unit = (62.5 + 3 × 66.67 + 100) / 5 = (62.5 + 200 + 100) / 5 = 72.5
 *
 * district (2 submitted):
 *   b1: all 2, but E1 = 4 and c22 = 9
 *   b2: all 4, but c22 = 9
 *   E1: 4,4 → 100 each → 100;  c05..c21: 2,4 → 50;  c22: n 0 (2 NA) → null
 *   E2 = E3 = E4 = 50; E5 = mean(50, 50, 50) = 50 (c22 has no index and is left out)
 *   unit = (100 + 4 × 50) / 5 = 60
 *
 * commune (1 submitted, 1 in progress):
 *   c1: all 5, but c10 = 1
 *   in progress: all 1 — ignored
 *   E3 = (0 + 5 × 100) / 6 = 83.333…; other elements 100
 *   unit = (4 × 100 + 83.333…) / 5 = 290 / 3 = 96.666…
 *
 * Round, c01 (design-based, p = Σ N_h p_h / N): (100 × 2/3 + 60 × 1 + 40 × 1) / 200
 *   = (66.67 + 100) / 200 = 0.8333… → 83.333…
 * Round, c02: (100 × 1/2 + 60 + 40) / 200 = 0.75 → 75
 */
let survey: Awaited<ReturnType<typeof createSurvey>>;
let result: Awaited<ReturnType<typeof getRoundResults>>["result"];

beforeAll(async () => {
  survey = await createSurvey({
    units: [
      { key: "dept", level: "department", population: 100 },
      { key: "district", level: "district", population: 60 },
      { key: "commune", level: "commune", population: 40 },
    ],
  });
  const { round, units } = survey;
  const add = (unitId: string, status: "submitted" | "in_progress", values: Record<string, number>) =>
    createResponse({ roundId: round.id, unitId, status, answers: values });

  await add(units.dept.id, "submitted", answers(5));
  await add(units.dept.id, "submitted", answers(4, { c01: 2, c02: 9 }));
  await add(units.dept.id, "submitted", answers(3, { c01: 4, ...each(ELEMENTS.E5, 5) }));
  await add(units.dept.id, "in_progress", answers(1));
  await add(units.district.id, "submitted", answers(2, { ...each(ELEMENTS.E1, 4), c22: 9 }));
  await add(units.district.id, "submitted", answers(4, { c22: 9 }));
  await add(units.commune.id, "submitted", answers(5, { c10: 1 }));
  await add(units.commune.id, "in_progress", answers(1));

  // A submitted questionnaire of another round must not leak in.
  const other = await createSurvey();
  await createResponse({ roundId: other.round.id, unitId: other.units.dept.id, status: "submitted", answers: answers(1) });

  ({ result } = await getRoundResults(round.id, survey.instrument.id));
});

const unitCode = (key: "dept" | "district" | "commune") => survey.units[key].code;

describe("getRoundResults on a hand-computed round", () => {
  it("counts only the submitted questionnaires of the round", () => {
    expect(result.meta.n_responses).toBe(6);
    expect(result.units[unitCode("dept")].n_responses).toBe(3);
    expect(result.units[unitCode("district")].n_responses).toBe(2);
    expect(result.units[unitCode("commune")].n_responses).toBe(1);
    expect(result.meta.elements).toEqual(ELEMENTS);
  });

  it("computes item indices with 9 out of numerator and denominator", () => {
    const dept = result.units[unitCode("dept")].criteria;
    expect(dept.c01).toMatchObject({ n: 3, n_not_applicable: 0, n_satisfied: 2, counts: [0, 1, 0, 1, 1] });
    expect(dept.c01.index).toBeCloseTo(200 / 3, 9);
    expect(dept.c01.mean_score).toBeCloseTo(11 / 3, 9);
    expect(dept.c02).toMatchObject({ n: 2, n_not_applicable: 1, n_satisfied: 1 });
    expect(dept.c02.index).toBeCloseTo(50, 9);
    expect(dept.c19.index).toBeCloseTo(100, 9);

    const district = result.units[unitCode("district")].criteria;
    expect(district.c22).toMatchObject({ n: 0, n_not_applicable: 2, index: null });
    expect(district.c05.index).toBeCloseTo(50, 9);

    expect(result.units[unitCode("commune")].criteria.c10).toMatchObject({ n: 1, n_satisfied: 0, index: 0 });
  });

  it("computes element indices as the mean of the criterion indices that exist", () => {
    const dept = result.units[unitCode("dept")].elements;
    expect(dept.E1.index).toBeCloseTo(62.5, 9);
    expect(dept.E2.index).toBeCloseTo(200 / 3, 9);
    expect(dept.E5.index).toBeCloseTo(100, 9);
    const district = result.units[unitCode("district")].elements;
    expect(district.E1.index).toBeCloseTo(100, 9);
    expect(district.E5.index).toBeCloseTo(50, 9);
    expect(result.units[unitCode("commune")].elements.E3.index).toBeCloseTo(250 / 3, 9);
  });

  it("computes unit indices as the mean of the element indices", () => {
    expect(result.units[unitCode("dept")].index).toBeCloseTo(72.5, 9);
    expect(result.units[unitCode("district")].index).toBeCloseTo(60, 9);
    expect(result.units[unitCode("commune")].index).toBeCloseTo(290 / 3, 9);
  });

  it("weights the round estimate by the strata's N_h", () => {
    expect(result.overall.criteria.c01.index).toBeCloseTo(250 / 3, 9);
    expect(result.overall.criteria.c02.index).toBeCloseTo(75, 9);
    expect(result.overall.criteria.c02.n).toBe(5);
    expect(result.overall.criteria.c02.n_not_applicable).toBe(1);
    expect(result.overall.index_mean_of_units).toBeCloseTo((72.5 + 60 + 290 / 3) / 3, 9);
  });
});
