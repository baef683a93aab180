/** Creating a round with its strata, and its status changes, on a real database. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeRoundStatus, createRoundWithStrata, listRoundsForAdmin, StatusChangeError } from "~/models/round-admin.server";
import { planAllocation } from "~/domain/rounds/allocation-plan";
import type { RoundForm } from "~/domain/rounds/round-schema";
import { prisma } from "~/db/prisma.server";
import { createInstrument } from "./fixtures";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

async function setup() {
  const suffix = randomUUID().slice(0, 8);
  const instrument = await createInstrument({ ...sipas2017, code: `ra-${suffix}` });
  const validFrom = new Date("2020-01-01T00:00:00Z");
  const units = [
    { code: `dept-${suffix}`, level: "department" as const, population: 600 },
    { code: `dist-${suffix}`, level: "district" as const, population: 300 },
    { code: `comm-${suffix}`, level: "commune" as const, population: 100 },
  ];
  for (const u of units) await prisma.unit.create({ data: { code: u.code, name: u.code, level: u.level, validFrom } });
  const form: RoundForm = {
    intent: "save",
    code: `round-${suffix}`,
    title: "Đợt thử",
    periodStart: new Date("2021-01-01T00:00:00Z"),
    periodEnd: new Date("2021-06-30T00:00:00Z"),
    planReference: "12/KH-UBND",
    instrumentId: instrument.id,
    units: units.map((u) => u.code),
    population: Object.fromEntries(units.map((u) => [u.code, u.population])),
    rule: "proportional",
    total: 100,
    minimum: 20,
    perLevel: {},
    manual: {},
  };
  return { units, form };
}

describe("createRoundWithStrata", () => {
  it("stores a draft round, its rule and one stratum per unit with N_h and n_h", async () => {
    const { units, form } = await setup();
    const plan = planAllocation(units, { rule: "proportional", total: 100, minimum: 20 });
    expect(plan.rows.map((r) => r.n)).toEqual([53, 27, 20]);
    const round = await createRoundWithStrata(form, plan.rows, null);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id }, include: { strata: { include: { unit: true } } } });
    expect(stored).toMatchObject({ status: "draft", allocationRule: "proportional", allocationMinimum: 20, targetSampleSize: 100, planReference: "12/KH-UBND" });
    expect(stored.strata.map((s) => [s.unit.code, s.population, s.targetSize]).sort()).toEqual(units.map((u, h) => [u.code, u.population, plan.rows[h].n]).sort());
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entity: "Round", entityId: round.id, action: "round.create" } });
    expect(JSON.parse(audit.after!).strata).toHaveLength(3);
    expect((await listRoundsForAdmin()).find((r) => r.code === form.code)?._count.strata).toBe(3);
  });

  it("rejects a second round with the same code, leaving no strata behind", async () => {
    const { units, form } = await setup();
    const plan = planAllocation(units, { rule: "fixed", perLevel: { department: 40, district: 30, commune: 150 } });
    expect(plan.rows.map((r) => r.n)).toEqual([40, 30, 100]);
    await createRoundWithStrata({ ...form, rule: "fixed" }, plan.rows, null);
    const before = await prisma.stratum.count();
    await expect(createRoundWithStrata({ ...form, rule: "fixed" }, plan.rows, null)).rejects.toThrow();
    expect(await prisma.stratum.count()).toBe(before);
  });
});

describe("changeRoundStatus", () => {
  it("goes draft → collecting → closed, audited, and never back", async () => {
    const { units, form } = await setup();
    await createRoundWithStrata(form, planAllocation(units, { rule: "manual", sizes: {} }).rows, null);
    await expect(changeRoundStatus(form.code, "closed", null)).rejects.toBeInstanceOf(StatusChangeError);
    await changeRoundStatus(form.code, "collecting", null);
    await changeRoundStatus(form.code, "closed", null);
    await expect(changeRoundStatus(form.code, "draft", null)).rejects.toBeInstanceOf(StatusChangeError);
    const round = await prisma.round.findUniqueOrThrow({ where: { code: form.code } });
    expect(round.status).toBe("closed");
    const changes = await prisma.auditEntry.findMany({ where: { entityId: round.id, action: "round.status" }, orderBy: { at: "asc" } });
    expect(changes.map((c) => JSON.parse(c.after!).status)).toEqual(["collecting", "closed"]);
  });

  it("closing cuts the link from invitations back to the people of the frame", async () => {
    const { units, form } = await setup();
    await createRoundWithStrata(form, planAllocation(units, { rule: "manual", sizes: {} }).rows, null);
    const round = await prisma.round.findUniqueOrThrow({ where: { code: form.code } });
    const unitId = (await prisma.stratum.findFirstOrThrow({ where: { roundId: round.id } })).unitId;
    const frameImport = await prisma.frameImport.create({
      data: { roundId: round.id, fileName: "f.csv", fingerprint: "x", rowCount: 1, badRowCount: 0, report: "{}", status: "accepted" },
    });
    const row = await prisma.frameRow.create({
      data: { importId: frameImport.id, roundId: round.id, unitId, line: 2, dossierCode: "D1", procedure: "p", returnedAt: new Date(), phone: "0912345678" },
    });
    const invitation = await prisma.invitation.create({
      data: { token: `t-${randomUUID()}`, roundId: round.id, unitId, expiresAt: new Date("2099-01-01"), frameRowId: row.id },
    });
    await changeRoundStatus(form.code, "collecting", null);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).frameRowId).toBe(row.id);
    await changeRoundStatus(form.code, "closed", null);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).frameRowId).toBeNull();
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: round.id, action: "round.status" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.after!)).toEqual({ status: "closed", invitationLinksCut: 1, interviewLinksCut: 0 });
  });
});
