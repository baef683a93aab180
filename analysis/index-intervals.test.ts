/**
 * Element and SIPAS index intervals (ADR 010): agreement with R's survey
 * (`svyratio(covmat = TRUE)` + `svycontrast`, tests/fixtures/r/make-index-fixtures.R)
 * on the committed data sets to 1e-9, the degenerate cases, and properties that hold
 * whatever the data (one criterion without NA = 100 × the criterion's SE).
 */
import { describe, expect, it } from "vitest";
import { rAgreement, type Num } from "../tests/fixtures/r/agreement";
import { computeRound } from "./compute-round";
import { indexInterval, meanOfUnitsInterval } from "./index-intervals";
import { readRound } from "./read-round-csv";
import type { GroupEstimate, IndexInterval, RoundInput, UnitEstimate } from "./types";
import smallResponses from "../tests/fixtures/r/small/responses.csv?raw";
import smallFrame from "../tests/fixtures/r/small/frame.csv?raw";
import smallElements from "../tests/fixtures/r/small/elements.json?raw";
import smallExpected from "../tests/fixtures/r/small/expected-index.json?raw";
import lonelyResponses from "../tests/fixtures/r/lonely/responses.csv?raw";
import lonelyFrame from "../tests/fixtures/r/lonely/frame.csv?raw";
import lonelyExpected from "../tests/fixtures/r/lonely/expected-index.json?raw";
import mediumResponses from "../tests/fixtures/r/medium/responses.csv?raw";
import mediumFrame from "../tests/fixtures/r/medium/frame.csv?raw";
import mediumElements from "../tests/fixtures/r/medium/elements.json?raw";
import mediumExpected from "../tests/fixtures/r/medium/expected-index.json?raw";
import largeResponses from "../tests/fixtures/r/large/responses.csv?raw";
import largeFrame from "../tests/fixtures/r/large/frame.csv?raw";
import largeElements from "../tests/fixtures/r/large/elements.json?raw";
import largeExpected from "../tests/fixtures/r/large/expected-index.json?raw";

const R_TOLERANCE = 1e-9;

const datasets = [
  { name: "small", responses: smallResponses, frame: smallFrame, elements: smallElements, expected: smallExpected },
  { name: "lonely", responses: lonelyResponses, frame: lonelyFrame, elements: null, expected: lonelyExpected },
  {
    name: "medium",
    responses: mediumResponses,
    frame: mediumFrame,
    elements: mediumElements,
    expected: mediumExpected,
  },
  { name: "large", responses: largeResponses, frame: largeFrame, elements: largeElements, expected: largeExpected },
];

interface RInterval {
  index: number;
  se: Num;
  df?: number;
  ci: number[] | null;
}
interface RGroup {
  df: number;
  elements: Record<string, RInterval>;
  sipas: RInterval;
  mean_of_units?: RInterval;
}

/** Largest |TS − R| seen per quantity, printed after the run for the report. */
const { close, maxDiff } = rAgreement(R_TOLERANCE);

function compareInterval(label: string, ts: IndexInterval, r: RInterval, df: number | undefined, where: string): void {
  close(`${label}_index`, ts.index, r.index, where);
  close(`${label}_se`, ts.se, r.se, where);
  if (r.se !== null && r.se !== undefined) expect(ts.df, where).toBe(df ?? r.df);
  if (r.ci === null || r.ci === undefined) {
    expect(ts.ci, `${where} ${label} ci`).toBeNull();
  } else {
    close(`${label}_ci`, ts.ci?.[0], r.ci[0], where);
    close(`${label}_ci`, ts.ci?.[1], r.ci[1], where);
  }
}

function compareGroup(ts: GroupEstimate | UnitEstimate, r: RGroup, where: string): void {
  const withData = Object.entries(ts.elements).filter(([, e]) => e.index !== null);
  expect(
    withData.map(([code]) => code),
    where,
  ).toEqual(Object.keys(r.elements));
  for (const [code, re] of Object.entries(r.elements))
    compareInterval("element", ts.elements[code], re, r.df, `${where} ${code}`);
  compareInterval("sipas", ts.sipas, r.sipas, r.df, where);
  expect(ts.sipas.index, `${where}: sipas.index is the published index`).toBe(ts.index);
  if (r.mean_of_units && "mean_of_units" in ts) {
    compareInterval("mean_of_units", ts.mean_of_units, r.mean_of_units, undefined, where);
    expect(ts.mean_of_units.index).toBe(ts.index_mean_of_units);
  }
}

