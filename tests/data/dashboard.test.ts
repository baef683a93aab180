import { beforeAll, describe, expect, it } from "vitest";
import { aggregateMatrix, computeRound, computeRoundFromAggregates, toRoundMatrix } from "../../analysis";
import { getRoundData, getViewCounts, listComments } from "~/models/dashboard.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { getInstrument } from "~/models/instrument.server";
import { loadRoundData, loadView } from "~/features/results/dashboard-loader.server";
import { MIN_GROUP_SIZE, type DashboardFilter } from "~/domain/results/filters";
import { rankRound } from "~/features/results/ranking";
import { computeView, expectationShares, viewUnits, type RoundData } from "~/domain/results/round-view";
import { createDashboardRound, createRandomRound } from "../support/factories/dashboard-round";
import { loadRoundResponses, pickView, viewInput, type LoadedRound } from "../support/round-responses";
import { expectSameNumbers } from "./same-numbers";

// The dashboard has the database count a view's questionnaires (ADR 016) and analysis/
// compute every number from those counts. These tests build rounds with known profiles
// and check: only submitted, not-rejected questionnaires count, with the right answers; a
// filtered view equals computeRound on the same questionnaires picked by hand from all
// their answers (tests/support/round-responses.ts); small groups are hidden; expectations
// and comments are counted.

let survey: Awaited<ReturnType<typeof createDashboardRound>>;
let instrument: InstrumentDefinition;
let data: RoundData;
let loaded: LoadedRound;

async function view(filter: DashboardFilter, d = data) {
  return computeView(d, await getViewCounts(survey.round.id, instrument, viewUnits(d, filter), filter), filter);
}

beforeAll(async () => {
  survey = await createDashboardRound();
  instrument = await getInstrument(survey.instrument.id);
  data = await getRoundData(survey.round.id, instrument, null);
  loaded = await loadRoundResponses(survey.round.id, instrument);
});

describe("getRoundData and the view's counts", () => {
  it("count submitted questionnaires that were not rejected, with profile, expectations and comment", async () => {
    expect(data.units.map((u) => u.code)).toEqual([survey.units.dept.code, survey.units.dist.code]);
    expect(data.languages).toEqual(["vi"]);
    const all = await view({});
    expect(all.n).toBe(12 + 12 + 11 + 4 + 2);
    expect((await view({ gender: "female" })).n).toBe(23);
    expect(all.comments).toBe(1);
    expect(all.commentsPerUnit).toEqual({ [survey.units.dept.code]: 1 });
    // District women answered c01 "not applicable" (9) and 4 elsewhere.
    const district = all.result.units[survey.units.dist.code].criteria;
    expect(district.c01).toMatchObject({ n: 6, n_not_applicable: 11 });
    expect(district.c02.counts).toEqual([0, 0, 6, 11, 0]);
  });

  it("limits the questionnaires to a viewer's units", async () => {
    const scoped = await getRoundData(survey.round.id, instrument, [survey.units.dist.id]);
    expect(scoped.units.map((u) => u.code)).toEqual([survey.units.dist.code]);
    const v = await view({}, scoped);
    expect(v.n).toBe(17);
    expect(Object.keys(v.result.units)).toEqual([survey.units.dist.code]);
  });

  it("lists the comments a page shows, trimmed, a page at a time", async () => {
    const unitIds = data.units.map((u) => u.id);
    const comments = await listComments(survey.round.id, instrument, { unitIds, filter: {} }, { offset: 0, limit: 20 });
    expect(comments).toEqual([{ id: expect.any(String), unitId: survey.units.dept.id, text: "Gọi 0912 345 678" }]);
    expect(await listComments(survey.round.id, instrument, { unitIds, filter: {} }, { offset: 1, limit: 20 })).toEqual([]);
    expect(await listComments(survey.round.id, instrument, { unitIds, filter: { gender: "male" } }, { offset: 0, limit: 20 })).toEqual([]);
  });
});

describe("the closed-round cache", () => {
  it("reads a collecting round every time, and keeps a closed round's data and views for a while", async () => {
    const collecting = { id: survey.round.id, status: "collecting" };
    expect(await loadRoundData(collecting, instrument, null)).not.toBe(await loadRoundData(collecting, instrument, null));
    expect(await loadView(collecting, instrument, data, null, {})).not.toBe(await loadView(collecting, instrument, data, null, {}));
    const closed = { id: survey.round.id, status: "closed" };
    const first = await loadRoundData(closed, instrument, null);
    expect(await loadRoundData(closed, instrument, null)).toBe(first);
    expect(first).toEqual(data);
    // Another scope is another entry; so is another filter.
    expect(await loadRoundData(closed, instrument, [survey.units.dist.id])).not.toBe(first);
    const women = await loadView(closed, instrument, data, null, { gender: "female" });
    expect(await loadView(closed, instrument, data, null, { gender: "female" })).toBe(women);
    expect(await loadView(closed, instrument, data, null, { gender: "male" })).not.toBe(women);
  });
});

