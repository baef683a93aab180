import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Interview } from "~/fieldwork/interview-schema";
import { translator } from "~/i18n";
import { getEnumeratorPackage } from "~/models/enumerator-package.server";
import { changeRoundStatus } from "~/models/round-admin.server";
import { syncInterviews } from "~/models/interview-sync.server";
import { prisma } from "~/utils/db.server";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import { completeAnswers } from "../fixtures/interview-answers";
import { addMainRows, createStaff, createSurvey } from "./fixtures";

const t = translator("vi");
const en = translator("en");

let survey: Awaited<ReturnType<typeof createSurvey>>;
let enumerator: { id: string; name: string; email: string };
let other: { id: string; name: string; email: string };
let people: { id: string }[];

beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "district", level: "district", population: 100 },
      { key: "elsewhere", level: "district", population: 100 },
    ],
  });
  await prisma.unit.update({ where: { id: survey.units.district.id }, data: { bounds: JSON.stringify([22.2, 103.4, 22.5, 103.8]) } });
  enumerator = await createStaff("enumerator");
  other = await createStaff("enumerator");
  people = await addMainRows(survey.round.id, survey.units.district.id, 3);
  const roundId = survey.round.id;
  const unitId = survey.units.district.id;
  await prisma.assignment.createMany({
    data: [
      { roundId, unitId, userId: enumerator.id, frameRowId: people[0].id },
      { roundId, unitId, userId: enumerator.id, frameRowId: people[1].id },
      { roundId, unitId, userId: other.id, frameRowId: people[2].id },
    ],
  });
});

/** A complete interview of the SIPAS 2017 questionnaire (criteria alternate 5 and 4), 20 minutes long. */
function interview(overrides: Partial<Interview> = {}): Interview {
  const answers = completeAnswers(sipas2017.sections, "Cảm ơn");
  return {
    id: randomUUID(),
    roundCode: survey.round.code,
    unitCode: survey.units.district.code,
    frameRowId: people[0].id,
    language: "vi",
    interpretedInto: "hmn",
    startedAt: "2026-11-20T08:00:00.000+07:00",
    endedAt: "2026-11-20T08:20:00.000+07:00",
    location: { latitude: 22.35, longitude: 103.6, accuracy: 30 },
    answers,
    ...overrides,
  };
}

const countRows = (id: string) => prisma.response.count({ where: { id } });

