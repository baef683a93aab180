import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkInvitation } from "~/models/invitation.server";
import { getAnswerRows, saveSectionAnswers, startResponse, submitResponse } from "~/models/response.server";
import { receiptCodeFor } from "~/domain/survey/receipt";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

// The promises the citizen's path rests on, against a real migrated SQLite database:
// a double tap or a retry never makes a second questionnaire, a second set of answers, a
// second submission or a second use of an invitation link.

let survey: Awaited<ReturnType<typeof createSurvey>>;
beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "dept", level: "department", population: 100 },
      { key: "commune", level: "commune", population: 50 },
    ],
  });
});

function startInput(id: string, overrides: Partial<Parameters<typeof startResponse>[0]> = {}) {
  return {
    id,
    roundId: survey.round.id,
    unitId: survey.units.dept.id,
    language: "vi",
    mode: "online" as const,
    firstStep: "profile",
    ...overrides,
  };
}

async function createInvitation(overrides: { expiresAt?: Date; usedAt?: Date } = {}) {
  return prisma.invitation.create({
    data: {
      token: `T-${randomUUID()}`,
      roundId: survey.round.id,
      unitId: survey.units.dept.id,
      expiresAt: overrides.expiresAt ?? new Date("2099-12-31T00:00:00Z"),
      usedAt: overrides.usedAt ?? null,
    },
  });
}

describe("startResponse", () => {
  it("creates one row for two starts with the same id; the retry only updates the language", async () => {
    const id = randomUUID();
    const first = await startResponse(startInput(id));
    const second = await startResponse(startInput(id, { language: "en", firstStep: "E1" }));
    expect(first?.id).toBe(id);
    expect(second?.id).toBe(id);
    const rows = await prisma.response.findMany({ where: { roundId: survey.round.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, status: "in_progress", language: "en", currentStep: "profile" });
  });

  it("creates one row for two concurrent starts with the same id (a double tap)", async () => {
    const id = randomUUID();
    const results = await Promise.all([startResponse(startInput(id)), startResponse(startInput(id))]);
    expect(results.map((r) => r?.id)).toEqual([id, id]);
    expect(await prisma.response.count({ where: { id } })).toBe(1);
  });

  it("returns null and changes nothing when the id belongs to another unit or round", async () => {
    const id = randomUUID();
    await startResponse(startInput(id));
    const other = await createSurvey();
    expect(await startResponse(startInput(id, { unitId: survey.units.commune.id, language: "en" }))).toBeNull();
    expect(
      await startResponse(startInput(id, { roundId: other.round.id, unitId: other.units.dept.id, language: "en" })),
    ).toBeNull();
    const rows = await prisma.response.findMany({ where: { id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ roundId: survey.round.id, unitId: survey.units.dept.id, language: "vi" });
  });

  it("links the invitation it was started from", async () => {
    const invitation = await createInvitation();
    const id = randomUUID();
    await startResponse(startInput(id, { invitationId: invitation.id }));
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).responseId).toBe(id);
  });
});

describe("saveSectionAnswers", () => {
  const E1 = ["c01", "c02", "c03", "c04"];
  const likert = (itemCode: string, value: number) => ({ itemCode, choice: "", value, text: null });

  it("leaves exactly the second set when a section is saved twice, other sections untouched", async () => {
    const id = randomUUID();
    await startResponse(startInput(id));
    await saveSectionAnswers(id, ["c05"], [likert("c05", 2)], "E3");
    await saveSectionAnswers(id, E1, [likert("c01", 5), likert("c02", 4), likert("c03", 3), likert("c04", 9)], "E2");
    await saveSectionAnswers(id, E1, [likert("c01", 1), likert("c03", 2)], "E2");

    const rows = await getAnswerRows(id);
    const sorted = [...rows].sort((a, b) => a.itemCode.localeCompare(b.itemCode));
    expect(sorted).toEqual([likert("c01", 1), likert("c03", 2), likert("c05", 2)]);
    expect((await prisma.response.findUniqueOrThrow({ where: { id } })).currentStep).toBe("E2");
  });

  it("replaces a multi choice as a whole", async () => {
    const id = randomUUID();
    await startResponse(startInput(id));
    const multi = (choice: string) => ({ itemCode: "x01", choice, value: null, text: null });
    await saveSectionAnswers(id, ["x01"], [multi("attitude"), multi("it-use"), multi("lower-fees")], "comment");
    await saveSectionAnswers(id, ["x01"], [multi("it-use")], "comment");
    expect(await getAnswerRows(id)).toEqual([multi("it-use")]);
  });
});

