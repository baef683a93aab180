import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Interview } from "~/domain/interviews/interview-schema";
import { translator } from "~/i18n";
import { getEnumeratorPackage } from "~/models/enumerator-package.server";
import { changeRoundStatus } from "~/models/round-admin.server";
import { storeInterviews, type InterviewToStore } from "~/models/interview-store.server";
import { syncInterviews } from "~/models/interview-sync.server";
import { answerRowsFromValues } from "~/domain/survey/answers";
import type { StepValues } from "~/domain/survey/step-schema";
import { prisma } from "~/db/prisma.server";
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

/** What the checks hand the store for an interview of the test's round and district (no flags). */
function storable(one: Interview): InterviewToStore {
  return {
    id: one.id,
    roundId: survey.round.id,
    unitId: survey.units.district.id,
    instrumentId: survey.instrument.id,
    recordedById: enumerator.id,
    language: one.language,
    interpretedInto: one.interpretedInto,
    frameRowId: one.frameRowId,
    startedAt: new Date(one.startedAt),
    endedAt: new Date(one.endedAt),
    location: one.location,
    contentHash: "0".repeat(64),
    rows: sipas2017.sections.flatMap((section) => answerRowsFromValues(section, one.answers[section.code] as StepValues)),
    flags: [],
    sameMinuteThreshold: 3,
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
    // The race window, made certain: the store is handed an id that the checks found free
    // but another request has written since. The primary key turns the insert away
    // (ON CONFLICT DO NOTHING) and the store hands back the row that won.
    const item = storable(one);
    const [again] = await storeInterviews([item]);
    expect(again).toEqual({ stored: false, existing: expect.objectContaining({ id: one.id, mode: "enumerator", recordedById: enumerator.id }) });
    expect(again.stored === false && again.existing.contentHash).toBe((await prisma.response.findUniqueOrThrow({ where: { id: one.id } })).contentHash);
    const [edited] = await storeInterviews([{ ...item, language: "en", rows: [] }]);
    expect(edited.stored).toBe(false);
    expect(await prisma.response.findUnique({ where: { id: one.id } })).toMatchObject({ language: "vi" });
    expect(await countRows(one.id)).toBe(1);
    expect(await prisma.answer.count({ where: { responseId: one.id } })).toBe(storable(one).rows.length);
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

describe("quality flags of a batch", () => {
  const sameMinute = async (id: string) => (await prisma.responseFlag.findUnique({ where: { responseId_code: { responseId: id, code: "same_minute" } } }))?.detail;

  it("flags same-minute interviews that arrive in one request, each with the final count", async () => {
    const batch = ["05", "25", "45"].map((second) => interview({ frameRowId: null, endedAt: `2026-11-20T09:10:${second}.000+07:00` }));
    const results = await syncInterviews(batch, enumerator, t);
    expect(results.map((r) => r.status)).toEqual(["stored", "stored", "stored"]);
    for (const one of batch) expect(JSON.parse((await sameMinute(one.id))!)).toEqual({ minute: "2026-11-20T02:10", count: 3, threshold: 3 });
    const fourth = interview({ frameRowId: null, endedAt: "2026-11-20T09:10:59.999+07:00" });
    await syncInterviews([fourth], enumerator, t);
    for (const one of [...batch, fourth]) expect(JSON.parse((await sameMinute(one.id))!)).toMatchObject({ count: 4 });
    const otherMinute = interview({ frameRowId: null, endedAt: "2026-11-20T09:11:00.000+07:00" });
    await syncInterviews([otherMinute], enumerator, t);
    expect(await sameMinute(otherMinute.id)).toBeUndefined();
  });

  it("keeps each interview's own flags apart within a batch", async () => {
    const fast = interview({ frameRowId: null, endedAt: "2026-11-20T08:01:00.000+07:00" });
    const far = interview({ frameRowId: null, location: { latitude: 21.0, longitude: 105.8, accuracy: 20 } });
    const plain = interview({ frameRowId: null, endedAt: "2026-11-20T08:30:00.000+07:00" });
    await syncInterviews([fast, far, plain], enumerator, t);
    const codes = async (id: string) => (await prisma.responseFlag.findMany({ where: { responseId: id } })).map((f) => f.code).sort();
    expect(await codes(fast.id)).toEqual(["too_fast"]);
    expect(await codes(far.id)).toEqual(["outside_district"]);
    expect(await codes(plain.id)).toEqual([]);
  });
});

describe("group commit: a request's interviews in one transaction", () => {
  it("stores the others when an interview in the middle of a batch is invalid or taken", async () => {
    const taken = interview({ frameRowId: null });
    await syncInterviews([taken], enumerator, t);
    const first = interview();
    const bad = interview({ frameRowId: null, language: "fr" });
    const edited = { ...taken, language: "en" };
    const last = interview({ frameRowId: people[1].id });
    const results = await syncInterviews([first, bad, edited, last], enumerator, t);
    expect(results.map((r) => r.status)).toEqual(["stored", "invalid", "conflict", "stored"]);
    expect(await prisma.response.count({ where: { id: { in: [first.id, bad.id, last.id] } } })).toBe(2);
    expect(await prisma.response.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({ language: "vi" });
  });

  it("stores an id once when two requests carry it at the same moment, and each gets its answer", async () => {
    const shared = interview({ frameRowId: null });
    const [a, b] = [interview(), interview({ frameRowId: people[1].id })];
    const [one, two] = await Promise.all([syncInterviews([a, shared], enumerator, t), syncInterviews([shared, b], enumerator, t)]);
    expect([one[1].status, two[0].status].sort()).toEqual(["duplicate", "stored"]);
    expect([one[0].status, two[1].status]).toEqual(["stored", "stored"]);
    expect(await countRows(shared.id)).toBe(1);
    expect(await prisma.answer.count({ where: { responseId: shared.id } })).toBe(storable(shared).rows.length);
  });

  it("rolls back only the request whose write fails, with its flags, and stores the request beside it", async () => {
    const ok = storable(interview({ frameRowId: null }));
    const broken = { ...storable(interview({ frameRowId: null })), roundId: "no-such-round", flags: [{ code: "too_fast" as const, detail: { seconds: 1 } }] };
    const [good, failed] = await Promise.allSettled([storeInterviews([ok]), storeInterviews([{ ...storable(interview({ frameRowId: null })) }, broken])]);
    expect(good).toEqual({ status: "fulfilled", value: [{ stored: true }] });
    expect(failed.status).toBe("rejected");
    expect(await countRows(ok.id)).toBe(1);
    expect(await prisma.response.count({ where: { roundId: survey.round.id } })).toBe(1);
    expect(await prisma.responseFlag.count({ where: { responseId: broken.id } })).toBe(0);
  });
});

describe("dates written by the store, read through Prisma", () => {
  it("reads back every date the store wrote, and Prisma's own date filters find the rows", async () => {
    const one = interview();
    const before = new Date();
    await syncInterviews([one], enumerator, t);
    const stored = await prisma.response.findUniqueOrThrow({ where: { id: one.id }, include: { flags: true } });
    expect(stored.startedAt.toISOString()).toBe("2026-11-20T01:00:00.000Z");
    expect(stored.submittedAt!.toISOString()).toBe("2026-11-20T01:20:00.000Z");
    for (const date of [stored.receivedAt!, stored.updatedAt]) {
      expect(date.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
      expect(date.getTime()).toBeLessThanOrEqual(Date.now() + 1);
    }
    const found = await prisma.response.findMany({
      where: { id: one.id, submittedAt: { gte: new Date("2026-11-20T01:20:00.000Z"), lt: new Date("2026-11-20T01:20:00.001Z") } },
      select: { id: true },
    });
    expect(found).toEqual([{ id: one.id }]);
    const person = await prisma.frameRow.findUniqueOrThrow({ where: { id: people[0].id } });
    expect(person.outcomeAt!.toISOString()).toBe("2026-11-20T01:20:00.000Z");
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } });
    expect(instrument.frozenAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    // A row Prisma writes itself sorts and compares with the store's: same stored format.
    const viaPrisma = await prisma.response.create({
      data: { id: randomUUID(), roundId: survey.round.id, unitId: survey.units.district.id, mode: "paper", language: "vi", status: "submitted", currentStep: "done", startedAt: new Date("2026-11-20T01:19:59.999Z"), submittedAt: new Date("2026-11-20T01:20:00.001Z") },
    });
    const ordered = await prisma.response.findMany({ where: { id: { in: [one.id, viaPrisma.id] } }, orderBy: { submittedAt: "asc" }, select: { id: true } });
    expect(ordered.map((r) => r.id)).toEqual([one.id, viaPrisma.id]);
    expect((await prisma.response.findMany({ where: { startedAt: { lt: stored.startedAt } }, select: { id: true } })).map((r) => r.id)).not.toContain(one.id);
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