describe("storing uploaded interviews", () => {
  it("stores an interview once, with its metadata, answers, frame outcome and a frozen instrument", async () => {
    const one = interview();
    const [result] = await syncInterviews([one], enumerator, t);
    expect(result).toMatchObject({ id: one.id, status: "stored" });
    const stored = await prisma.response.findUniqueOrThrow({ where: { id: one.id }, include: { answers: true } });
    expect(stored).toMatchObject({
      mode: "enumerator",
      status: "submitted",
      recordedById: enumerator.id,
      language: "vi",
      interpretedInto: "hmn",
      frameRowId: people[0].id,
      latitude: 22.35,
      reviewStatus: "pending",
      unitId: survey.units.district.id,
    });
    expect(stored.submittedAt!.toISOString()).toBe("2026-11-20T01:20:00.000Z");
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.receiptCode).toMatch(/^HL-/);
    expect(stored.receivedAt).not.toBeNull();
    // 7 profile + 22 criteria + expectations + comment
    expect(stored.answers.filter((a) => /^c\d\d$/.test(a.itemCode))).toHaveLength(22);
    const person = await prisma.frameRow.findUniqueOrThrow({ where: { id: people[0].id } });
    expect(person.outcome).toBe("completed");
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } });
    expect(instrument.frozenAt).not.toBeNull();
  });

  it("answers a repeat upload 'duplicate' and keeps one row, whatever the key order", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    const reordered = Object.fromEntries(Object.entries(one).reverse()) as Interview;
    const results = await syncInterviews([one, reordered], enumerator, t);
    expect(results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await countRows(one.id)).toBe(1);
  });

  it("answers changed content 'conflict' and keeps the stored answers", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    const before = await prisma.answer.findMany({ where: { responseId: one.id }, orderBy: [{ itemCode: "asc" }, { choice: "asc" }] });
    const edited = { ...one, answers: { ...one.answers, E1: { ...one.answers.E1, c01: "1" } } };
    const [result] = await syncInterviews([edited], enumerator, t);
    expect(result.status).toBe("conflict");
    expect(result.message).toBe("Phiếu này đã được gửi trước đó với nội dung khác; máy chủ giữ bản đã gửi. Liên hệ giám sát viên.");
    const [inEnglish] = await syncInterviews([edited], enumerator, en);
    expect(inEnglish.message).toMatch(/sent before with different content/);
    const after = await prisma.answer.findMany({ where: { responseId: one.id }, orderBy: [{ itemCode: "asc" }, { choice: "asc" }] });
    expect(after).toEqual(before);
  });

  it("answers 'conflict' for an id that is another enumerator's interview or not an interview", async () => {
    const mine = interview({ frameRowId: null });
    await syncInterviews([mine], enumerator, t);
    await prisma.assignment.create({ data: { roundId: survey.round.id, unitId: survey.units.district.id, userId: other.id } });
    const [theirs] = await syncInterviews([mine], other, t);
    expect(theirs.status).toBe("conflict");
    const online = randomUUID();
    await prisma.response.create({
      data: { id: online, roundId: survey.round.id, unitId: survey.units.district.id, mode: "online", language: "vi", status: "in_progress", currentStep: "E1", startedAt: new Date() },
    });
    const [taken] = await syncInterviews([interview({ id: online })], enumerator, t);
    expect(taken.status).toBe("conflict");
    expect(await prisma.answer.count({ where: { responseId: online } })).toBe(0);
  });

  it("stores one row when the same interview arrives in two requests at once", async () => {
    const one = interview();
    const results = await Promise.all([1, 2, 3].map(() => syncInterviews([one], enumerator, t)));
    expect(results.map(([r]) => r.status).sort()).toEqual(["duplicate", "duplicate", "stored"]);
    expect(await countRows(one.id)).toBe(1);
  });

  it("answers by the stored hash when the other request wins between the check and the insert", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    // The race window, made certain: the first look for the id misses the row the other
    // request has just written, so the insert hits the unique constraint (P2002).
    const findUnique = prisma.response.findUnique;
    let misses = 0;
    const spy = vi
      .spyOn(prisma.response, "findUnique")
      .mockImplementation(((args: Parameters<typeof findUnique>[0]) => (misses-- > 0 ? Promise.resolve(null) : findUnique.call(prisma.response, args))) as never);
    try {
      misses = 1;
      const [again] = await syncInterviews([one], enumerator, t);
      expect(again.status).toBe("duplicate");
      misses = 1;
      const [edited] = await syncInterviews([{ ...one, language: "en" }], enumerator, t);
      expect(edited.status).toBe("conflict");
    } finally {
      // Pass through from here on: mockRestore cannot put back a method of Prisma's
      // delegate proxy (it is not an own property), so the spy stays as a plain relay.
      misses = 0;
    }
    expect(spy).toHaveBeenCalled();
    expect(await prisma.response.findUnique({ where: { id: one.id } })).toMatchObject({ language: "vi" });
    expect(await countRows(one.id)).toBe(1);
  });

  it("stores the good interviews of a batch and reports the invalid one with its reason, in order", async () => {
    const good1 = interview();
    const bad = interview({ frameRowId: null });
    delete (bad.answers.E2 as Record<string, unknown>).c06;
    const good2 = interview({ frameRowId: people[1].id });
    const results = await syncInterviews([good1, bad, good2, { id: "not-a-uuid" }], enumerator, t);
    expect(results.map((r) => r.status)).toEqual(["stored", "invalid", "stored", "invalid"]);
    expect(results[1].id).toBe(bad.id);
    expect(results[1].reasons).toEqual([expect.stringContaining("phần “E2”, câu c06")]);
    expect(results[3]).toMatchObject({ id: "not-a-uuid", status: "invalid" });
    expect(await countRows(bad.id)).toBe(0);
    expect(await prisma.response.count({ where: { id: { in: [good1.id, good2.id] } } })).toBe(2);
  });

  it("refuses a unit not assigned, someone else's frame row, a closed round, a bad language and impossible times", async () => {
    const cases: [Interview, string][] = [
      [interview({ unitCode: survey.units.elsewhere.code, frameRowId: null }), t("sync.reason.unit")],
      [interview({ frameRowId: people[2].id }), t("sync.reason.frameRow")],
      [interview({ language: "fr" }), t("sync.reason.language")],
      [interview({ endedAt: "2026-11-20T07:59:00.000+07:00" }), t("sync.reason.times")],
      [interview({ endedAt: new Date(Date.now() + 3_600_000).toISOString() }), t("sync.reason.times")],
      [interview({ answers: { ...interview().answers, E9: {} } }), t("sync.reason.section", { section: "E9" })],
    ];
    const results = await syncInterviews(cases.map(([i]) => i), enumerator, t);
    results.forEach((r, i) => {
      expect(r.status).toBe("invalid");
      expect(r.reasons).toContain(cases[i][1]);
    });
    const incomplete = interview();
    delete incomplete.answers.E5;
    const [missing] = await syncInterviews([incomplete], enumerator, t);
    expect(missing.reasons).toEqual([t("sync.reason.incomplete", { sections: "E5" })]);
    expect(await prisma.response.count({ where: { roundId: survey.round.id } })).toBe(0);
    await prisma.round.update({ where: { id: survey.round.id }, data: { status: "closed" } });
    const [closed] = await syncInterviews([interview()], enumerator, t);
    expect(closed.reasons).toEqual([t("sync.reason.round")]);
  });

  it("still answers 'duplicate' after the round has closed", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    await prisma.round.update({ where: { id: survey.round.id }, data: { status: "closed" } });
    expect((await syncInterviews([one], enumerator, t))[0].status).toBe("duplicate");
  });
});

