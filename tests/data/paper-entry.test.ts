import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getAnswerRows } from "~/models/response.server";
import { getMismatchCases, resolveMismatch, savePaperEntry } from "~/models/paper-entry.server";
import type { AnswerRow } from "~/domain/survey/answers";
import { prisma } from "~/db/prisma.server";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import { createSurvey } from "./fixtures";

let survey: Awaited<ReturnType<typeof createSurvey>>;
let clerk1: string;
let clerk2: string;
const user = async (role: string) => (await prisma.user.create({ data: { email: `${role}-${randomUUID()}@t`, name: role, passwordHash: "x", role } })).id;
const likert = (code: string, value: number): AnswerRow => ({ itemCode: code, choice: "", value, text: null });

beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "a", level: "department", population: 100 },
      { key: "b", level: "department", population: 100 },
    ],
  });
  clerk1 = await user("enumerator");
  clerk2 = await user("supervisor");
});

const entry = (overrides: Partial<Parameters<typeof savePaperEntry>[0]> = {}) => ({
  id: randomUUID(),
  round: survey.round,
  unitId: survey.units.a.id,
  serial: "000123",
  rows: [likert("c01", 4), likert("c02", 5), { itemCode: "p01", choice: "male", value: null, text: null }],
  clerkId: clerk1,
  doubleEntry: false,
  ...overrides,
});

describe("paper entry", () => {
  it("stores a form once under the id made at render, as a submitted paper response by the clerk", async () => {
    const first = entry();
    const a = await savePaperEntry(first);
    const b = await savePaperEntry(first);
    expect(a).toEqual(b);
    expect(a.ok && a.receipt).toBe(`P-${survey.round.code}-000123`);
    const stored = await prisma.response.findMany({ where: { roundId: survey.round.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mode: "paper", status: "submitted", recordedById: clerk1, doubleEntryOfId: null });
    expect(await getAnswerRows(first.id)).toHaveLength(3);
  });

  it("refuses a second first-entry of the same serial, and a double entry by the same clerk", async () => {
    await savePaperEntry(entry());
    expect(await savePaperEntry(entry({ clerkId: clerk2 }))).toEqual({ ok: false, error: "serialTaken" });
    expect(await savePaperEntry(entry({ doubleEntry: true }))).toEqual({ ok: false, error: "sameClerk" });
    expect(await savePaperEntry(entry({ doubleEntry: true, serial: "999" , clerkId: clerk2 }))).toEqual({ ok: false, error: "noFirstEntry" });
    expect(await savePaperEntry(entry({ doubleEntry: true, clerkId: clerk2, unitId: survey.units.b.id }))).toEqual({ ok: false, error: "otherUnit" });
  });

  it("a double entry is stored apart (not submitted), and the mismatch list shows where it differs", async () => {
    const first = entry();
    await savePaperEntry(first);
    const second = entry({ clerkId: clerk2, doubleEntry: true, rows: [likert("c01", 4), likert("c02", 3), { itemCode: "p01", choice: "female", value: null, text: null }] });
    expect((await savePaperEntry(second)).ok).toBe(true);
    expect(await savePaperEntry(entry({ clerkId: clerk2, doubleEntry: true }))).toEqual({ ok: false, error: "alreadyDoubled" });
    const copy = await prisma.response.findUniqueOrThrow({ where: { id: second.id } });
    expect(copy).toMatchObject({ status: "double_entry", doubleEntryOfId: first.id, receiptCode: null });
    expect(await prisma.response.count({ where: { roundId: survey.round.id, status: "submitted" } })).toBe(1);

    const [found] = await getMismatchCases(survey.round.id, null, sipas2017);
    expect(found.firstId).toBe(first.id);
    expect(found.mismatches).toEqual([
      { itemCode: "p01", first: "male", second: "female", resolved: null },
      { itemCode: "c02", first: "5", second: "3", resolved: null },
    ]);
    // A supervisor of other units does not see it.
    expect(await getMismatchCases(survey.round.id, [survey.units.b.id], sipas2017)).toEqual([]);
  });

  it("resolving sets the first entry's answer, is audited and stays listed as resolved", async () => {
    const first = entry();
    await savePaperEntry(first);
    await savePaperEntry(entry({ clerkId: clerk2, doubleEntry: true, rows: [likert("c01", 4), likert("c02", 3), first.rows[2]] }));
    const resolve = { firstId: first.id, itemCode: "c02", instrument: sipas2017, scope: null, actorId: clerk2 };
    expect(await resolveMismatch({ ...resolve, value: "1" })).toBe(false);
    expect(await resolveMismatch({ ...resolve, scope: [survey.units.b.id], value: "3" })).toBe(false);
    expect(await resolveMismatch({ ...resolve, value: "3" })).toBe(true);
    expect((await getAnswerRows(first.id)).find((r) => r.itemCode === "c02")?.value).toBe(3);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "paper.resolve", entityId: first.id } });
    expect(JSON.parse(audit.before!)).toEqual({ itemCode: "c02", value: "5" });
    const [found] = await getMismatchCases(survey.round.id, null, sipas2017);
    expect(found.mismatches).toEqual([{ itemCode: "c02", first: "5", second: "3", resolved: "3" }]);
  });
});
