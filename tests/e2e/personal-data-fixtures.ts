/**
 * One person in a sampling frame, with a name, phone and address found nowhere else, for
 * tests/e2e/personal-data.spec.ts: a collecting round of its own (so no other spec's
 * counts change) where the person is drawn, assigned to the demo enumerator and invited.
 * Idempotent: both browser projects run it. DATABASE_URL names the e2e database.
 */
import { prisma } from "../../app/db/prisma.server";
import { PRIVACY_PERSON, PRIVACY_ROUND } from "./personal-data-names";

async function main() {
  if (await prisma.round.findUnique({ where: { code: PRIVACY_ROUND } })) return;
  const demo = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: "huyen-tam-duong" } });
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: "dieutra@hailong.test" } });
  const round = await prisma.round.create({
    data: {
      code: PRIVACY_ROUND,
      title: "Đợt kiểm thử dữ liệu cá nhân",
      planReference: "E2E/BM",
      periodStart: new Date("2026-01-01T00:00:00Z"),
      periodEnd: new Date("2026-12-31T00:00:00Z"),
      instrumentId: demo.instrumentId,
      status: "collecting",
      targetSampleSize: 1,
      strata: { create: { unitId: unit.id, population: 1, targetSize: 1 } },
    },
  });
  const frameImport = await prisma.frameImport.create({
    data: { roundId: round.id, fileName: "rieng-tu.csv", fingerprint: "e2e", rowCount: 1, badRowCount: 0, report: "[]", status: "accepted", acceptedAt: new Date() },
  });
  const row = await prisma.frameRow.create({
    data: {
      importId: frameImport.id,
      roundId: round.id,
      unitId: unit.id,
      line: 2,
      dossierCode: "E2E-BM-0001",
      procedure: "Cấp giấy phép kiểm thử",
      returnedAt: new Date("2026-03-02T00:00:00Z"),
      name: PRIVACY_PERSON.name,
      phone: PRIVACY_PERSON.phone,
      address: PRIVACY_PERSON.address,
      drawGroup: "main",
      drawOrder: 1,
    },
  });
  await prisma.draw.create({ data: { roundId: round.id, seed: "E2E-BM", fingerprint: "e2e", sizes: JSON.stringify({ [unit.code]: { main: 1, reserve: 0, frame: 1 } }) } });
  await prisma.assignment.create({ data: { roundId: round.id, userId: enumerator.id, unitId: unit.id, frameRowId: row.id } });
  await prisma.invitation.create({
    data: { token: "E2E-BM-INVITE", roundId: round.id, unitId: unit.id, frameRowId: row.id, expiresAt: new Date("2026-12-31T00:00:00Z") },
  });
}

await main();
await prisma.$disconnect();