describe("quality flags at store time", () => {
  const flagsOf = async (id: string) =>
    Object.fromEntries((await prisma.responseFlag.findMany({ where: { responseId: id } })).map((f) => [f.code, JSON.parse(f.detail)]));

  it("stores no flag on an ordinary interview", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    expect(await flagsOf(one.id)).toEqual({});
  });

  it("flags too fast, straight-lined and outside-the-district interviews with the measured values", async () => {
    const one = interview({
      frameRowId: null,
      endedAt: "2026-11-20T08:01:00.000+07:00",
      location: { latitude: 21.0, longitude: 105.8, accuracy: 20 },
    });
    for (const section of sipas2017.sections.filter((s) => s.kind === "element")) {
      for (const item of section.items) one.answers[section.code][item.code] = "5";
    }
    await syncInterviews([one], enumerator, t);
    const flags = await flagsOf(one.id);
    expect(Object.keys(flags).sort()).toEqual(["outside_district", "straight_line", "too_fast"]);
    expect(flags.too_fast).toMatchObject({ seconds: 60, threshold: 2 });
    expect(flags.too_fast.secondsPerItem).toBeLessThan(2);
    expect(flags.straight_line).toEqual({ value: 5, answered: 22 });
    expect(flags.outside_district).toMatchObject({ district: survey.units.district.code, latitude: 21.0 });
  });

  it("flags every interview of a minute once an enumerator reaches the round's same-minute count", async () => {
    const ids: string[] = [];
    for (const second of ["10", "30"]) {
      const one = interview({ frameRowId: null, endedAt: `2026-11-20T08:20:${second}.000+07:00` });
      ids.push(one.id);
      await syncInterviews([one], enumerator, t);
    }
    expect((await flagsOf(ids[0])).same_minute).toBeUndefined();
    const third = interview({ frameRowId: null, endedAt: "2026-11-20T08:20:59.000+07:00" });
    ids.push(third.id);
    await syncInterviews([third], enumerator, t);
    for (const id of ids) expect((await flagsOf(id)).same_minute).toEqual({ minute: "2026-11-20T01:20", count: 3, threshold: 3 });
  });
});

describe("the enumerator's package", () => {
  it("holds the collecting round with the instrument, the assigned units and only the enumerator's people", async () => {
    const pack = await getEnumeratorPackage(enumerator);
    expect(pack.rounds).toHaveLength(1);
    const [round] = pack.rounds;
    expect(round).toMatchObject({ code: survey.round.code, languages: ["vi", "en"], minSecondsPerItem: 2 });
    expect(round.instrument.sections.map((s) => s.code)).toEqual(sipas2017.sections.map((s) => s.code));
    expect(round.units).toEqual([{ code: survey.units.district.code, name: survey.units.district.name, level: "district" }]);
    expect(round.people.map((p) => p.frameRowId).sort()).toEqual([people[0].id, people[1].id].sort());
    await prisma.round.update({ where: { id: survey.round.id }, data: { status: "closed" } });
    expect((await getEnumeratorPackage(enumerator)).rounds).toEqual([]);
  });
});

describe("closing a round", () => {
  it("cuts interviews' links to the people interviewed", async () => {
    const one = interview();
    await syncInterviews([one], enumerator, t);
    await changeRoundStatus(survey.round.code, "closed", null);
    const stored = await prisma.response.findUniqueOrThrow({ where: { id: one.id } });
    expect(stored.frameRowId).toBeNull();
  });
});
