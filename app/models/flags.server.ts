import {
  districtBoundsFor,
  minuteOf,
  minuteRange,
  outsideDistrictFlag,
  sameMinuteFlag,
  straightLineFlag,
  tooFastFlag,
  type Flag,
} from "~/fieldwork/flags";
import type { Prisma } from "~/generated/prisma/client";
import type { AnswerRow } from "~/survey/answers";

export interface FlagInput {
  responseId: string;
  round: { id: string; qcMinSecondsPerItem: number; qcSameMinuteCount: number };
  unitId: string;
  recordedById: string;
  startedAt: Date;
  endedAt: Date;
  rows: AnswerRow[];
  /** Criterion codes: the likert items of element sections (elementsOf). */
  criterionCodes: string[];
  location: { latitude: number; longitude: number; accuracy: number } | null;
}

/**
 * Compute and store the quality flags of an interview just written, inside the same
 * transaction (an interview is never stored without its flags). same_minute looks at the
 * enumerator's other interviews of that minute and flags them all, the earlier ones too.
 */
export async function recordInterviewFlags(tx: Prisma.TransactionClient, input: FlagInput): Promise<Flag[]> {
  const unit = await tx.unit.findUniqueOrThrow({
    where: { id: input.unitId },
    select: { code: true, level: true, bounds: true, parent: { select: { code: true, level: true, bounds: true } } },
  });
  const criteria = new Set(input.criterionCodes);
  const own = [
    tooFastFlag({
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      answered: new Set(input.rows.map((r) => r.itemCode)).size,
      minSecondsPerItem: input.round.qcMinSecondsPerItem,
    }),
    straightLineFlag(input.rows.filter((r) => criteria.has(r.itemCode) && r.value !== null).map((r) => r.value!)),
    outsideDistrictFlag(input.location, districtBoundsFor(unit)),
  ].filter((f): f is Flag => f !== null);
  if (own.length) {
    await tx.responseFlag.createMany({ data: own.map((f) => ({ responseId: input.responseId, code: f.code, detail: JSON.stringify(f.detail) })) });
  }
  const sameMinute = await flagSameMinute(tx, input);
  return sameMinute ? [...own, sameMinute] : own;
}

async function flagSameMinute(tx: Prisma.TransactionClient, input: FlagInput): Promise<Flag | null> {
  const minute = minuteOf(input.endedAt);
  const { from, to } = minuteRange(minute);
  const inMinute = await tx.response.findMany({
    where: { roundId: input.round.id, recordedById: input.recordedById, mode: "enumerator", submittedAt: { gte: from, lt: to } },
    select: { id: true },
  });
  const flag = sameMinuteFlag({ minute, count: inMinute.length, threshold: input.round.qcSameMinuteCount });
  if (!flag) return null;
  const detail = JSON.stringify(flag.detail);
  for (const { id } of inMinute) {
    await tx.responseFlag.upsert({
      where: { responseId_code: { responseId: id, code: flag.code } },
      create: { responseId: id, code: flag.code, detail },
      update: { detail },
    });
  }
  return flag;
}