describe.each(datasets)("index intervals vs R, $name", ({ name, responses, frame, elements, expected }) => {
  const r = JSON.parse(expected);
  const input = readRound(
    { name: "responses.csv", text: responses },
    { name: "frame.csv", text: frame },
    elements === null ? null : { name: "elements.json", text: elements },
  );
  const ts = computeRound(input);

  it("records the R and survey versions", () => {
    expect(r.meta.survey_version).toBeTruthy();
    expect(r.meta.lonely_psu).toBe("adjust");
  });

  it("matches survey per unit", () => {
    const codes = Object.keys(r.units);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) compareGroup(ts.units[code], r.units[code], `${name} unit ${code}`);
  });

  it("matches survey per level and for the round", () => {
    for (const level of ["department", "district", "commune"] as const) {
      if (r.levels[level]) compareGroup(ts.levels[level], r.levels[level], `${name} ${level}`);
      else expect(ts.levels[level].sipas.index).toBeNull();
    }
    compareGroup(ts.overall, r.overall, `${name} overall`);
  });
});

describe("degenerate cases", () => {
  const input: RoundInput = {
    units: [
      { code: "A", level: "department", population: 100 },
      { code: "ONE", level: "department", population: 30 },
      { code: "CENSUS", level: "district", population: 3 },
      { code: "NONE", level: "commune", population: 20 },
    ],
    elements: { E1: ["c01", "c02"], E2: ["c03"] },
    responses: [
      { id: "1", unitCode: "A", answers: { c01: 5, c02: 4, c03: 2 } },
      { id: "2", unitCode: "A", answers: { c01: 3, c02: 5, c03: 4 } },
      { id: "3", unitCode: "A", answers: { c01: 4, c02: 1, c03: 5 } },
      { id: "4", unitCode: "A", answers: { c01: 2, c02: 4, c03: 4 } },
      { id: "5", unitCode: "ONE", answers: { c01: 4, c02: 2 } },
      { id: "6", unitCode: "CENSUS", answers: { c01: 4, c02: 1, c03: 5 } },
      { id: "7", unitCode: "CENSUS", answers: { c01: 2, c02: 5, c03: 5 } },
      { id: "8", unitCode: "CENSUS", answers: { c01: 5, c02: 5, c03: 1 } },
    ],
  };
  const r = computeRound(input);

  it("a unit with one respondent has indices but no SE or interval", () => {
    // c01 = 4 satisfied, c02 = 2 not: E1 = 50; c03 not answered: E2 has no data.
    expect(r.units.ONE.sipas).toEqual({ index: 50, se: null, df: null, ci: null });
    expect(r.units.ONE.elements.E2).toEqual({ index: null, se: null, df: null, ci: null });
  });

  it("a census unit has SE 0 and no interval", () => {
    expect(r.units.CENSUS.sipas.se).toBe(0);
    expect(r.units.CENSUS.sipas.ci).toBeNull();
    expect(r.units.CENSUS.sipas.df).toBe(2);
  });

  it("a unit without responses has nothing", () => {
    expect(r.units.NONE.sipas).toEqual({ index: null, se: null, df: null, ci: null });
    expect(r.units.NONE.elements.E1.se).toBeNull();
  });

  it("a lonely unit in a level still counts (adjust) and the level has an interval", () => {
    const level = r.levels.department;
    expect(level.sipas.df).toBe(5 - 2);
    expect(level.sipas.se).toBeGreaterThan(0);
    const [lo, hi] = level.sipas.ci!;
    expect(lo).toBeLessThan(level.index!);
    expect(hi).toBeGreaterThan(level.index!);
  });

  it("the mean of unit indices has no SE when a unit has one respondent, and one otherwise", () => {
    expect(r.levels.department.mean_of_units.se).toBeNull();
    expect(r.levels.department.mean_of_units.index).toBe(r.levels.department.index_mean_of_units);
    const units = [r.units.A, r.units.CENSUS];
    const m = meanOfUnitsInterval(units);
    expect(m.se).toBeCloseTo(Math.sqrt(r.units.A.sipas.se! ** 2 + 0) / 2, 14);
  });

  it("an element of one criterion without NA has 100 × the criterion's SE", () => {
    // Unit A answered c03 every time: ADR 004's per-criterion design is the respondent design.
    expect(r.units.A.elements.E2.se).toBeCloseTo(100 * r.units.A.criteria.c03.se!, 12);
    expect(r.overall.elements.E2.index).toBeCloseTo(r.overall.criteria.c03.index!, 12);
  });

  it("intervals are clipped to 0..100", () => {
    expect(indexInterval(99, 4, 10).ci![1]).toBe(100);
    expect(indexInterval(1, 4, 10).ci![0]).toBe(0);
    expect(indexInterval(50, 0, 10).ci).toBeNull();
    expect(indexInterval(50, 4, 0.5).ci).toBeNull();
  });

  it("can be skipped, leaving the point estimates unchanged", () => {
    const without = computeRound(input, { indexIntervals: false });
    expect(without.overall.sipas.se).toBeNull();
    expect(without.overall.index).toBe(r.overall.index);
    expect(without.overall.elements.E1.index).toBe(r.overall.elements.E1.index);
  });
});

describe("agreement summary", () => {
  it("prints the largest differences from R", () => {
    process.stdout.write(`index intervals, max |TS - R|: ${JSON.stringify(maxDiff)}\n`);
    expect(Object.keys(maxDiff).length).toBeGreaterThan(0);
  });
});
