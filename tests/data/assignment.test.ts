import { beforeEach, describe, expect, it } from "vitest";
import { unitScope } from "~/features/auth/session.server";
import { assignWork, listAssignments, removeAssignment } from "~/models/assignment.server";
import { prisma } from "~/db/prisma.server";
import { addMainRows, createStaff, createSurvey } from "./fixtures";

let survey: Awaited<ReturnType<typeof createSurvey>>;
beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "a", level: "department", population: 100, targetSize: 10 },
      { key: "b", level: "district", population: 100, targetSize: 6 },
    ],
  });
});

describe("assignments", () => {
  it("give a unit to an enumerator once and add it to their scope", async () => {
    const supervisor = await createStaff("supervisor");
    const enumerator = await createStaff("enumerator");
    const input = { roundId: survey.round.id, unitId: survey.units.a.id, enumeratorId: enumerator.id, frameRowIds: [], actorId: supervisor.id };
    expect(await assignWork(input)).toBe(1);
    expect(await assignWork(input)).toBe(0);
    expect(await unitScope({ id: enumerator.id, role: "enumerator", limitedToUnits: false })).toEqual([survey.units.a.id]);
    expect(await prisma.auditEntry.count({ where: { action: "assignments.assign", userId: supervisor.id } })).toBe(2);
  });

  it("give selected people of the unit only, ignoring rows of another unit", async () => {
    const enumerator = await createStaff("enumerator");
    const [p1, p2] = await addMainRows(survey.round.id, survey.units.a.id, 2);
    const [other] = await addMainRows(survey.round.id, survey.units.b.id, 1);
    const n = await assignWork({ roundId: survey.round.id, unitId: survey.units.a.id, enumeratorId: enumerator.id, frameRowIds: [p1.id, p2.id, other.id], actorId: enumerator.id });
    expect(n).toBe(2);
    const rows = await listAssignments(survey.round.id, null);
    expect(rows.map((r) => r.frameRowId).sort()).toEqual([p1.id, p2.id].sort());
  });

  it("a supervisor cannot withdraw, nor list, an assignment outside their units", async () => {
    const enumerator = await createStaff("enumerator");
    await assignWork({ roundId: survey.round.id, unitId: survey.units.b.id, enumeratorId: enumerator.id, frameRowIds: [], actorId: enumerator.id });
    const [assignment] = await listAssignments(survey.round.id, null);
    expect(await listAssignments(survey.round.id, [survey.units.a.id])).toEqual([]);
    expect(await removeAssignment({ assignmentId: assignment.id, scope: [survey.units.a.id], actorId: enumerator.id })).toBe(false);
    expect(await removeAssignment({ assignmentId: assignment.id, scope: null, actorId: enumerator.id })).toBe(true);
    expect(await listAssignments(survey.round.id, null)).toEqual([]);
  });
});
