import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { computeRound } from "../../analysis";
import { getClosedRoundData, getRoundData } from "~/models/dashboard.server";
import { getInstrument } from "~/models/instrument.server";
import { filterResponses, MIN_GROUP_SIZE } from "~/results/filters";
import { rankRound } from "~/results/ranking";
import { computeView, expectationShares, toRoundInput } from "~/results/round-view";
import { prisma } from "~/utils/db.server";
import { createSurvey } from "./fixtures";

// The dashboard reads a round's counted questionnaires once and recomputes every view
// through analysis/. These tests build a round with known profiles and check: the reader
// keeps only submitted, not-rejected questionnaires and the right answers; a filtered view
// equals computeRound on the same questionnaires picked by hand; small groups are hidden.

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);

let survey: Awaited<ReturnType<typeof createSurvey>>;
let data: Awaited<ReturnType<typeof getRoundData>>;

/** A questionnaire with every criterion `score`, a gender and an age band, and optional extras. */
async function addResponse(unitId: string, spec: { score: number; gender: string; age?: string; mode?: string; status?: string; review?: string | null; comment?: string; expect?: string[] }) {
  const id = randomUUID();
  const when = new Date("2020-09-01T08:00:00Z");
  const answers = [
    ...CRITERIA.map((c, i) => ({ itemCode: c, value: i === 0 && spec.score === 4 ? 9 : spec.score })),
    { itemCode: "p01", choice: spec.gender },
    { itemCode: "p02", choice: spec.age ?? "26-34" },
    { itemCode: "p03", choice: "thai" },
    ...(spec.expect ?? []).map((choice) => ({ itemCode: "x01", choice })),
    ...(spec.comment ? [{ itemCode: "y01", text: spec.comment }] : []),
  ];
  await prisma.response.create({
    data: {
      id,
      roundId: survey.round.id,
      unitId,
      mode: spec.mode ?? "enumerator",
      language: "vi",
      status: spec.status ?? "submitted",
      currentStep: "done",
      startedAt: when,
      submittedAt: when,
      reviewStatus: spec.review ?? null,
      answers: { create: answers },
    },
  });
}

beforeAll(async () => {
  survey = await createSurvey({
    units: [
      { key: "dept", level: "department", population: 200 },
      { key: "dist", level: "district", population: 100 },
    ],
  });
  const { dept, dist } = survey.units;
  // dept: 12 women scoring 5, 12 men scoring 2 (3 of them by phone); district: 11 women
  // scoring 4 (c01 not applicable), 4 men scoring 3.
  for (let i = 0; i < 12; i++) await addResponse(dept.id, { score: 5, gender: "female", expect: ["shorter-time", "lower-fees"], comment: i === 0 ? "Gọi 0912 345 678" : undefined });
  for (let i = 0; i < 12; i++) await addResponse(dept.id, { score: 2, gender: "male", mode: i < 3 ? "phone" : "enumerator", expect: ["shorter-time"] });
  for (let i = 0; i < 11; i++) await addResponse(dist.id, { score: 4, gender: "female", age: "50-60" });
  for (let i = 0; i < 4; i++) await addResponse(dist.id, { score: 3, gender: "male" });
  // Not counted: in progress, and rejected in review.
  await addResponse(dept.id, { score: 1, gender: "female", status: "in_progress" });
  await addResponse(dept.id, { score: 1, gender: "female", review: "rejected" });
  // Counted: accepted and pending review.
  await addResponse(dist.id, { score: 3, gender: "male", review: "accepted" });
  await addResponse(dist.id, { score: 3, gender: "male", review: "pending" });
  data = await getRoundData(survey.round.id, await getInstrument(survey.instrument.id), null);
});

describe("getRoundData", () => {
  it("keeps submitted questionnaires that were not rejected, with profile, expectations and comment", () => {
    expect(data.responses).toHaveLength(12 + 12 + 11 + 4 + 2);
    const women = data.responses.filter((r) => r.profile.p01 === "female");
    expect(women).toHaveLength(23);
    const commented = data.responses.filter((r) => r.comment);
    expect(commented.map((r) => r.comment)).toEqual(["Gọi 0912 345 678"]);
    const district = data.responses.find((r) => r.unitCode === survey.units.dist.code && r.profile.p01 === "female")!;
    expect(district.answers.c01).toBeNull(); // 9 = not applicable
    expect(district.answers.c02).toBe(4);
    expect(district.profile.p02).toBe("50-60");
  });

  it("limits the questionnaires to a viewer's units", async () => {
    const scoped = await getRoundData(survey.round.id, await getInstrument(survey.instrument.id), [survey.units.dist.id]);
    expect(scoped.units.map((u) => u.code)).toEqual([survey.units.dist.code]);
    expect(scoped.responses.every((r) => r.unitCode === survey.units.dist.code)).toBe(true);
    expect(scoped.responses).toHaveLength(17);
  });
});

