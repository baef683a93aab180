import type { AnswerRow } from "~/domain/survey/answers";
import { receiptCodeFor } from "~/domain/survey/receipt";
import { prisma } from "~/db/prisma.server";
import { freezeInstrument } from "./instrument.server";

/** Raised inside the start transaction when another start bound the invitation first; the transaction rolls back. */
class InvitationTakenError extends Error {}

export type ResponseMode = "online" | "enumerator" | "phone" | "paper";

export async function getResponse(id: string) {
  return prisma.response.findUnique({ where: { id }, include: { round: true, unit: true } });
}

export async function getAnswerRows(responseId: string): Promise<AnswerRow[]> {
  return prisma.answer.findMany({
    where: { responseId },
    select: { itemCode: true, choice: true, value: true, text: true },
  });
}

/**
 * Start a questionnaire under the id the client generated. Idempotent: a double tap or a
 * retry of the same form posts the same id and finds the row already there (an upsert,
 * so the retry changes nothing but the language the person chose).
 */
export async function startResponse(input: StartInput) {
  try {
    return await startResponseOnce(input);
  } catch (error) {
    // Lost a race: for an invitation, or for the id itself (a double tap whose two starts
    // both found no row; SQLite serialises them, PostgreSQL's read-committed transactions
    // do not, and the loser's insert hits the primary key). The second try finds the
    // winner's questionnaire.
    if (error instanceof InvitationTakenError || (error as { code?: string }).code === "P2002") {
      return startResponseOnce(input);
    }
    throw error;
  }
}

interface StartInput {
  id: string;
  roundId: string;
  unitId: string;
  language: string;
  mode: ResponseMode;
  firstStep: string;
  invitationId?: string;
}

async function startResponseOnce(input: StartInput) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.response.findUnique({ where: { id: input.id } });
    if (existing) {
      if (existing.roundId !== input.roundId || existing.unitId !== input.unitId) return null;
      if (existing.status === "in_progress") {
        await tx.response.update({ where: { id: input.id }, data: { language: input.language } });
      }
      return existing;
    }
    if (input.invitationId) {
      // Two devices opening one invitation at once: the first start binds it, the second
      // joins that questionnaire instead of making another (a conditional update, so
      // the binding can never move).
      const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId } });
      if (invitation.responseId) return tx.response.findUnique({ where: { id: invitation.responseId } });
    }
    const response = await tx.response.create({
      data: {
        id: input.id,
        roundId: input.roundId,
        unitId: input.unitId,
        mode: input.mode,
        language: input.language,
        status: "in_progress",
        currentStep: input.firstStep,
        startedAt: new Date(),
      },
    });
    if (input.invitationId) {
      const { count } = await tx.invitation.updateMany({
        where: { id: input.invitationId, responseId: null },
        data: { responseId: response.id },
      });
      if (count === 0) throw new InvitationTakenError();
    }
    return response;
  });
}

/**
 * Replace the answers to one section's items and move the bookmark to the next step.
 * Replacing (not adding) makes a resubmitted step idempotent.
 */
export async function saveSectionAnswers(responseId: string, itemCodes: string[], rows: AnswerRow[], nextStep: string) {
  await prisma.$transaction([
    prisma.answer.deleteMany({ where: { responseId, itemCode: { in: itemCodes } } }),
    prisma.answer.createMany({ data: rows.map((row) => ({ ...row, responseId })) }),
    prisma.response.update({ where: { id: responseId }, data: { currentStep: nextStep } }),
  ]);
}

/**
 * Mark a questionnaire submitted, once. The conditional update (status still in_progress)
 * makes a second submit (double tap, retry after a timeout, back-and-resubmit) a no-op:
 * both requests end on the thank-you page and there is one submitted row.
 */
export async function submitResponse(responseId: string, instrumentId: string) {
  const receiptCode = receiptCodeFor(responseId);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.response.updateMany({
      where: { id: responseId, status: "in_progress" },
      data: { status: "submitted", submittedAt: now, receiptCode, currentStep: "done" },
    });
    if (count === 1) {
      await tx.invitation.updateMany({
        where: { responseId, usedAt: null },
        data: { usedAt: now, status: "completed" },
      });
      // The sampled person behind the invitation has answered: their frame outcome says so.
      const invitation = await tx.invitation.findUnique({ where: { responseId }, select: { frameRowId: true } });
      if (invitation?.frameRowId) {
        await tx.frameRow.update({
          where: { id: invitation.frameRowId },
          data: { outcome: "completed", outcomeAt: now },
        });
      }
    }
  });
  await freezeInstrument(instrumentId);
  return receiptCode;
}
