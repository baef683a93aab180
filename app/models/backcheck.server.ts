import { drawBackChecks } from "~/domain/backchecks/backcheck";
import type { BackCheckResult } from "~/domain/backchecks/backcheck-schema";
import { newSeed } from "~/domain/sampling/prng";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";

/**
 * Back-checks (phúc tra, issue 5, docs/decisions/009): a seeded random share of each
 * enumerator's interviews is drawn for a call back to the respondent, and the call's result
 * is recorded. Supervisors work within their units (scope from `unitScope`).
 */

type Scope = string[] | null;
const scoped = (scope: Scope) => (scope ? { unitId: { in: scope } } : {});

/** Interviews that may be drawn: submitted, by an enumerator, not rejected, never drawn. */
function candidateWhere(roundId: string, scope: Scope) {
  return {
    roundId,
    status: "submitted",
    reviewStatus: { in: ["pending", "accepted"] },
    recordedById: { not: null },
    backCheck: { is: null },
    ...scoped(scope),
  };
}

/**
 * Draw back-checks in the round (within the scope) at `share` (0–1), which is also saved
 * as the round's setting; `seed` typed or generated. Audited; returns the count and seed.
 */
export async function drawRoundBackChecks(input: {
  roundId: string;
  scope: Scope;
  share: number;
  seed?: string;
  actorId: string;
}) {
  const seed = input.seed || newSeed();
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: input.roundId },
    select: { backCheckShare: true },
  });
  if (round.backCheckShare !== input.share) {
    await prisma.round.update({ where: { id: input.roundId }, data: { backCheckShare: input.share } });
    await recordAudit({
      userId: input.actorId,
      action: "round.backCheckShare",
      entity: "Round",
      entityId: input.roundId,
      before: { backCheckShare: round.backCheckShare },
      after: { backCheckShare: input.share },
    });
  }
  const candidates = await prisma.response.findMany({
    where: candidateWhere(input.roundId, input.scope),
    select: { id: true, recordedById: true },
  });
  const picked = drawBackChecks(
    candidates.map((c) => ({ responseId: c.id, enumeratorId: c.recordedById! })),
    input.share,
    seed,
  );
  if (picked.length > 0) {
    await prisma.backCheck.createMany({
      data: picked.map((p) => ({
        roundId: input.roundId,
        responseId: p.responseId,
        enumeratorId: p.enumeratorId,
        seed,
      })),
    });
  }
  await recordAudit({
    userId: input.actorId,
    action: "backcheck.draw",
    entity: "Round",
    entityId: input.roundId,
    after: { seed, share: input.share, candidates: candidates.length, drawn: picked.length },
  });
  return { count: picked.length, seed };
}

/** The round's back-checks within the scope, oldest draw first, with what the caller needs. */
export async function listBackChecks(roundId: string, scope: Scope) {
  return prisma.backCheck.findMany({
    where: { roundId, response: scoped(scope) },
    orderBy: [{ drawnAt: "asc" }, { enumeratorId: "asc" }, { id: "asc" }],
    select: {
      id: true,
      seed: true,
      drawnAt: true,
      result: true,
      note: true,
      checkedAt: true,
      enumeratorId: true,
      response: {
        select: {
          id: true,
          receiptCode: true,
          startedAt: true,
          frameRowId: true,
          reviewStatus: true,
          unit: { select: { name: true } },
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
}

/**
 * Name and phone of the drawn people behind some interviews, for staff with
 * `read:frame-contacts` only (the route decides). Walk-ins have no frame row.
 */
export async function getBackCheckContacts(frameRowIds: string[]) {
  if (frameRowIds.length === 0) return new Map<string, { name: string | null; phone: string | null }>();
  const rows = await prisma.frameRow.findMany({
    where: { id: { in: frameRowIds } },
    select: { id: true, name: true, phone: true },
  });
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
}

export interface BackCheckSummaryRow {
  enumeratorId: string;
  name: string;
  drawn: number;
  checked: number;
  mismatches: number;
}

/** Per enumerator: drawn, called (a result recorded), mismatches. */
export function summarizeBackChecks(
  rows: { enumeratorId: string; result: string | null; response: { recordedBy: { name: string } | null } }[],
): BackCheckSummaryRow[] {
  const summary = new Map<string, BackCheckSummaryRow>();
  for (const row of rows) {
    const entry = summary.get(row.enumeratorId) ?? {
      enumeratorId: row.enumeratorId,
      name: row.response.recordedBy?.name ?? "",
      drawn: 0,
      checked: 0,
      mismatches: 0,
    };
    entry.drawn++;
    if (row.result) entry.checked++;
    if (row.result === "mismatch") entry.mismatches++;
    summary.set(row.enumeratorId, entry);
  }
  return [...summary.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** Record (or correct) a call's result, audited. False when not in the round or the scope. */
export async function recordBackCheckResult(input: {
  roundId: string;
  backCheckId: string;
  scope: Scope;
  result: BackCheckResult;
  note: string | null;
  actorId: string;
}) {
  const before = await prisma.backCheck.findFirst({
    where: { id: input.backCheckId, roundId: input.roundId, response: scoped(input.scope) },
    select: { result: true, note: true, responseId: true },
  });
  if (!before) return false;
  const after = { result: input.result, note: input.note };
  await prisma.backCheck.update({
    where: { id: input.backCheckId },
    data: { ...after, checkedById: input.actorId, checkedAt: new Date() },
  });
  await recordAudit({
    userId: input.actorId,
    action: "backcheck.result",
    entity: "BackCheck",
    entityId: input.backCheckId,
    before: { result: before.result, note: before.note },
    after: { ...after, responseId: before.responseId },
  });
  return true;
}
