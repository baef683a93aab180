/**
 * Demo enumerator interviews for supervisor review (issue 5, docs/decisions/009): ten
 * face-to-face interviews by the demo enumerator in Huyện Tam Đường, as the sync endpoint
 * would have stored them, so the demo's review and back-check pages have work on them:
 * some pending, some flagged (too fast, straight-lining, three in the same minute), one
 * accepted and two rejected with a reason. Idempotent: ids are fixed (a seeded generator),
 * and an interview already there is left as it is (a supervisor may have decided on it).
 */
import { prisma } from "../../app/db/prisma.server";
import { receiptCodeFor } from "../../app/domain/survey/receipt";
import type { InstrumentDefinition } from "../../app/domain/instruments/instrument-definition";
import { generateSyntheticResponses, type SyntheticResponse } from "./synthetic-responses";

const UNIT = "huyen-tam-duong";
const ENUMERATOR = "dieutra@hailong.test";
const SUPERVISOR = "giamsat@hailong.test";
const SEED = 5005;
const COUNT = 10;

interface Plan {
  review: "pending" | "accepted" | "rejected";
  reason?: string;
  /** Seconds the interview took (the too-fast rule compares seconds per answered question). */
  seconds?: number;
  straightLine?: boolean;
  /** Interviews with the same key end in the same minute. */
  sameMinute?: boolean;
  interpretedInto?: string;
}

/** What happens to each of the ten, in order. */
const PLANS: Plan[] = [
  { review: "pending", interpretedInto: "hmn" },
  { review: "pending", seconds: 50 },
  { review: "pending", straightLine: true, interpretedInto: "blt" },
  { review: "pending", sameMinute: true },
  { review: "pending", sameMinute: true },
  { review: "pending", sameMinute: true },
  { review: "pending" },
  { review: "accepted", interpretedInto: "hmn" },
  { review: "rejected", seconds: 45, reason: "Phúc tra: người dân không xác nhận đã được phỏng vấn." },
  {
    review: "rejected",
    straightLine: true,
    reason: "Trả lời một kiểu, thời gian quá ngắn; đã trao đổi với điều tra viên.",
  },
];

const round2 = (x: number) => Math.round(x * 100) / 100;
const SAME_MINUTE_END = new Date("2020-09-18T03:25:10Z");
const MIN_SECONDS_PER_ITEM = 2;
const SAME_MINUTE_COUNT = 3;

/** The interview's answers, timing and flags, with flag details shaped like app/domain/interviews/flags.ts writes them. */
function shape(response: SyntheticResponse, plan: Plan, index: number) {
  const answers = plan.straightLine
    ? response.answers.map((a) => (a.value !== null && a.value !== 9 ? { ...a, value: 5 } : a))
    : response.answers;
  const answered = new Set(answers.map((a) => a.itemCode)).size;
  const submittedAt = plan.sameMinute
    ? new Date(SAME_MINUTE_END.getTime() + index * 1000)
    : new Date(
        response.startedAt.getTime() +
          (plan.seconds ?? (response.submittedAt.getTime() - response.startedAt.getTime()) / 1000) * 1000,
      );
  const startedAt = plan.sameMinute ? new Date(submittedAt.getTime() - 14 * 60_000) : response.startedAt;
  const seconds = (submittedAt.getTime() - startedAt.getTime()) / 1000;
  const flags: { code: string; detail: string }[] = [];
  if (seconds / answered < MIN_SECONDS_PER_ITEM) {
    flags.push({
      code: "too_fast",
      detail: JSON.stringify({
        seconds,
        answered,
        secondsPerItem: round2(seconds / answered),
        threshold: MIN_SECONDS_PER_ITEM,
      }),
    });
  }
  if (plan.straightLine) {
    const criteria = answers.filter((a) => a.value !== null && a.value !== 9);
    flags.push({ code: "straight_line", detail: JSON.stringify({ value: 5, answered: criteria.length }) });
  }
  if (plan.sameMinute) {
    flags.push({
      code: "same_minute",
      detail: JSON.stringify({
        minute: SAME_MINUTE_END.toISOString().slice(0, 16),
        count: SAME_MINUTE_COUNT,
        threshold: SAME_MINUTE_COUNT,
      }),
    });
  }
  return { answers, startedAt, submittedAt, flags };
}

export async function seedDemoInterviews(roundId: string, instrument: InstrumentDefinition) {
  const [unit, enumerator, supervisor] = await Promise.all([
    prisma.unit.findUniqueOrThrow({ where: { code: UNIT } }),
    prisma.user.findUniqueOrThrow({ where: { email: ENUMERATOR } }),
    prisma.user.findUniqueOrThrow({ where: { email: SUPERVISOR } }),
  ]);
  const synthetic = generateSyntheticResponses(
    [{ code: UNIT, level: "district", targetSize: COUNT }],
    instrument,
    SEED,
  );
  const existing = new Set(
    (await prisma.response.findMany({ where: { id: { in: synthetic.map((r) => r.id) } }, select: { id: true } })).map(
      (r) => r.id,
    ),
  );
  let added = 0;
  for (const [index, response] of synthetic.entries()) {
    if (existing.has(response.id)) continue;
    const plan = PLANS[index];
    const { answers, startedAt, submittedAt, flags } = shape(response, plan, index);
    const decided = plan.review !== "pending";
    await prisma.response.create({
      data: {
        id: response.id,
        roundId,
        unitId: unit.id,
        mode: "enumerator",
        language: "vi",
        interpretedInto: plan.interpretedInto ?? null,
        status: "submitted",
        currentStep: "done",
        receiptCode: receiptCodeFor(response.id),
        startedAt,
        submittedAt,
        // Uploaded when the enumerator reached a signal, two days later.
        receivedAt: new Date(submittedAt.getTime() + 2 * 86_400_000),
        recordedById: enumerator.id,
        reviewStatus: plan.review,
        reviewReason: plan.reason ?? null,
        reviewedById: decided ? supervisor.id : null,
        reviewedAt: decided ? new Date(submittedAt.getTime() + 3 * 86_400_000) : null,
        answers: { create: answers.map(({ itemCode, value, choice, text }) => ({ itemCode, value, choice, text })) },
        flags: { create: flags },
      },
    });
    added++;
  }
  return { total: synthetic.length, added };
}
