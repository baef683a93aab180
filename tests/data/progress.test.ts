import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { assignWork } from "~/models/assignment.server";
import { getProgress } from "~/models/progress.server";
import { prisma } from "~/db/prisma.server";
import { addMainRows, createResponse, createStaff, createSurvey } from "./fixtures";

let survey: Awaited<ReturnType<typeof createSurvey>>;
beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "a", level: "department", population: 100, targetSize: 10 },
      { key: "b", level: "district", population: 100, targetSize: 6 },
    ],
  });
});

describe("progress board", () => {
  it("counts per unit and per enumerator; a supervisor sees only their units", async () => {
    const enumerator = await createStaff("enumerator");
    const rows = await addMainRows(survey.round.id, survey.units.a.id, 3);
    await prisma.frameRow.update({ where: { id: rows[0].id }, data: { outcome: "refused" } });
    await assignWork({ roundId: survey.round.id, unitId: survey.units.a.id, enumeratorId: enumerator.id, frameRowIds: [], actorId: enumerator.id });
    for (let i = 0; i < 3; i++) await createResponse({ roundId: survey.round.id, unitId: survey.units.a.id, status: "submitted", answers: { c01: 5 } });
    await createResponse({ roundId: survey.round.id, unitId: survey.units.a.id, status: "in_progress", answers: {} });
    await createResponse({ roundId: survey.round.id, unitId: survey.units.b.id, status: "submitted", answers: {} });
    // Two of unit a's questionnaires were recorded by the enumerator; a double-entry copy never counts.
    const mine = await prisma.response.findMany({ where: { unitId: survey.units.a.id, status: "submitted" }, take: 2 });
    await prisma.response.updateMany({ where: { id: { in: mine.map((r) => r.id) } }, data: { recordedById: enumerator.id } });
    await prisma.response.create({
      data: { id: randomUUID(), roundId: survey.round.id, unitId: survey.units.a.id, mode: "paper", language: "vi", status: "double_entry", currentStep: "done", startedAt: new Date(), recordedById: enumerator.id, doubleEntryOfId: mine[0].id },
    });

    const all = await getProgress(survey.round.id, null);
    const a = all.units.find((u) => u.unitId === survey.units.a.id)!;
    expect(a).toMatchObject({ target: 10, completed: 3, inProgress: 1, refused: 1, remaining: 7 });
    expect(all.totals).toEqual({ target: 16, completed: 4, inProgress: 1, refused: 1, remaining: 12 });
    expect(all.enumerators).toEqual([expect.objectContaining({ userId: enumerator.id, units: 1, target: 10, completed: 2, inProgress: 0, remaining: 8 })]);

    const supervisorView = await getProgress(survey.round.id, [survey.units.b.id]);
    expect(supervisorView.units.map((u) => u.unitId)).toEqual([survey.units.b.id]);
    expect(supervisorView.enumerators).toEqual([]);
    expect(supervisorView.totals).toMatchObject({ target: 6, completed: 1 });
  });
});
