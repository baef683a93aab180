import { recordAudit } from "./audit.server";
import type { ReviewStatus } from "~/domain/review/review-schema";
import { prisma } from "~/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";

/**
 * Supervisor review of enumerator interviews (issue 5, docs/decisions/009). An uploaded
 * interview arrives with reviewStatus "pending"; a supervisor accepts or rejects it (with a
 * reason), and may change the decision later. Rejected responses are left out of every
 * index (results.server.ts `COUNTED_IN_INDEX`); pending ones, flagged or not, still count.
 * Self-completed questionnaires have reviewStatus null and are never reviewed.
 */

export type Decision = Exclude<ReviewStatus, "pending">;

/** Unit ids the user may see (null = all), from `unitScope`. */
type Scope = string[] | null;

const scoped = (scope: Scope) => (scope ? { unitId: { in: scope } } : {});

/**
 * How many submitted questionnaires of a round (or of one unit) were rejected after review
 * and so are not in the indices: the results pages say so next to n.
 */
export async function countExcludedResponses(roundId: string, unitId?: string): Promise<number> {
  return prisma.response.count({
    where: { roundId, status: "submitted", reviewStatus: "rejected", ...(unitId ? { unitId } : {}) },
  });
}

/** Rejected counts per unit id of a round, for pages that list every unit at once. */
export async function countExcludedByUnit(roundId: string): Promise<Map<string, number>> {
  const rows = await prisma.response.groupBy({
    by: ["unitId"],
    where: { roundId, status: "submitted", reviewStatus: "rejected" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.unitId, r._count._all]));
}

export interface ReviewFilter {
  status?: ReviewStatus;
  enumeratorId?: string;
  unitId?: string;
  /** "any": with at least one flag; "none": without; or one flag code. */
  flag?: string;
}

/** The interviews under review: submitted, and subject to review (reviewStatus set). */
export function reviewWhere(roundId: string, scope: Scope, filter: ReviewFilter = {}): Prisma.ResponseWhereInput {
  const flag =
    filter.flag === "any"
      ? { flags: { some: {} } }
      : filter.flag === "none"
        ? { flags: { none: {} } }
        : filter.flag
          ? { flags: { some: { code: filter.flag } } }
          : {};
  return {
    roundId,
    status: "submitted",
    reviewStatus: filter.status ?? { not: null },
    ...scoped(scope),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.enumeratorId ? { recordedById: filter.enumeratorId } : {}),
    ...flag,
  };
}

/** What a review row shows of an interview (the interview page adds its answers). */
const INTERVIEW_SELECT = {
  id: true,
  receiptCode: true,
  language: true,
  interpretedInto: true,
  startedAt: true,
  submittedAt: true,
  receivedAt: true,
  reviewStatus: true,
  reviewReason: true,
  unit: { select: { code: true, name: true } },
  recordedBy: { select: { id: true, name: true } },
  flags: { select: { code: true, detail: true }, orderBy: { code: "asc" } },
} satisfies Prisma.ResponseSelect;

/** One page of interviews, newest upload first, with what a review row shows. */
export async function listInterviewsForReview(
  roundId: string,
  scope: Scope,
  filter: ReviewFilter,
  page: number,
  pageSize: number,
) {
  const where = reviewWhere(roundId, scope, filter);
  const [total, rows] = await Promise.all([
    prisma.response.count({ where }),
    prisma.response.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: INTERVIEW_SELECT,
    }),
  ]);
  return { total, rows };
}

export interface ReviewTally {
  pending: number;
  accepted: number;
  rejected: number;
  flagged: number;
}

const emptyTally = (): ReviewTally => ({ pending: 0, accepted: 0, rejected: 0, flagged: 0 });

/**
 * Counts per enumerator and per unit (pending / accepted / rejected / flagged), and the
 * pending flagged interviews that the indices count now (flags are not a verdict).
 */
