import { interviewContentHash } from "~/fieldwork/interview-hash";
import { interviewSchema, type Interview, type SyncResult } from "~/fieldwork/interview-schema";
import type { Translate } from "~/i18n";
import { answerRowsFromValues, incompleteSections, type AnswerRow } from "~/survey/answers";
import { receiptCodeFor } from "~/survey/receipt";
import { buildStepSchema } from "~/survey/step-schema";
import { prisma } from "~/utils/db.server";
import { recordInterviewFlags } from "./flags.server";
import { elementsOf, freezeInstrument, getInstrument, getInstrumentLanguages } from "./instrument.server";
import type { InstrumentDefinition } from "./instrument-definition";

/** Phones' clocks drift; an interview may end this far in the server's future. */
export const CLOCK_SKEW_MS = 10 * 60_000;

type Collector = { id: string };

/**
 * Store a batch of uploaded interviews, one at a time, each in its own transaction, and
 * answer one result per interview in order (ADR 008). A bad interview never holds back the
 * good ones. An unexpected error (database down) is thrown: the route answers 5xx and the
 * phone retries the whole batch, whose stored interviews then come back "duplicate".
 */
export async function syncInterviews(items: unknown[], user: Collector, t: Translate): Promise<SyncResult[]> {
  const rounds = new RoundCache();
  const results: SyncResult[] = [];
  for (const item of items) results.push(await syncInterview(item, user, t, rounds));
  return results;
}

async function syncInterview(item: unknown, user: Collector, t: Translate, rounds: RoundCache): Promise<SyncResult> {
  const parsed = interviewSchema.safeParse(item);
  if (!parsed.success) {
    const id = typeof (item as { id?: unknown })?.id === "string" ? String((item as { id: string }).id).slice(0, 100) : null;
    const paths = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "—"))].slice(0, 5);
    return invalid(id, paths.map((path) => t("sync.reason.shape", { path })), t);
  }
  const interview = parsed.data;
  const hash = await interviewContentHash(interview);
  const known = await existingResult(interview.id, hash, user, t);
  if (known) return known;
  const round = await rounds.get(interview.roundCode);
  const checked = await checkInterview(interview, round, user, t);
  if (!checked.ok) return invalid(interview.id, checked.reasons, t);
  try {
    await storeInterview(interview, checked.value, hash, user);
  } catch (error) {
    // Another request stored the same id a moment earlier (primary key): answer by its hash.
    if ((error as { code?: string }).code === "P2002") {
      const raced = await existingResult(interview.id, hash, user, t);
      if (raced) return raced;
    }
    throw error;
  }
  return { id: interview.id, status: "stored", message: t("sync.stored") };
}

function invalid(id: string | null, reasons: string[], t: Translate): SyncResult {
  return { id, status: "invalid", message: t("sync.invalid", { reasons: reasons.join("; ") }), reasons };
}

/** duplicate or conflict when the id is taken; null when it is free. */
async function existingResult(id: string, hash: string, user: Collector, t: Translate): Promise<SyncResult | null> {
  const existing = await prisma.response.findUnique({ where: { id }, select: { mode: true, recordedById: true, contentHash: true } });
  if (!existing) return null;
  const same = existing.mode === "enumerator" && existing.recordedById === user.id && existing.contentHash === hash;
  return same ? { id, status: "duplicate", message: t("sync.duplicate") } : { id, status: "conflict", message: t("sync.conflict") };
}

interface RoundContext {
  round: { id: string; instrumentId: string; qcMinSecondsPerItem: number; qcSameMinuteCount: number };
  instrument: InstrumentDefinition;
  languages: string[];
  criterionCodes: string[];
}

/** Rounds and their instruments, loaded once per batch. */
class RoundCache {
  private byCode = new Map<string, Promise<RoundContext | null>>();
  get(code: string) {
    if (!this.byCode.has(code)) this.byCode.set(code, loadRound(code));
    return this.byCode.get(code)!;
  }
}

async function loadRound(code: string): Promise<RoundContext | null> {
  const round = await prisma.round.findUnique({ where: { code } });
  if (!round || round.status !== "collecting") return null;
  const instrument = await getInstrument(round.instrumentId);
  return {
    round,
    instrument,
    languages: await getInstrumentLanguages(round.instrumentId),
    criterionCodes: Object.values(elementsOf(instrument)).flat(),
  };
}

