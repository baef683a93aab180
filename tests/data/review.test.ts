import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { drawRoundBackChecks, listBackChecks, recordBackCheckResult, summarizeBackChecks } from "~/models/backcheck.server";
import { getRoundResults } from "~/models/results.server";
import { acceptUnflagged, countExcludedResponses, decideInterview, getReviewCounts, listInterviewsForReview } from "~/models/review.server";
import { prisma } from "~/db/prisma.server";
import { createResponse, createStaff, createSurvey } from "./fixtures";

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
const all = (value: number) => Object.fromEntries(CRITERIA.map((c) => [c, value]));

/** An uploaded enumerator interview as the sync endpoint stores it (pending review). */
async function createInterview(input: { roundId: string; unitId: string; enumeratorId: string; value?: number; reviewStatus?: string; flags?: string[] }) {
  const id = randomUUID();
  const startedAt = new Date("2020-09-02T02:00:00Z");
  await prisma.response.create({
    data: {
      id,
      roundId: input.roundId,
      unitId: input.unitId,
      mode: "enumerator",
      language: "vi",
      interpretedInto: "hmn",
      status: "submitted",
      currentStep: "done",
      receiptCode: `I-${id.slice(0, 8)}`,
      startedAt,
      submittedAt: new Date(startedAt.getTime() + 15 * 60_000),
      receivedAt: new Date("2020-09-03T00:00:00Z"),
      recordedById: input.enumeratorId,
      reviewStatus: input.reviewStatus ?? "pending",
      answers: { create: CRITERIA.map((itemCode) => ({ itemCode, value: input.value ?? 4 })) },
      flags: { create: (input.flags ?? []).map((code) => ({ code, detail: JSON.stringify({ secondsPerItem: 1.2, threshold: 2 }) })) },
    },
  });
  return id;
}

describe("review decisions", () => {
  test("reject with a reason, then accept: stored, audited each time", async () => {
    const { round, units } = await createSurvey();
    const [enumerator, supervisor] = await Promise.all([createStaff("enumerator"), createStaff("supervisor")]);
    const id = await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: enumerator.id });

    expect(await decideInterview({ roundId: round.id, responseId: id, decision: "rejected", reason: "Không xác nhận được", scope: null, actorId: supervisor.id })).toBe(true);
    let row = await prisma.response.findUniqueOrThrow({ where: { id } });
    expect([row.reviewStatus, row.reviewReason, row.reviewedById]).toEqual(["rejected", "Không xác nhận được", supervisor.id]);
    expect(row.reviewedAt).not.toBeNull();

    await decideInterview({ roundId: round.id, responseId: id, decision: "accepted", reason: null, scope: null, actorId: supervisor.id });
    row = await prisma.response.findUniqueOrThrow({ where: { id } });
    expect([row.reviewStatus, row.reviewReason]).toEqual(["accepted", null]);

    const audit = await prisma.auditEntry.findMany({ where: { entity: "Response", entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, JSON.parse(a.before!).reviewStatus, JSON.parse(a.after!).reviewStatus])).toEqual([
      ["review.reject", "pending", "rejected"],
      ["review.accept", "rejected", "accepted"],
    ]);
    expect(audit.every((a) => a.userId === supervisor.id)).toBe(true);
  });

  test("a supervisor cannot decide on another unit's interview, nor on a self-completion", async () => {
    const { round, units } = await createSurvey({ units: [{ key: "a", level: "district", population: 100 }, { key: "b", level: "district", population: 100 }] });
    const enumerator = await createStaff("enumerator");
    const id = await createInterview({ roundId: round.id, unitId: units.a.id, enumeratorId: enumerator.id });
    const online = await createResponse({ roundId: round.id, unitId: units.a.id, status: "submitted", answers: all(5) });
    expect(await decideInterview({ roundId: round.id, responseId: id, decision: "rejected", reason: "x x x x x", scope: [units.b.id], actorId: enumerator.id })).toBe(false);
    expect(await decideInterview({ roundId: round.id, responseId: online, decision: "rejected", reason: "x x x x x", scope: null, actorId: enumerator.id })).toBe(false);
    expect((await prisma.response.findUniqueOrThrow({ where: { id } })).reviewStatus).toBe("pending");
    expect((await prisma.response.findUniqueOrThrow({ where: { id: online } })).reviewStatus).toBeNull();
  });

  test("bulk accept takes one enumerator's pending unflagged interviews only", async () => {
    const { round, units } = await createSurvey();
    const [e1, e2, supervisor] = await Promise.all([createStaff("enumerator"), createStaff("enumerator"), createStaff("supervisor")]);
    const plain = await Promise.all([1, 2, 3].map(() => createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id })));
    const flagged = await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id, flags: ["too_fast"] });
    const rejected = await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id, reviewStatus: "rejected" });
    const other = await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e2.id });

    expect(await acceptUnflagged({ roundId: round.id, enumeratorId: e1.id, scope: null, actorId: supervisor.id })).toBe(3);
    const status = async (id: string) => (await prisma.response.findUniqueOrThrow({ where: { id } })).reviewStatus;
    expect(await Promise.all(plain.map(status))).toEqual(["accepted", "accepted", "accepted"]);
    expect([await status(flagged), await status(rejected), await status(other)]).toEqual(["pending", "rejected", "pending"]);
    expect(await prisma.auditEntry.count({ where: { action: "review.accept", entityId: { in: plain } } })).toBe(3);
  });

  test("counts per enumerator and unit, flag filters and pages", async () => {
    const { round, units } = await createSurvey();
    const [e1, e2] = await Promise.all([createStaff("enumerator"), createStaff("enumerator")]);
    await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id, flags: ["too_fast", "straight_line"] });
    await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id, flags: ["same_minute"], reviewStatus: "rejected" });
    await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e1.id, reviewStatus: "accepted" });
    await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: e2.id });
    await createResponse({ roundId: round.id, unitId: units.dept.id, status: "submitted", answers: all(5) });

    const counts = await getReviewCounts(round.id, null);
    expect(counts.total).toEqual({ pending: 2, accepted: 1, rejected: 1, flagged: 2 });
    expect(counts.byEnumerator.get(e1.id)).toEqual({ pending: 1, accepted: 1, rejected: 1, flagged: 2 });
    expect(counts.byEnumerator.get(e2.id)).toEqual({ pending: 1, accepted: 0, rejected: 0, flagged: 0 });
    expect(counts.byUnit.get(units.dept.id)).toEqual(counts.total);
    expect(counts.pendingFlagged).toBe(1);

    expect((await listInterviewsForReview(round.id, null, { flag: "any" }, 1, 25)).total).toBe(2);
    expect((await listInterviewsForReview(round.id, null, { flag: "none" }, 1, 25)).total).toBe(2);
    expect((await listInterviewsForReview(round.id, null, { flag: "straight_line" }, 1, 25)).total).toBe(1);
    expect((await listInterviewsForReview(round.id, null, { status: "pending", enumeratorId: e1.id }, 1, 25)).total).toBe(1);
    const page2 = await listInterviewsForReview(round.id, null, {}, 2, 3);
    expect([page2.total, page2.rows.length]).toEqual([4, 1]);
    expect((await listInterviewsForReview(round.id, [randomUUID()], {}, 1, 25)).total).toBe(0);
  });
});

