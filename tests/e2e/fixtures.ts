/**
 * Rows the end-to-end tests need beyond the demo seed: invitations in each state and a
 * closed round. Run by scripts/e2e-server.mjs on the fresh e2e database.
 */
import { prisma } from "../../app/db/prisma.server";
import { seedEnumeratorFieldwork } from "./enumerator-fixtures";
import { CLOSED_ROUND, TOKENS } from "./fixture-data";
import { seedReviewInterviews } from "./review-fixtures";

async function main() {
  const round = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: "so-y-te" } });
  const closed = await prisma.round.upsert({
    where: { code: CLOSED_ROUND },
    create: {
      code: CLOSED_ROUND,
      title: "Đợt khảo sát đã kết thúc (kiểm thử)",
      planReference: "E2E/KH",
      periodStart: new Date("2019-08-01T00:00:00Z"),
      periodEnd: new Date("2019-10-31T00:00:00Z"),
      instrumentId: round.instrumentId,
      status: "closed",
      targetSampleSize: 10,
    },
    update: {},
  });
  await prisma.stratum.upsert({
    where: { roundId_unitId: { roundId: closed.id, unitId: unit.id } },
    create: { roundId: closed.id, unitId: unit.id, population: 100, targetSize: 10 },
    update: {},
  });
  const future = new Date("2099-01-01T00:00:00Z");
  const rows = [
    { token: TOKENS.valid, roundId: round.id, expiresAt: future, usedAt: null },
    { token: TOKENS.validSecond, roundId: round.id, expiresAt: future, usedAt: null },
    { token: TOKENS.used, roundId: round.id, expiresAt: future, usedAt: new Date() },
    { token: TOKENS.expired, roundId: round.id, expiresAt: new Date("2020-01-01T00:00:00Z"), usedAt: null },
    { token: TOKENS.closed, roundId: closed.id, expiresAt: future, usedAt: null },
  ];
  for (const row of rows) {
    await prisma.invitation.upsert({ where: { token: row.token }, create: { ...row, unitId: unit.id }, update: {} });
  }
  await seedEnumeratorFieldwork();
  await seedReviewInterviews();
}

if (process.argv[1]?.endsWith("fixtures.ts")) {
  main().then(() => prisma.$disconnect());
}