interface CheckedInterview {
  context: RoundContext;
  unitId: string;
  rows: AnswerRow[];
}

type Checked = { ok: true; value: CheckedInterview } | { ok: false; reasons: string[] };

/** The checks against the data: the round, the enumerator's assignments, the instrument's own step schemas. */
async function checkInterview(interview: Interview, context: RoundContext | null, user: Collector, t: Translate): Promise<Checked> {
  if (!context) return { ok: false, reasons: [t("sync.reason.round")] };
  const reasons: string[] = [];
  const roundId = context.round.id;
  const assignment = await prisma.assignment.findFirst({ where: { roundId, userId: user.id, unit: { code: interview.unitCode } }, select: { unitId: true } });
  if (!assignment) reasons.push(t("sync.reason.unit"));
  if (interview.frameRowId !== null) {
    const person = await prisma.assignment.findFirst({
      where: { roundId, userId: user.id, frameRowId: interview.frameRowId, unit: { code: interview.unitCode } },
      select: { id: true },
    });
    if (!person) reasons.push(t("sync.reason.frameRow"));
  }
  if (!context.languages.includes(interview.language)) reasons.push(t("sync.reason.language"));
  const started = new Date(interview.startedAt).getTime();
  const ended = new Date(interview.endedAt).getTime();
  if (ended < started || ended > Date.now() + CLOCK_SKEW_MS) reasons.push(t("sync.reason.times"));
  const answers = checkAnswers(interview, context.instrument, t);
  reasons.push(...answers.reasons);
  if (reasons.length || !assignment) return { ok: false, reasons };
  return { ok: true, value: { context, unitId: assignment.unitId, rows: answers.rows } };
}

/**
 * Each section's values through the survey's own step schema (the self-survey's rules,
 * messages in the request's language), then completeness over the whole questionnaire.
 */
function checkAnswers(interview: Interview, instrument: InstrumentDefinition, t: Translate) {
  const reasons: string[] = [];
  const known = new Set(instrument.sections.map((s) => s.code));
  for (const code of Object.keys(interview.answers)) {
    if (!known.has(code)) reasons.push(t("sync.reason.section", { section: code }));
  }
  const rows: AnswerRow[] = [];
  for (const section of instrument.sections) {
    const values = interview.answers[section.code];
    if (values === undefined) continue;
    const result = buildStepSchema(section, t).safeParse(values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        reasons.push(t("sync.reason.answer", { section: section.code, item: issue.path.join(".") || "—", message: issue.message }));
      }
      continue;
    }
    rows.push(...answerRowsFromValues(section, result.data));
  }
  if (reasons.length === 0) {
    const incomplete = incompleteSections(instrument.sections, rows);
    if (incomplete.length) reasons.push(t("sync.reason.incomplete", { sections: incomplete.join(", ") }));
  }
  return { reasons, rows };
}

/** The Response, its answers, the frame row's outcome and the flags: all or nothing. */
async function storeInterview(interview: Interview, checked: CheckedInterview, contentHash: string, user: Collector) {
  const { context, unitId, rows } = checked;
  const startedAt = new Date(interview.startedAt);
  const endedAt = new Date(interview.endedAt);
  await prisma.$transaction(async (tx) => {
    await tx.response.create({
      data: {
        id: interview.id,
        roundId: context.round.id,
        unitId,
        mode: "enumerator",
        language: interview.language,
        status: "submitted",
        currentStep: "done",
        receiptCode: receiptCodeFor(interview.id),
        startedAt,
        submittedAt: endedAt,
        receivedAt: new Date(),
        recordedById: user.id,
        interpretedInto: interview.interpretedInto,
        frameRowId: interview.frameRowId,
        latitude: interview.location?.latitude ?? null,
        longitude: interview.location?.longitude ?? null,
        locationAccuracy: interview.location?.accuracy ?? null,
        contentHash,
        reviewStatus: "pending",
        answers: { create: rows },
      },
    });
    if (interview.frameRowId) {
      await tx.frameRow.update({ where: { id: interview.frameRowId }, data: { outcome: "completed", outcomeAt: endedAt } });
    }
    await recordInterviewFlags(tx, {
      responseId: interview.id,
      round: context.round,
      unitId,
      recordedById: user.id,
      startedAt,
      endedAt,
      rows,
      criterionCodes: context.criterionCodes,
      location: interview.location,
    });
  });
  await freezeInstrument(context.round.instrumentId);
}
