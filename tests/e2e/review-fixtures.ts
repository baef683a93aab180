/**
 * Interviews for the supervisor-review spec (review.spec.ts): for each Playwright project a
 * collecting round of its own over Sở Nội vụ, with ten self-completed questionnaires and
 * four interviews by the demo enumerator as the sync endpoint stores them:
 *   1. pending, flagged too fast, every criterion "1" (the one the spec rejects);
 *   2. pending, flagged straight-lining (every criterion "5");
 *   3. pending, no flag, of a drawn person (a frame row with contact data);
 *   4. accepted, no flag, a walk-in.
 * Called by fixtures.ts on the fresh e2e database; idempotent.
 */
import { randomUUID } from "node:crypto";
import { prisma } from "../../app/db/prisma.server";
import { CONTACT, receiptOf, REVIEW_ROUNDS, REVIEW_UNIT, SELF_COMPLETED } from "./review-fixture-data";

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
const answersAll = (value: number) => CRITERIA.map((itemCode) => ({ itemCode, value }));

async function seedRound(code: string, instrumentId: string, unitId: string, enumeratorId: string) {
  const existing = await prisma.round.findUnique({ where: { code } });
  if (existing) return;
  const round = await prisma.round.create({
    data: {
      code,
      title: `Kiểm tra phiếu phỏng vấn (kiểm thử ${code})`,
      planReference: "E2E/KT",
      periodStart: new Date("2020-08-15T00:00:00Z"),
      periodEnd: new Date("2099-12-31T00:00:00Z"),
      instrumentId,
      status: "collecting",
      targetSampleSize: 10,
    },
  });
  await prisma.stratum.create({ data: { roundId: round.id, unitId, population: 100, targetSize: 10 } });
  const started = new Date("2020-09-10T02:00:00Z");
  for (let i = 0; i < SELF_COMPLETED; i++) {
    const id = randomUUID();
    await prisma.response.create({
      data: { id, roundId: round.id, unitId, mode: "online", language: "vi", status: "submitted", currentStep: "done", receiptCode: `${code.toUpperCase()}-S${i}`, startedAt: started, submittedAt: started, answers: { create: answersAll(5) } },
    });
  }
  const frameImport = await prisma.frameImport.create({
    data: { roundId: round.id, fileName: "e2e-review.csv", fingerprint: "e2e", rowCount: 1, badRowCount: 0, report: "{}", status: "accepted", acceptedAt: new Date() },
  });
  const person = await prisma.frameRow.create({
    data: { importId: frameImport.id, roundId: round.id, unitId, line: 2, dossierCode: `${code}-HS-1`, procedure: "Cấp giấy phép", returnedAt: started, name: CONTACT.name, phone: CONTACT.phone, drawGroup: "main", drawOrder: 1 },
  });
  const interviews = [
    { value: 1, minutes: 0.6, flag: { code: "too_fast", detail: { seconds: 36, answered: 30, secondsPerItem: 1.2, threshold: 2 } }, review: "pending" },
    { value: 5, minutes: 14, flag: { code: "straight_line", detail: { value: 5, answered: 22 } }, review: "pending" },
    { value: 4, minutes: 16, flag: null, review: "pending", frameRowId: person.id, interpretedInto: "hmn" },
    { value: 4, minutes: 12, flag: null, review: "accepted" },
  ];
  for (const [i, interview] of interviews.entries()) {
    const startedAt = new Date(started.getTime() + (i + 1) * 3_600_000);
    const submittedAt = new Date(startedAt.getTime() + interview.minutes * 60_000);
    await prisma.response.create({
      data: {
        id: randomUUID(),
        roundId: round.id,
        unitId,
        mode: "enumerator",
        language: "vi",
        interpretedInto: interview.interpretedInto ?? null,
        status: "submitted",
        currentStep: "done",
        receiptCode: receiptOf(code, i + 1),
        startedAt,
        submittedAt,
        receivedAt: new Date(submittedAt.getTime() + 86_400_000),
        recordedById: enumeratorId,
        frameRowId: interview.frameRowId ?? null,
        reviewStatus: interview.review,
        answers: { create: answersAll(interview.value) },
        flags: { create: interview.flag ? [{ code: interview.flag.code, detail: JSON.stringify(interview.flag.detail) }] : [] },
      },
    });
  }
}

export async function seedReviewInterviews() {
  const base = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: REVIEW_UNIT } });
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: "dieutra@hailong.test" } });
  for (const code of Object.values(REVIEW_ROUNDS)) await seedRound(code, base.instrumentId, unit.id, enumerator.id);
}