describe("computeView", () => {
  it("without a filter equals computeRound on all counted questionnaires", async () => {
    const v = await view({});
    expectSameNumbers(v.result, computeRound(viewInput(loaded, pickView(loaded, {}))));
    // dept: half satisfied on every criterion → 50; district: 11 of 17 satisfied (c02…) → 64.7…
    expect(v.result.units[survey.units.dept.code].index).toBeCloseTo(50, 9);
    expect(v.result.units[survey.units.dist.code].criteria.c02.index).toBeCloseTo((100 * 11) / 17, 9);
  });

  it("recomputes a respondent-group view through analysis/ on exactly that group", async () => {
    const v = await view({ gender: "female" });
    const women = pickView(loaded, { gender: "female" });
    expect(women.responses.every((r) => r.profile.p01 === "female")).toBe(true);
    expectSameNumbers(v.result, computeRound(viewInput(loaded, women)));
    // Every woman is satisfied on every criterion she answered.
    expect(v.result.overall.index).toBeCloseTo(100, 9);
    expect(v.hiddenUnits.size).toBe(0); // 12 and 11 women: both at least MIN_GROUP_SIZE
  });

  it("filters by level and mode, keeping only that level's units", async () => {
    const v = await view({ level: "department", mode: "phone" });
    expect(v.units.map((u) => u.code)).toEqual([survey.units.dept.code]);
    expect(v.n).toBe(3);
    expect(v.viewHidden).toBe(true); // 3 < MIN_GROUP_SIZE
  });

  it("hides a whole view under MIN_GROUP_SIZE, and units under it when a group is chosen", async () => {
    const men = await view({ gender: "male" });
    expect(men.n).toBe(18);
    expect(men.viewHidden).toBe(false);
    // District men: 6 < 10, hidden; department men: 12, shown.
    expect([...men.hiddenUnits]).toEqual([survey.units.dist.code]);
    expect(rankRound(men.result, { hidden: men.hiddenUnits }).map((r) => r.code)).toEqual([survey.units.dept.code]);
    const old = await view({ age: "50-60", level: "department" });
    expect(old.n).toBeLessThan(MIN_GROUP_SIZE);
    expect(old.viewHidden).toBe(true);
    // A level filter alone (no respondent group) hides no unit, however small.
    expect((await view({ level: "district" })).hiddenUnits.size).toBe(0);
  });
});

describe("expectationShares", () => {
  it("counts each option among the respondents who chose any", async () => {
    const shares = expectationShares((await view({})).expectations, ["shorter-time", "lower-fees", "it-use"]);
    expect(shares.respondents).toBe(24);
    expect(shares.options).toEqual([
      { code: "shorter-time", count: 24, share: 100 },
      { code: "lower-fees", count: 12, share: 50 },
      { code: "it-use", count: 0, share: 0 },
    ]);
  });
});

describe("a random round: every view's numbers equal those made from all its answers", () => {
  let random: Awaited<ReturnType<typeof createRandomRound>>;
  let randomInstrument: InstrumentDefinition;
  let randomData: RoundData;
  let reference: LoadedRound;
  beforeAll(async () => {
    random = await createRandomRound(7);
    randomInstrument = await getInstrument(random.instrument.id);
    randomData = await getRoundData(random.round.id, randomInstrument, null);
    reference = await loadRoundResponses(random.round.id, randomInstrument);
  });

  it.each<DashboardFilter>([{}, { gender: "female" }, { mode: "online", language: "en" }, { level: "district" }, { ethnicity: "mong" }])("filter %o", async (filter) => {
    const picked = pickView(reference, filter);
    const v = computeView(randomData, await getViewCounts(random.round.id, randomInstrument, viewUnits(randomData, filter), filter), filter);
    const input = viewInput(reference, picked);
    // Exactly analysis/ on the same questionnaires' aggregates; computeRound to rounding.
    expect(v.result).toEqual(computeRoundFromAggregates(input, aggregateMatrix(toRoundMatrix(input))));
    expectSameNumbers(v.result, computeRound(input));
    expect(randomData.languages).toEqual([...new Set(reference.responses.map((r) => r.language))].sort());
    expect(v.n).toBe(picked.responses.length);
    const perUnit = new Map<string, number>();
    for (const r of picked.responses) perUnit.set(r.unitCode, (perUnit.get(r.unitCode) ?? 0) + 1);
    expect(new Map([...v.perUnit].sort())).toEqual(new Map([...perUnit].sort()));
    const chose = picked.responses.filter((r) => r.expectations.length > 0);
    expect(v.expectations.respondents).toBe(chose.length);
    for (const code of ["shorter-time", "it-use"]) expect(v.expectations.options[code] ?? 0).toBe(chose.filter((r) => r.expectations.includes(code)).length);
    expect(v.comments).toBe(picked.responses.filter((r) => r.comment).length);
  });
});