export async function getReviewCounts(roundId: string, scope: Scope) {
  const base = reviewWhere(roundId, scope);
  const [all, flagged] = await Promise.all([
    prisma.response.groupBy({ by: ["recordedById", "unitId", "reviewStatus"], where: base, _count: { _all: true } }),
    prisma.response.groupBy({
      by: ["recordedById", "unitId", "reviewStatus"],
      where: { ...base, flags: { some: {} } },
      _count: { _all: true },
    }),
  ]);
  const byEnumerator = new Map<string, ReviewTally>();
  const byUnit = new Map<string, ReviewTally>();
  const total = emptyTally();
  let pendingFlagged = 0;
  const add = (map: Map<string, ReviewTally>, key: string) => {
    const tally = map.get(key) ?? emptyTally();
    map.set(key, tally);
    return tally;
  };
  for (const row of all) {
    const status = row.reviewStatus as ReviewStatus;
    for (const tally of [add(byEnumerator, row.recordedById ?? ""), add(byUnit, row.unitId), total])
      tally[status] += row._count._all;
  }
  for (const row of flagged) {
    for (const tally of [add(byEnumerator, row.recordedById ?? ""), add(byUnit, row.unitId), total])
      tally.flagged += row._count._all;
    if (row.reviewStatus === "pending") pendingFlagged += row._count._all;
  }
  return { byEnumerator, byUnit, total, pendingFlagged };
}

/** The enumerators who recorded interviews under review in the round (for the filter). */
export async function listReviewEnumerators(roundId: string, scope: Scope) {
  const ids = await prisma.response.findMany({
    where: reviewWhere(roundId, scope),
    distinct: ["recordedById"],
    select: { recordedById: true },
  });
  const userIds = ids.map((r) => r.recordedById).filter((id): id is string => id !== null);
  return prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

/** One interview with its answers and flags, if it is under review and in the user's units. */
export async function getInterviewForReview(roundId: string, responseId: string, scope: Scope) {
  return prisma.response.findFirst({
    where: { id: responseId, ...reviewWhere(roundId, scope) },
    select: {
      ...INTERVIEW_SELECT,
      mode: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      answers: { select: { itemCode: true, choice: true, value: true, text: true } },
      backCheck: { select: { result: true, note: true } },
    },
  });
}

/**
 * Accept or reject one interview, audited with the decision before and after. A decision
 * can be changed later (accept after reject and back): each change is a new audit entry.
 * Returns false when the interview is not one the user may review.
 */
export async function decideInterview(input: {
  roundId: string;
  responseId: string;
  decision: Decision;
  reason: string | null;
  scope: Scope;
  actorId: string;
}): Promise<boolean> {
  const where = { id: input.responseId, ...reviewWhere(input.roundId, input.scope) };
  const before = await prisma.response.findFirst({ where, select: { reviewStatus: true, reviewReason: true } });
  if (!before) return false;
  const after = { reviewStatus: input.decision, reviewReason: input.decision === "rejected" ? input.reason : null };
  await prisma.response.update({
    where: { id: input.responseId },
    data: { ...after, reviewedById: input.actorId, reviewedAt: new Date() },
  });
  await recordAudit({
    userId: input.actorId,
    action: `review.${input.decision === "accepted" ? "accept" : "reject"}`,
    entity: "Response",
    entityId: input.responseId,
    before,
    after,
  });
  return true;
}

/**
 * Accept every pending interview of one enumerator that has no flag (a flagged one needs a
 * look). One audit entry per interview, as if accepted one by one. Returns how many.
 */
export async function acceptUnflagged(input: {
  roundId: string;
  enumeratorId: string;
  scope: Scope;
  actorId: string;
}): Promise<number> {
  const where = {
    ...reviewWhere(input.roundId, input.scope, { status: "pending", enumeratorId: input.enumeratorId, flag: "none" }),
  };
  const ids = (await prisma.response.findMany({ where, select: { id: true } })).map((r) => r.id);
  if (ids.length === 0) return 0;
  await prisma.response.updateMany({
    where: { id: { in: ids }, reviewStatus: "pending" },
    data: { reviewStatus: "accepted", reviewReason: null, reviewedById: input.actorId, reviewedAt: new Date() },
  });
  for (const id of ids) {
    await recordAudit({
      userId: input.actorId,
      action: "review.accept",
      entity: "Response",
      entityId: id,
      before: { reviewStatus: "pending" },
      after: { reviewStatus: "accepted", bulk: true },
    });
  }
  return ids.length;
}

/** Every round, newest first, with its interviews waiting for review in the user's units. */
export async function listRoundsForReview(scope: Scope) {
  const [rounds, pending] = await Promise.all([
    prisma.round.findMany({
      orderBy: { periodStart: "desc" },
      select: { id: true, code: true, title: true, status: true },
    }),
    prisma.response.groupBy({
      by: ["roundId"],
      where: { status: "submitted", reviewStatus: "pending", ...scoped(scope) },
      _count: { _all: true },
    }),
  ]);
  const byRound = new Map(pending.map((p) => [p.roundId, p._count._all]));
  return rounds.map((r) => ({ ...r, pending: byRound.get(r.id) ?? 0 }));
}
