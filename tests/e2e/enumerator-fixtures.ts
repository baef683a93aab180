/**
 * The demo enumerator's fieldwork for the offline-app spec (enumerator-offline.spec.ts): a
 * collecting round of its own (so other specs' counts for lai-chau-2020 stay as they are),
 * Huyện Tam Đường (the enumerator's unit in the seed), three drawn people with contact
 * data, each assigned to the enumerator. Called by fixtures.ts on the fresh e2e database.
 */
import { prisma } from "../../app/db/prisma.server";
import { FIELD_ENUMERATOR, FIELD_PEOPLE, FIELD_ROUND, FIELD_UNIT } from "./enumerator-fixture-data";

export async function seedEnumeratorFieldwork() {
  const base = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: FIELD_UNIT } });
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: FIELD_ENUMERATOR } });
  const round = await prisma.round.upsert({
    where: { code: FIELD_ROUND },
    create: {
      code: FIELD_ROUND,
      title: "Phỏng vấn trực tiếp (kiểm thử)",
      planReference: "E2E/PV",
      periodStart: new Date("2020-08-15T00:00:00Z"),
      periodEnd: new Date("2099-12-31T00:00:00Z"),
      instrumentId: base.instrumentId,
      status: "collecting",
      targetSampleSize: 10,
      // Test interviews take seconds: no "too fast" flag noise for the spec.
      qcMinSecondsPerItem: 0,
    },
    update: {},
  });
  await prisma.stratum.upsert({
    where: { roundId_unitId: { roundId: round.id, unitId: unit.id } },
    create: { roundId: round.id, unitId: unit.id, population: 100, targetSize: 10 },
    update: {},
  });
  const existing = await prisma.frameRow.count({ where: { roundId: round.id } });
  if (existing > 0) return;
  const frameImport = await prisma.frameImport.create({
    data: { roundId: round.id, fileName: "e2e-field.csv", fingerprint: "e2e", rowCount: FIELD_PEOPLE.length, badRowCount: 0, report: "{}", status: "accepted", acceptedAt: new Date() },
  });
  for (const [index, person] of FIELD_PEOPLE.entries()) {
    const row = await prisma.frameRow.create({
      data: {
        importId: frameImport.id,
        roundId: round.id,
        unitId: unit.id,
        line: index + 2,
        dossierCode: person.dossierCode,
        procedure: "Cấp giấy chứng nhận quyền sử dụng đất",
        returnedAt: new Date("2020-08-20T00:00:00Z"),
        name: person.name,
        phone: person.phone,
        address: person.address,
        drawGroup: "main",
        drawOrder: index + 1,
      },
    });
    await prisma.assignment.create({ data: { roundId: round.id, unitId: unit.id, userId: enumerator.id, frameRowId: row.id } });
  }
}