describe("getClosedRoundData", () => {
  it("reads a collecting round every time, and keeps a closed round's data for a while", async () => {
    const instrument = await getInstrument(survey.instrument.id);
    const collecting = { id: survey.round.id, status: "collecting" };
    expect(await getClosedRoundData(collecting, instrument, null)).not.toBe(await getClosedRoundData(collecting, instrument, null));
    const closed = { id: survey.round.id, status: "closed" };
    const first = await getClosedRoundData(closed, instrument, null);
    expect(await getClosedRoundData(closed, instrument, null)).toBe(first);
    expect(first.responses).toHaveLength(data.responses.length);
    // Another scope is another entry.
    expect(await getClosedRoundData(closed, instrument, [survey.units.dist.id])).not.toBe(first);
  });
});

describe("computeView", () => {
  it("without a filter equals computeRound on all counted questionnaires", () => {
    const view = computeView(data, {});
    const expected = computeRound(toRoundInput(data.units, data.elements, data.responses));
    expect(view.result).toEqual(expected);
    // dept: half satisfied on every criterion → 50; district: 11 of 17 satisfied (c02…) → 64.7…
    expect(view.result.units[survey.units.dept.code].index).toBeCloseTo(50, 9);
    expect(view.result.units[survey.units.dist.code].criteria.c02.index).toBeCloseTo((100 * 11) / 17, 9);
  });

  it("recomputes a respondent-group view through analysis/ on exactly that group", () => {
    const levelOf = new Map(data.units.map((u) => [u.code, u.level]));
    const view = computeView(data, { gender: "female" });
    const women = data.responses.filter((r) => r.profile.p01 === "female");
    expect(filterResponses(data.responses, { gender: "female" }, levelOf)).toEqual(women);
    expect(view.result).toEqual(computeRound(toRoundInput(data.units, data.elements, women)));
    // Every woman is satisfied on every criterion she answered.
    expect(view.result.overall.index).toBeCloseTo(100, 9);
    expect(view.hiddenUnits.size).toBe(0); // 12 and 11 women: both at least MIN_GROUP_SIZE
  });

  it("filters by level and mode, keeping only that level's units", () => {
    const view = computeView(data, { level: "department", mode: "phone" });
    expect(view.units.map((u) => u.code)).toEqual([survey.units.dept.code]);
    expect(view.responses).toHaveLength(3);
    expect(view.viewHidden).toBe(true); // 3 < MIN_GROUP_SIZE
  });

  it("hides a whole view under MIN_GROUP_SIZE, and units under it when a group is chosen", () => {
    const men = computeView(data, { gender: "male" });
    expect(men.responses).toHaveLength(18);
    expect(men.viewHidden).toBe(false);
    // District men: 6 < 10, hidden; department men: 12, shown.
    expect([...men.hiddenUnits]).toEqual([survey.units.dist.code]);
    expect(rankRound(men.result, { hidden: men.hiddenUnits }).map((r) => r.code)).toEqual([survey.units.dept.code]);
    const old = computeView(data, { age: "50-60", level: "department" });
    expect(old.responses.length).toBeLessThan(MIN_GROUP_SIZE);
    expect(old.viewHidden).toBe(true);
    // A level filter alone (no respondent group) hides no unit, however small.
    expect(computeView(data, { level: "district" }).hiddenUnits.size).toBe(0);
  });
});

describe("expectationShares", () => {
  it("counts each option among the respondents who chose any", () => {
    const shares = expectationShares(data.responses, ["shorter-time", "lower-fees", "it-use"]);
    expect(shares.respondents).toBe(24);
    expect(shares.options).toEqual([
      { code: "shorter-time", count: 24, share: 100 },
      { code: "lower-fees", count: 12, share: 50 },
      { code: "it-use", count: 0, share: 0 },
    ]);
  });
});