describe("rejected interviews and the indices", () => {
  test("a rejected interview leaves the unit's n and index; pending and accepted ones count", async () => {
    const { round, units, instrument } = await createSurvey();
    const [enumerator, supervisor] = await Promise.all([createStaff("enumerator"), createStaff("supervisor")]);
    await createResponse({ roundId: round.id, unitId: units.dept.id, status: "submitted", answers: all(5) });
    await createResponse({ roundId: round.id, unitId: units.dept.id, status: "submitted", answers: all(5) });
    await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: enumerator.id, value: 5, reviewStatus: "accepted" });
    const bad = await createInterview({ roundId: round.id, unitId: units.dept.id, enumeratorId: enumerator.id, value: 1, flags: ["straight_line"] });
    const code = units.dept.code;

    // Flagged but pending: still counted (a flag is evidence, not a verdict). 3 of 4 satisfied.
    let { result } = await getRoundResults(round.id, instrument.id);
    expect(result.units[code].n_responses).toBe(4);
    expect(result.units[code].index).toBeCloseTo(75, 9);
    expect(await countExcludedResponses(round.id)).toBe(0);

    await decideInterview({ roundId: round.id, responseId: bad, decision: "rejected", reason: "Trả lời một kiểu", scope: null, actorId: supervisor.id });
    ({ result } = await getRoundResults(round.id, instrument.id));
    expect(result.units[code].n_responses).toBe(3);
    expect(result.units[code].index).toBeCloseTo(100, 9);
    expect(await countExcludedResponses(round.id)).toBe(1);
    expect(await countExcludedResponses(round.id, units.dept.id)).toBe(1);

    // Changing the decision back brings it into the index again.
    await decideInterview({ roundId: round.id, responseId: bad, decision: "accepted", reason: null, scope: null, actorId: supervisor.id });
    ({ result } = await getRoundResults(round.id, instrument.id));
    expect(result.units[code].n_responses).toBe(4);
    expect(await countExcludedResponses(round.id)).toBe(0);
  });
});

