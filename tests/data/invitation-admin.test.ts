import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { TOKEN_PATTERN } from "~/domain/invitations/invitation-token.server";
import {
  getInvitationCounts,
  issueAnonymousInvitations,
  issueInvitations,
  listSlipInvitations,
  listSmsRows,
  markInvitationOpened,
  syncRefusedInvitations,
} from "~/models/invitation-admin.server";
import { startResponse, submitResponse } from "~/models/response.server";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

let survey: Awaited<ReturnType<typeof createSurvey>>;
let adminId: string;

/** Frame rows as the draw leaves them (the draw's own code is another engineer's). */
async function addPeople(unitId: string, groups: ("main" | "reserve")[]) {
  const frameImport = await prisma.frameImport.create({
    data: { roundId: survey.round.id, fileName: "f.csv", fingerprint: "x", rowCount: groups.length, badRowCount: 0, report: "{}", status: "accepted" },
  });
  const rows = [];
  for (const [i, drawGroup] of groups.entries()) {
    rows.push(
      await prisma.frameRow.create({
        data: {
          importId: frameImport.id, roundId: survey.round.id, unitId, line: i + 2, dossierCode: `D-${randomUUID()}`,
          procedure: "p", returnedAt: new Date("2020-09-01T00:00:00Z"), name: `Người ${i}`, phone: `+8491000000${i}`, drawGroup, drawOrder: i + 1,
        },
      }),
    );
  }
  return rows;
}

beforeEach(async () => {
  survey = await createSurvey({
    units: [
      { key: "a", level: "department", population: 100 },
      { key: "b", level: "district", population: 100 },
    ],
  });
  const admin = await prisma.user.create({ data: { email: `a-${randomUUID()}@t`, name: "Admin", passwordHash: "x", role: "admin" } });
  adminId = admin.id;
});

describe("issuing invitations", () => {
  it("gives each drawn (main) person one unguessable token, once, however often it is pressed", async () => {
    const people = await addPeople(survey.units.a.id, ["main", "main", "main", "reserve"]);
    const input = { roundId: survey.round.id, unitIds: [survey.units.a.id], userId: adminId };
    expect(await issueInvitations(input)).toBe(3);
    expect(await issueInvitations(input)).toBe(0);
    const invitations = await prisma.invitation.findMany({ where: { roundId: survey.round.id } });
    expect(invitations).toHaveLength(3);
    expect(new Set(invitations.map((i) => i.frameRowId))).toEqual(new Set(people.slice(0, 3).map((p) => p.id)));
    for (const invitation of invitations) {
      expect(invitation.token).toMatch(TOKEN_PATTERN);
      expect(invitation.status).toBe("issued");
      expect(invitation.expiresAt.getTime()).toBeGreaterThan(survey.round.periodEnd.getTime());
    }
    const audit = await prisma.auditEntry.findMany({ where: { action: "invitations.issue", userId: adminId } });
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.after).join()).not.toMatch(/\+849|Người/);
  });

  it("issues anonymous walk-in invitations without a frame row", async () => {
    expect(await issueAnonymousInvitations({ roundId: survey.round.id, unitId: survey.units.b.id, count: 5, userId: adminId })).toBe(5);
    const rows = await prisma.invitation.findMany({ where: { unitId: survey.units.b.id } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.frameRowId === null && TOKEN_PATTERN.test(r.token))).toBe(true);
    expect(await listSlipInvitations(survey.round.id, survey.units.b.id)).toHaveLength(5);
  });
});

describe("invitation statuses", () => {
  it("counts issued, opened, completed and refused per unit; scope hides other units", async () => {
    const people = await addPeople(survey.units.a.id, ["main", "main", "main", "main"]);
    await addPeople(survey.units.b.id, ["main"]);
    await issueInvitations({ roundId: survey.round.id, unitIds: [survey.units.a.id], userId: adminId });
    const byPerson = async (i: number) => prisma.invitation.findUniqueOrThrow({ where: { frameRowId: people[i].id } });

    // Opened: the first open sets openedAt, a second keeps it.
    const opened = await byPerson(0);
    await markInvitationOpened(opened.id, new Date("2030-01-01T00:00:00Z"));
    await markInvitationOpened(opened.id, new Date("2030-02-01T00:00:00Z"));
    expect((await byPerson(0)).openedAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");

    // Completed: submitting the questionnaire started from the invitation.
    const invitation = await byPerson(1);
    const responseId = randomUUID();
    await startResponse({ id: responseId, roundId: survey.round.id, unitId: survey.units.a.id, language: "vi", mode: "online", firstStep: "profile", invitationId: invitation.id });
    await submitResponse(responseId, survey.instrument.id);
    expect((await byPerson(1)).status).toBe("completed");
    expect((await prisma.frameRow.findUniqueOrThrow({ where: { id: people[1].id } })).outcome).toBe("completed");

    // Refused: from the frame row's outcome.
    await prisma.frameRow.update({ where: { id: people[2].id }, data: { outcome: "refused" } });
    await syncRefusedInvitations(survey.round.id);

    const all = await getInvitationCounts(survey.round.id, null);
    expect(all.get(survey.units.a.id)).toEqual({ issued: 1, opened: 1, completed: 1, refused: 1, total: 4, drawn: 4, notIssued: 0 });
    expect(all.get(survey.units.b.id)).toMatchObject({ total: 0, drawn: 1, notIssued: 1 });
    const scoped = await getInvitationCounts(survey.round.id, [survey.units.b.id]);
    expect([...scoped.keys()]).toEqual([survey.units.b.id]);
  });

  it("exports phones only of invitations still open, with the link token and unit", async () => {
    const people = await addPeople(survey.units.a.id, ["main", "main"]);
    await issueInvitations({ roundId: survey.round.id, unitIds: [survey.units.a.id], userId: adminId });
    await prisma.frameRow.update({ where: { id: people[0].id }, data: { outcome: "refused" } });
    await syncRefusedInvitations(survey.round.id);
    const rows = await listSmsRows(survey.round.id, null);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phone: people[1].phone, unit: survey.units.a.name });
    expect(rows[0].token).toMatch(TOKEN_PATTERN);
  });
});
