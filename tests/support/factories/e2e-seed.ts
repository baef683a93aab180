/**
 * Rows the end-to-end tests need beyond the demo seed, on the e2e database before its
 * server starts (tests/support/e2e-server.ts): invitations in each state and a closed round;
 * the demo enumerator's fieldwork for the offline-app spec (a collecting round of its own,
 * so other specs' counts for lai-chau-2020 stay as they are: Huyện Tam Đường, the
 * enumerator's unit in the seed, three drawn people with contact data, each assigned to
 * the enumerator); and, for the supervisor-review spec, per Playwright project a collecting
 * round over Sở Nội vụ with ten self-completed questionnaires and four interviews by the
 * demo enumerator as the sync endpoint stores them:
 *   1. pending, flagged too fast, every criterion "1" (the one the spec rejects);
 *   2. pending, flagged straight-lining (every criterion "5");
 *   3. pending, no flag, of a drawn person (a frame row with contact data);
 *   4. accepted, no flag, a walk-in.
 * Idempotent.
 */
import { randomUUID } from "node:crypto";
import type { TestPrisma } from "../prisma";
import {
  CLOSED_ROUND,
  CONTACT,
  FIELD_ENUMERATOR,
  FIELD_PEOPLE,
  FIELD_ROUND,
  FIELD_UNIT,
  receiptOf,
  REVIEW_ROUNDS,
  REVIEW_UNIT,
  SELF_COMPLETED,
  TOKENS,
} from "./names";

interface OneUnitRound {
  code: string;
  title: string;
  planReference: string;
  periodStart: Date;
  periodEnd: Date;
  instrumentId: string;
  status: "closed" | "collecting";
  qcMinSecondsPerItem?: number;
}

/** A test round over one unit (N_h 100, n_h 10), created once: a second seed finds it. */
async function upsertOneUnitRound(prisma: TestPrisma, unitId: string, fields: OneUnitRound) {
  const round = await prisma.round.upsert({
    where: { code: fields.code },
    create: { ...fields, targetSampleSize: 10 },
    update: {},
  });
  await prisma.stratum.upsert({
    where: { roundId_unitId: { roundId: round.id, unitId } },
    create: { roundId: round.id, unitId, population: 100, targetSize: 10 },
    update: {},
  });
  return round;
}

export async function seedE2eFixtures(prisma: TestPrisma) {
  const round = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: "so-y-te" } });
  const closed = await upsertOneUnitRound(prisma, unit.id, {
    code: CLOSED_ROUND,
    title: "Đợt khảo sát đã kết thúc (kiểm thử)",
    planReference: "E2E/KH",
    periodStart: new Date("2019-08-01T00:00:00Z"),
    periodEnd: new Date("2019-10-31T00:00:00Z"),
    instrumentId: round.instrumentId,
    status: "closed",
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
  await seedEnumeratorFieldwork(prisma);
  await seedReviewInterviews(prisma);
}

export async function seedEnumeratorFieldwork(prisma: TestPrisma) {
  const base = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: FIELD_UNIT } });
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: FIELD_ENUMERATOR } });
  const round = await upsertOneUnitRound(prisma, unit.id, {
    code: FIELD_ROUND,
    title: "Phỏng vấn trực tiếp (kiểm thử)",
    planReference: "E2E/PV",
    periodStart: new Date("2020-08-15T00:00:00Z"),
    periodEnd: new Date("2099-12-31T00:00:00Z"),
    instrumentId: base.instrumentId,
    status: "collecting",
    // Test interviews take seconds: no "too fast" flag noise for the spec.
    qcMinSecondsPerItem: 0,
  });
  const existing = await prisma.frameRow.count({ where: { roundId: round.id } });
  if (existing > 0) return;
  const frameImport = await prisma.frameImport.create({
    data: {
      roundId: round.id,
      fileName: "e2e-field.csv",
      fingerprint: "e2e",
      rowCount: FIELD_PEOPLE.length,
      badRowCount: 0,
      report: "{}",
      status: "accepted",
      acceptedAt: new Date(),
    },
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
    await prisma.assignment.create({
      data: { roundId: round.id, unitId: unit.id, userId: enumerator.id, frameRowId: row.id },
    });
  }
}

const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
const answersAll = (value: number) => CRITERIA.map((itemCode) => ({ itemCode, value }));

async function seedReviewRound(
  prisma: TestPrisma,
  code: string,
  instrumentId: string,
  unitId: string,
  enumeratorId: string,
) {
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
      data: {
        id,
        roundId: round.id,
        unitId,
        mode: "online",
        language: "vi",
        status: "submitted",
        currentStep: "done",
        receiptCode: `${code.toUpperCase()}-S${i}`,
        startedAt: started,
        submittedAt: started,
        answers: { create: answersAll(5) },
      },
    });
  }
  const frameImport = await prisma.frameImport.create({
    data: {
      roundId: round.id,
      fileName: "e2e-review.csv",
      fingerprint: "e2e",
      rowCount: 1,
      badRowCount: 0,
      report: "{}",
      status: "accepted",
      acceptedAt: new Date(),
    },
  });
  const person = await prisma.frameRow.create({
    data: {
      importId: frameImport.id,
      roundId: round.id,
      unitId,
      line: 2,
      dossierCode: `${code}-HS-1`,
      procedure: "Cấp giấy phép",
      returnedAt: started,
      name: CONTACT.name,
      phone: CONTACT.phone,
      drawGroup: "main",
      drawOrder: 1,
    },
  });
  const interviews = [
    {
      value: 1,
      minutes: 0.6,
      flag: { code: "too_fast", detail: { seconds: 36, answered: 30, secondsPerItem: 1.2, threshold: 2 } },
      review: "pending",
    },
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
        flags: {
          create: interview.flag ? [{ code: interview.flag.code, detail: JSON.stringify(interview.flag.detail) }] : [],
        },
      },
    });
  }
}

export async function seedReviewInterviews(prisma: TestPrisma) {
  const base = await prisma.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: REVIEW_UNIT } });
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: "dieutra@hailong.test" } });
  for (const code of Object.values(REVIEW_ROUNDS))
    await seedReviewRound(prisma, code, base.instrumentId, unit.id, enumerator.id);
}
