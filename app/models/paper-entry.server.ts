import { answerKey, computeMismatches, rowsFromKey, type Mismatch } from "~/domain/paper/mismatch";
import type { AnswerRow } from "~/domain/survey/answers";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";
import { freezeInstrument } from "./instrument.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";

/**
 * A paper form's receipt code is its serial within the round (P-<round>-<serial>): the
 * unique receiptCode column then refuses a second first-entry of one printed form, even
 * when two clerks save it at the same moment, and the serial finds the first entry for a
 * double entry. (Response has no serial column; this keeps the schema unchanged.)
 */
export function paperReceiptCode(roundCode: string, serial: string): string {
  return `P-${roundCode}-${serial.toUpperCase()}`;
}

export type PaperEntryError = "serialTaken" | "noFirstEntry" | "otherUnit" | "sameClerk" | "alreadyDoubled";

interface PaperEntryInput {
  id: string;
  round: { id: string; code: string; instrumentId: string };
  unitId: string;
  serial: string;
  rows: AnswerRow[];
  clerkId: string;
  doubleEntry: boolean;
}

/**
 * Store a keyed paper form, once. The id was made when the entry page rendered: a double
 * submit finds its row and changes nothing. A first entry is a submitted response (mode
 * paper, the clerk as recordedBy); a double entry is a "double_entry" copy pointing at the
 * first, never counted in results. Written here rather than through startResponse /
 * submitResponse because those do not carry the clerk, the receipt or the double entry.
 */
export async function savePaperEntry(
  input: PaperEntryInput,
): Promise<{ ok: true; receipt: string; id: string } | { ok: false; error: PaperEntryError }> {
  const receipt = paperReceiptCode(input.round.code, input.serial);
  const existing = await prisma.response.findUnique({ where: { id: input.id } });
  if (existing) return { ok: true, receipt, id: existing.id };
  const first = await prisma.response.findUnique({ where: { receiptCode: receipt } });
  if (!input.doubleEntry && first) return { ok: false, error: "serialTaken" };
  if (input.doubleEntry) {
    if (!first) return { ok: false, error: "noFirstEntry" };
    if (first.unitId !== input.unitId) return { ok: false, error: "otherUnit" };
    if (first.recordedById === input.clerkId) return { ok: false, error: "sameClerk" };
    if (await prisma.response.findFirst({ where: { doubleEntryOfId: first.id } }))
      return { ok: false, error: "alreadyDoubled" };
  }
  const now = new Date();
  try {
    await prisma.response.create({
      data: {
        id: input.id,
        roundId: input.round.id,
        unitId: input.unitId,
        mode: "paper",
        language: "vi",
        status: input.doubleEntry ? "double_entry" : "submitted",
        currentStep: "done",
        receiptCode: input.doubleEntry ? null : receipt,
        startedAt: now,
        submittedAt: now,
        recordedById: input.clerkId,
        doubleEntryOfId: input.doubleEntry ? first!.id : null,
        answers: { create: input.rows },
      },
    });
  } catch (error) {
    // Another clerk saved the same serial a moment earlier (unique receiptCode).
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "serialTaken" };
    throw error;
  }
  if (!input.doubleEntry) await freezeInstrument(input.round.instrumentId);
  await recordAudit({
    userId: input.clerkId,
    action: input.doubleEntry ? "paper.double-entry" : "paper.entry",
    entity: "Response",
    entityId: input.id,
    after: { roundId: input.round.id, unitId: input.unitId, receipt, answers: input.rows.length },
  });
  return { ok: true, receipt, id: input.id };
}

const answerSelect = { select: { itemCode: true, choice: true, value: true, text: true } } as const;

export interface MismatchCase {
  firstId: string;
  receipt: string;
  unitName: string;
  mismatches: (Mismatch & { resolved: string | null })[];
}

/** Double-entered paper forms of a round (within scope) and where the two keyings differ. */
export async function getMismatchCases(
  roundId: string,
  scope: string[] | null,
  instrument: InstrumentDefinition,
): Promise<MismatchCase[]> {
  const doubles = await prisma.response.findMany({
    where: { roundId, status: "double_entry", ...(scope ? { unitId: { in: scope } } : {}) },
    include: { answers: answerSelect },
    orderBy: { startedAt: "asc" },
  });
  const itemCodes = instrument.sections.flatMap((s) => s.items.map((i) => i.code));
  const cases: MismatchCase[] = [];
  for (const second of doubles) {
    const first = await prisma.response.findUnique({
      where: { id: second.doubleEntryOfId! },
      include: { answers: answerSelect, unit: true },
    });
    if (!first) continue;
    const resolutions = await prisma.auditEntry.findMany({
      where: { action: "paper.resolve", entity: "Response", entityId: first.id },
      orderBy: { at: "asc" },
    });
    // The audit log marks an item resolved and keeps the answer first keyed (`before`),
    // so a resolved item stays on the list, shown with both keyings and the accepted one.
    const resolved = new Map(resolutions.map((r) => [JSON.parse(r.after ?? "{}").itemCode as string, r]));
    const differing = new Set(computeMismatches(itemCodes, first.answers, second.answers).map((m) => m.itemCode));
    const mismatches = itemCodes
      .filter((code) => differing.has(code) || resolved.has(code))
      .map((itemCode) => {
        const resolution = resolved.get(itemCode);
        return {
          itemCode,
          first: resolution
            ? (JSON.parse(resolution.before ?? "{}").value as string)
            : answerKey(first.answers, itemCode),
          second: answerKey(second.answers, itemCode),
          resolved: resolution ? (JSON.parse(resolution.after ?? "{}").value as string) : null,
        };
      });
    if (mismatches.length)
      cases.push({ firstId: first.id, receipt: first.receiptCode ?? "", unitName: first.unit.name, mismatches });
  }
  return cases;
}

/**
 * Accept one of the two keyed answers for an item: the first entry (the one counted)
 * takes it, and the resolution is recorded in the audit log, which is what marks the item
 * resolved. Only a value one of the two clerks keyed is accepted.
 */
export async function resolveMismatch(input: {
  firstId: string;
  itemCode: string;
  value: string;
  instrument: InstrumentDefinition;
  scope: string[] | null;
  actorId: string;
}) {
  const first = await prisma.response.findUnique({ where: { id: input.firstId }, include: { answers: answerSelect } });
  const second =
    first &&
    (await prisma.response.findFirst({ where: { doubleEntryOfId: first.id }, include: { answers: answerSelect } }));
  if (!first || !second || (input.scope && !input.scope.includes(first.unitId))) return false;
  const item = input.instrument.sections.flatMap((s) => s.items).find((i) => i.code === input.itemCode);
  const mismatch = computeMismatches([input.itemCode], first.answers, second.answers)[0];
  if (!item || !mismatch || (input.value !== mismatch.first && input.value !== mismatch.second)) return false;
  await prisma.$transaction([
    prisma.answer.deleteMany({ where: { responseId: first.id, itemCode: item.code } }),
    prisma.answer.createMany({ data: rowsFromKey(item, input.value).map((row) => ({ ...row, responseId: first.id })) }),
  ]);
  await recordAudit({
    userId: input.actorId,
    action: "paper.resolve",
    entity: "Response",
    entityId: first.id,
    before: { itemCode: item.code, value: mismatch.first },
    after: { itemCode: item.code, value: input.value },
  });
  return true;
}