describe("back-checks", () => {
  async function setup() {
    const survey = await createSurvey();
    const [a, b, c, supervisor] = await Promise.all([createStaff("enumerator"), createStaff("enumerator"), createStaff("enumerator"), createStaff("supervisor")]);
    const unitId = survey.units.dept.id;
    const roundId = survey.round.id;
    for (let i = 0; i < 25; i++) await createInterview({ roundId, unitId, enumeratorId: a.id, reviewStatus: i % 5 === 0 ? "accepted" : "pending" });
    for (let i = 0; i < 4; i++) await createInterview({ roundId, unitId, enumeratorId: b.id });
    const rejectedOnly = await createInterview({ roundId, unitId, enumeratorId: c.id, reviewStatus: "rejected" });
    await createResponse({ roundId, unitId, status: "submitted", answers: all(5) });
    return { ...survey, a, b, c, supervisor, rejectedOnly };
  }

  test("draws the share per enumerator, at least one each, never rejected, never twice", async () => {
    const { round, a, b, c, supervisor } = await setup();
    const first = await drawRoundBackChecks({ roundId: round.id, scope: null, share: 0.1, seed: "lai-chau", actorId: supervisor.id });
    expect(first).toEqual({ count: 4, seed: "lai-chau" });
    const rows = await prisma.backCheck.findMany({ where: { roundId: round.id }, include: { response: true } });
    const per = (id: string) => rows.filter((r) => r.enumeratorId === id).length;
    expect([per(a.id), per(b.id), per(c.id)]).toEqual([3, 1, 0]);
    expect(rows.every((r) => r.seed === "lai-chau" && r.response.recordedById === r.enumeratorId && r.response.reviewStatus !== "rejected")).toBe(true);

    // A second draw takes 10% of what is left (22 and 3) and never an interview drawn before.
    const second = await drawRoundBackChecks({ roundId: round.id, scope: null, share: 0.1, actorId: supervisor.id });
    expect(second.count).toBe(4);
    expect(second.seed).toMatch(/^[0-9a-f]{16}$/);
    const after = await prisma.backCheck.findMany({ where: { roundId: round.id } });
    expect(new Set(after.map((r) => r.responseId)).size).toBe(8);

    const audit = await prisma.auditEntry.findMany({ where: { action: "backcheck.draw", entityId: round.id } });
    expect(audit).toHaveLength(2);
  });

  test("the same seed over the same interviews draws the same ones", async () => {
    const { round, supervisor } = await setup();
    await drawRoundBackChecks({ roundId: round.id, scope: null, share: 0.2, seed: "abc", actorId: supervisor.id });
    const first = (await prisma.backCheck.findMany({ where: { roundId: round.id } })).map((r) => r.responseId).sort();
    await prisma.backCheck.deleteMany({ where: { roundId: round.id } });
    await drawRoundBackChecks({ roundId: round.id, scope: null, share: 0.2, seed: "abc", actorId: supervisor.id });
    const again = (await prisma.backCheck.findMany({ where: { roundId: round.id } })).map((r) => r.responseId).sort();
    expect(again).toEqual(first);
    expect(first).toHaveLength(5 + 1);
    // The share typed on the page is saved on the round, audited.
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).backCheckShare).toBe(0.2);
    expect(await prisma.auditEntry.count({ where: { action: "round.backCheckShare", entityId: round.id } })).toBe(1);
  });

  test("a supervisor draws only in their units; results are recorded, audited and summarised", async () => {
    const { round, units, a, supervisor } = await setup();
    expect((await drawRoundBackChecks({ roundId: round.id, scope: [randomUUID()], share: 0.1, actorId: supervisor.id })).count).toBe(0);
    await drawRoundBackChecks({ roundId: round.id, scope: [units.dept.id], share: 0.1, seed: "s", actorId: supervisor.id });
    const checks = await listBackChecks(round.id, [units.dept.id]);
    expect(checks).toHaveLength(4);
    const mine = checks.filter((c) => c.enumeratorId === a.id);
    expect(await recordBackCheckResult({ roundId: round.id, backCheckId: mine[0].id, scope: [units.dept.id], result: "mismatch", note: "Người dân nói chưa gặp ĐTV", actorId: supervisor.id })).toBe(true);
    expect(await recordBackCheckResult({ roundId: round.id, backCheckId: mine[1].id, scope: [units.dept.id], result: "confirmed", note: null, actorId: supervisor.id })).toBe(true);
    expect(await recordBackCheckResult({ roundId: round.id, backCheckId: mine[2].id, scope: [randomUUID()], result: "confirmed", note: null, actorId: supervisor.id })).toBe(false);

    const summary = summarizeBackChecks(await listBackChecks(round.id, null));
    expect(summary.find((s) => s.enumeratorId === a.id)).toMatchObject({ drawn: 3, checked: 2, mismatches: 1 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "backcheck.result", entityId: mine[0].id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ result: "mismatch", responseId: mine[0].response.id });
  });
});
