/**
 * Agreement with R (survey 4.1-1, psych) on the committed fixtures of
 * tests/fixtures/r (make-fixtures.R): every estimate to 1e-9 absolute.
 */
import { describe, expect, it } from "vitest";
import { rAgreement, type Num } from "../tests/fixtures/r/agreement";
import { computeRound } from "./compute-round";
import { logitInterval } from "./logit-interval";
import { readRound } from "./read-round-csv";
import type { CriterionEstimate, RoundResult } from "./types";
import smallResponses from "../tests/fixtures/r/small/responses.csv?raw";
import smallFrame from "../tests/fixtures/r/small/frame.csv?raw";
import smallElements from "../tests/fixtures/r/small/elements.json?raw";
import smallExpected from "../tests/fixtures/r/small/expected.json?raw";
import lonelyResponses from "../tests/fixtures/r/lonely/responses.csv?raw";
import lonelyFrame from "../tests/fixtures/r/lonely/frame.csv?raw";
import lonelyExpected from "../tests/fixtures/r/lonely/expected.json?raw";
import mediumResponses from "../tests/fixtures/r/medium/responses.csv?raw";
import mediumFrame from "../tests/fixtures/r/medium/frame.csv?raw";
import mediumElements from "../tests/fixtures/r/medium/elements.json?raw";
import mediumExpected from "../tests/fixtures/r/medium/expected.json?raw";
import largeResponses from "../tests/fixtures/r/large/responses.csv?raw";
import largeFrame from "../tests/fixtures/r/large/frame.csv?raw";
import largeElements from "../tests/fixtures/r/large/elements.json?raw";
import largeExpected from "../tests/fixtures/r/large/expected.json?raw";

export const R_TOLERANCE = 1e-9;

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

interface RCriterion {
  n: number;
  n_satisfied: number;
  p: number;
  se: Num;
  df: number;
  mean_score: number;
  mean_score_se: Num;
  index: number;
  ci_logit: number[] | null;
  ci_logit_tight: number[] | null;
  ci_cp: number[] | null;
}
interface RGroup {
  criteria: Record<string, RCriterion | null>;
  elements: Record<string, { index: Num }>;
  index: Num;
  index_mean_of_units?: Num;
  n_units?: number;
  n_responses?: number;
}

/** Largest |TS − R| seen per quantity, printed after the run for the report. */
const { close, maxDiff } = rAgreement(R_TOLERANCE);

function compareCriterion(ts: CriterionEstimate, r: RCriterion | null, where: string): void {
  if (r === null) {
    expect(ts.n, where).toBe(0);
    expect(ts.p, where).toBeNull();
    return;
  }
  expect(ts.n, where).toBe(r.n);
  expect(ts.n_satisfied, where).toBe(r.n_satisfied);
  expect(ts.df, where).toBe(r.df);
  close("p", ts.p, r.p, where);
  close("index", ts.index, r.index, where);
  close("mean_score", ts.mean_score, r.mean_score, where);
  close("se", ts.se, r.se, where);
  close("mean_score_se", ts.mean_score_se, r.mean_score_se, where);
  if (r.ci_cp) {
    expect(ts.ci_method, where).toBe("clopper-pearson");
    close("ci_clopper_pearson", ts.ci![0], r.ci_cp[0], where);
    close("ci_clopper_pearson", ts.ci![1], r.ci_cp[1], where);
  } else if (r.ci_logit_tight) {
    expect(ts.ci_method, where).toBe("logit");
    close("ci_logit_svyciprop", ts.ci![0], r.ci_logit![0], where);
    close("ci_logit_svyciprop", ts.ci![1], r.ci_logit![1], where);
    const exact = logitInterval(ts.p!, ts.se!, ts.df!)!;
    close("ci_logit_exact_vs_svyglm_1e-14", exact[0], r.ci_logit_tight[0], where);
    close("ci_logit_exact_vs_svyglm_1e-14", exact[1], r.ci_logit_tight[1], where);
  } else {
    expect(ts.ci, where).toBeNull();
    expect(ts.ci_method, where).toBeNull();
  }
}

function compareGroup(ts: RoundResult["overall"] | RoundResult["units"][string], r: RGroup, where: string): void {
  for (const [code, rc] of Object.entries(r.criteria)) compareCriterion(ts.criteria[code], rc, `${where} ${code}`);
  for (const [code, re] of Object.entries(r.elements))
    close("element_index", ts.elements[code].index, re.index, `${where} ${code}`);
  close("sipas_index", ts.index, r.index, where);
  if ("index_mean_of_units" in ts) close("index_mean_of_units", ts.index_mean_of_units, r.index_mean_of_units, where);
}

describe.each(datasets)("R fixture $name", ({ name, responses, frame, elements, expected }) => {
  const r = JSON.parse(expected);
  const input = readRound(
    { name: "responses.csv", text: responses },
    { name: "frame.csv", text: frame },
    elements === null ? null : { name: "elements.json", text: elements },
  );
  const ts = computeRound(input);

  it("records the R and package versions", () => {
    expect(r.meta.r_version).toMatch(/^R version/);
    expect(r.meta.survey_version).toBeTruthy();
    expect(r.meta.lonely_psu).toBe("adjust");
  });

  it("lists the units without responses", () => {
    expect(ts.meta.units_without_responses).toEqual(r.meta.units_without_responses);
    expect(ts.meta.n_responses).toBe(r.meta.n_responses);
  });

  it("matches survey per unit", () => {
    for (const [code, ru] of Object.entries(r.units as Record<string, RGroup>)) {
      expect(ts.units[code].n_responses).toBe(ru.n_responses);
      compareGroup(ts.units[code], ru, `${name} unit ${code}`);
    }
  });

  it("matches survey per level and for the round", () => {
    for (const level of ["department", "district", "commune"] as const) {
      const rl = r.levels[level] as RGroup | undefined;
      if (rl) compareGroup(ts.levels[level], rl, `${name} ${level}`);
      else expect(ts.levels[level].n_units).toBe(0);
    }
    compareGroup(ts.overall, r.overall, `${name} overall`);
  });

  it("matches psych::alpha and the importance correlations", () => {
    close("raw_alpha", ts.cronbach_alpha.overall.raw_alpha, r.cronbach_alpha.overall.raw_alpha, `${name} overall`);
    expect(ts.cronbach_alpha.overall.n_complete).toBe(r.cronbach_alpha.overall.n_complete);
    for (const [code, ra] of Object.entries(
      r.cronbach_alpha.elements as Record<string, { raw_alpha: Num; n_complete: number }>,
    )) {
      close("raw_alpha", ts.cronbach_alpha.elements[code].raw_alpha, ra.raw_alpha, `${name} ${code}`);
      expect(ts.cronbach_alpha.elements[code].n_complete).toBe(ra.n_complete);
    }
    for (const p of ts.priorities)
      close("importance", p.importance, r.importance[p.criterion], `${name} ${p.criterion}`);
  });
});

describe("agreement summary", () => {
  it("prints the largest differences from R", () => {
    process.stdout.write(`max |TS - R|: ${JSON.stringify(maxDiff)}\n`);
    expect(Object.keys(maxDiff).length).toBeGreaterThan(0);
  });
});