describe("submitResponse", () => {
  beforeEach(() => {
    // Only Date is faked: the second submit happens "later", so a changed submittedAt would show.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2020-09-01T08:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function startedWithInvitation() {
    const invitation = await createInvitation();
    const id = randomUUID();
    await startResponse(startInput(id, { invitationId: invitation.id }));
    return { id, invitation };
  }

  it("submits once: a second call changes nothing and returns the same receipt", async () => {
    const { id, invitation } = await startedWithInvitation();
    expect((await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } })).frozenAt).toBeNull();

    const first = await submitResponse(id, survey.instrument.id);
    const afterFirst = await prisma.response.findUniqueOrThrow({ where: { id } });
    const frozenAt = (await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } })).frozenAt;

    vi.setSystemTime(new Date("2020-09-01T09:30:00Z"));
    const second = await submitResponse(id, survey.instrument.id);

    expect(first).toBe(receiptCodeFor(id));
    expect(second).toBe(first);
    const response = await prisma.response.findUniqueOrThrow({ where: { id } });
    expect(response).toMatchObject({ status: "submitted", receiptCode: first, currentStep: "done" });
    expect(response.submittedAt).toEqual(new Date("2020-09-01T08:00:00Z"));
    expect(response.submittedAt).toEqual(afterFirst.submittedAt);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt).toEqual(
      new Date("2020-09-01T08:00:00Z"),
    );
    expect(frozenAt).toEqual(new Date("2020-09-01T08:00:00Z"));
    expect((await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } })).frozenAt).toEqual(frozenAt);
  });

  it("submits once when two submits race (Promise.all)", async () => {
    const { id, invitation } = await startedWithInvitation();
    const codes = await Promise.all([submitResponse(id, survey.instrument.id), submitResponse(id, survey.instrument.id)]);

    expect(codes).toEqual([receiptCodeFor(id), receiptCodeFor(id)]);
    const submitted = await prisma.response.findMany({ where: { roundId: survey.round.id, status: "submitted" } });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ id, receiptCode: receiptCodeFor(id) });
    expect(submitted[0].submittedAt).toEqual(new Date("2020-09-01T08:00:00Z"));
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt).toEqual(
      new Date("2020-09-01T08:00:00Z"),
    );
    expect((await prisma.instrument.findUniqueOrThrow({ where: { id: survey.instrument.id } })).frozenAt).not.toBeNull();
  });

  it("marks the invitation used only once, even when submitted again later", async () => {
    const { id, invitation } = await startedWithInvitation();
    await submitResponse(id, survey.instrument.id);
    vi.setSystemTime(new Date("2020-09-02T08:00:00Z"));
    await submitResponse(id, survey.instrument.id);
    const after = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after.usedAt).toEqual(new Date("2020-09-01T08:00:00Z"));
    expect((await checkInvitation(invitation.token)).state).toBe("used");
  });

  it("does not reopen a submitted questionnaire when started again with its id", async () => {
    const id = randomUUID();
    await startResponse(startInput(id));
    await submitResponse(id, survey.instrument.id);
    const again = await startResponse(startInput(id, { language: "en" }));
    expect(again).toMatchObject({ id, status: "submitted", language: "vi" });
    expect(await prisma.response.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "submitted", language: "vi" });
  });
});

describe("checkInvitation", () => {
  const now = new Date("2020-09-01T08:00:00Z");

  it("says unknown for a token that does not exist", async () => {
    const { invitation, state } = await checkInvitation("NO-SUCH-TOKEN", now);
    expect(state).toBe("unknown");
    expect(invitation).toBeNull();
  });

  it("says valid for an unused token before it expires, with its round and unit", async () => {
    const created = await createInvitation({ expiresAt: new Date("2020-09-30T00:00:00Z") });
    const { invitation, state } = await checkInvitation(created.token, now);
    expect(state).toBe("valid");
    expect(invitation?.round.id).toBe(survey.round.id);
    expect(invitation?.unit.id).toBe(survey.units.dept.id);
  });

  it("says expired once expiresAt has passed", async () => {
    const created = await createInvitation({ expiresAt: new Date("2020-08-31T23:59:59Z") });
    expect((await checkInvitation(created.token, now)).state).toBe("expired");
  });

  it("says used when usedAt is set, even if it has also expired", async () => {
    const created = await createInvitation({ expiresAt: new Date("2020-01-01T00:00:00Z"), usedAt: new Date("2019-12-01T00:00:00Z") });
    expect((await checkInvitation(created.token, now)).state).toBe("used");
  });

  // Two devices opening one invitation at once must not make two questionnaires: the
  // second start joins the first one's questionnaire and the binding never moves.
  it("keeps an invitation bound to its first questionnaire when a second start races in", async () => {
    const created = await createInvitation();
    const first = randomUUID();
    const second = randomUUID();
    await startResponse(startInput(first, { invitationId: created.id }));
    const joined = await startResponse(startInput(second, { invitationId: created.id }));
    expect(joined?.id).toBe(first);
    expect(await prisma.response.count({ where: { id: second } })).toBe(0);
    await submitResponse(first, survey.instrument.id);
    expect((await checkInvitation(created.token, now)).state).toBe("used");
  });

  it("says used when its questionnaire was submitted", async () => {
    const created = await createInvitation();
    const id = randomUUID();
    await startResponse(startInput(id, { invitationId: created.id }));
    expect((await checkInvitation(created.token, now)).state).toBe("valid");
    await prisma.response.update({ where: { id }, data: { status: "submitted" } });
    expect((await checkInvitation(created.token, now)).state).toBe("used");
  });
});
