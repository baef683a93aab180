/**
 * People in sampling frames, for the specs that need drawn people.
 */
import { randomUUID } from "node:crypto";
import type { TestPrisma } from "../prisma";
import { PRIVACY_PERSON, PRIVACY_ROUND, ROUND } from "./names";

/** `n` drawn people (main sample) of a unit in the demo round, as the draw would leave them. */
export async function addDrawnPeople(db: TestPrisma, unitCode: string, n: number) {
  const round = await db.round.findUniqueOrThrow({ where: { code: ROUND }, select: { id: true } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } });
  await db.frameImport.create({
    data: {
      roundId: round.id,
      fileName: "e2e.csv",
      fingerprint: "e2e",
      rowCount: n,
      badRowCount: 0,
      report: "{}",
      status: "accepted",
      rows: {
        create: Array.from({ length: n }, (_, i) => ({
          roundId: round.id,
          unitId: unit.id,
          line: i + 2,
          dossierCode: `E2E-${randomUUID()}`,
          procedure: "Thủ tục",
          returnedAt: new Date("2020-09-01T00:00:00Z"),
          name: `Người thử ${i}`,
          phone: `+849000000${i}`,
          drawGroup: "main",
          drawOrder: i + 1,
        })),
      },
    },
  });
}

/**
 * One person in a sampling frame, with a name, phone and address found nowhere else, for
 * tests/e2e/personal-data.spec.ts: a collecting round of its own (so no other spec's
 * counts change) where the person is drawn, assigned to the demo enumerator and invited.
 * Idempotent: both browser projects run it.
 */
export async function seedPersonalData(prisma: TestPrisma) {
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
    data: {
      roundId: round.id,
      fileName: "rieng-tu.csv",
      fingerprint: "e2e",
      rowCount: 1,
      badRowCount: 0,
      report: "[]",
      status: "accepted",
      acceptedAt: new Date(),
    },
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
  await prisma.draw.create({
    data: {
      roundId: round.id,
      seed: "E2E-BM",
      fingerprint: "e2e",
      sizes: JSON.stringify({ [unit.code]: { main: 1, reserve: 0, frame: 1 } }),
    },
  });
  await prisma.assignment.create({
    data: { roundId: round.id, userId: enumerator.id, unitId: unit.id, frameRowId: row.id },
  });
  await prisma.invitation.create({
    data: {
      token: "E2E-BM-INVITE",
      roundId: round.id,
      unitId: unit.id,
      frameRowId: row.id,
      expiresAt: new Date("2026-12-31T00:00:00Z"),
    },
  });
}
