import { ownFlags } from "~/domain/interviews/flags";
import { interviewContentHashSync } from "~/domain/interviews/interview-hash.server";
import {
  findAssignments,
  findRounds,
  findStoredIdentities,
  type AssignedUnit,
  type RoundRow,
  type StoredIdentity,
} from "~/models/interview-lookup.server";
import { interviewSchema, type Interview, type SyncResult } from "~/domain/interviews/interview-schema";
import { storeInterviews, type InterviewToStore } from "~/models/interview-store.server";
import type { Translate } from "~/i18n";
import { answerRowsFromValues, incompleteSections, type AnswerRow } from "~/domain/survey/answers";
import { buildStepSchema } from "~/domain/survey/step-schema";
import { elementsOf, getInstrument } from "./instrument.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";

/** Phones' clocks drift; an interview may end this far in the server's future. */
export const CLOCK_SKEW_MS = 10 * 60_000;

type Collector = { id: string };

/**
 * Store a batch of uploaded interviews and answer one result per interview, in order
 * (ADR 008). Every interview is checked first (shape, hash, the data it points at, the
 * instrument's step schemas); the valid ones are then written together, each all or
 * nothing (app/models/interview-store.server.ts, ADR 017). A bad interview never holds
 * back the good ones. An unexpected error (database down) is thrown: the route answers 5xx
 * and the phone retries the whole batch, of which nothing was stored.
 */
export async function syncInterviews(items: unknown[], user: Collector, t: Translate): Promise<SyncResult[]> {
  const results: (SyncResult | null)[] = [];
  const parsed: { index: number; interview: Interview; hash: string }[] = [];
  for (const [index, item] of items.entries()) {
    const shape = interviewSchema.safeParse(item);
    if (shape.success) parsed.push({ index, interview: shape.data, hash: interviewContentHashSync(shape.data) });
    results.push(shape.success ? null : invalidShape(item, shape.error.issues, t));
  }
  const taken = await findStoredIdentities([...new Set(parsed.map((p) => p.interview.id))]);
  const fresh = parsed.filter((p) => {
    const existing = taken.get(p.interview.id);
    if (existing) results[p.index] = answerFor(existing, p.hash, user, t);
    return !existing;
  });
  const rounds = await findRounds([...new Set(fresh.map((p) => p.interview.roundCode))]);
  const collecting = fresh.filter((p) => {
    const open = rounds.get(p.interview.roundCode)?.status === "collecting";
    if (!open) results[p.index] = invalid(p.interview.id, [t("sync.reason.round")], t);
    return open;
  });
  const assignments = await findAssignments(
    user.id,
    collecting.map(({ interview }) => ({
      roundId: rounds.get(interview.roundCode)!.id,
      unitCode: interview.unitCode,
      frameRowId: interview.frameRowId,
    })),
  );
  const toStore: { index: number; item: InterviewToStore }[] = [];
  for (const [k, p] of collecting.entries()) {
    const round = rounds.get(p.interview.roundCode)!;
    const checked = checkInterview(p.interview, round, await instrumentFor(round), assignments[k], user, p.hash, t);
    if (checked.ok) toStore.push({ index: p.index, item: checked.item });
    else results[p.index] = invalid(p.interview.id, checked.reasons, t);
  }
  const outcomes = await storeInterviews(toStore.map((s) => s.item));
  toStore.forEach(({ index, item }, k) => {
    const outcome = outcomes[k];
    results[index] = outcome.stored
      ? { id: item.id, status: "stored", message: t("sync.stored") }
      : answerFor(outcome.existing, item.contentHash, user, t);
  });
  return results as SyncResult[];
}

function invalidShape(item: unknown, issues: { path: (string | number)[] }[], t: Translate): SyncResult {
  const id =
    typeof (item as { id?: unknown })?.id === "string" ? String((item as { id: string }).id).slice(0, 100) : null;
  const paths = [...new Set(issues.map((i) => i.path.join(".") || "—"))].slice(0, 5);
  return invalid(
    id,
    paths.map((path) => t("sync.reason.shape", { path })),
    t,
  );
}

function invalid(id: string | null, reasons: string[], t: Translate): SyncResult {
  return { id, status: "invalid", message: t("sync.invalid", { reasons: reasons.join("; ") }), reasons };
}

/** The id is taken: duplicate when it is this enumerator's interview with the same content hash, else conflict. */
function answerFor(existing: StoredIdentity, hash: string, user: Collector, t: Translate): SyncResult {
  const same = existing.mode === "enumerator" && existing.recordedById === user.id && existing.contentHash === hash;
  return same
    ? { id: existing.id, status: "duplicate", message: t("sync.duplicate") }
    : { id: existing.id, status: "conflict", message: t("sync.conflict") };
}

interface InstrumentContext {
  instrument: InstrumentDefinition;
  criterionCodes: string[];
  /** Step schemas by message language, then section code: built once per context. */
  schemas: Map<string, Map<string, ReturnType<typeof buildStepSchema>>>;
}

/**
 * Frozen instrument versions, kept for the life of the process: a frozen version never
 * changes (ADR 003), so this cache cannot go stale. A draft is read afresh every time.
 */
const frozenInstruments = new Map<string, Promise<InstrumentContext>>();

function instrumentFor(round: RoundRow): Promise<InstrumentContext> {
  const cached = frozenInstruments.get(round.instrumentId);
  if (cached) return cached;
  const loading = getInstrument(round.instrumentId).then((instrument) => ({
    instrument,
    criterionCodes: Object.values(elementsOf(instrument)).flat(),
    schemas: new Map(),
  }));
  if (round.instrumentFrozen) {
    frozenInstruments.set(round.instrumentId, loading);
    loading.catch(() => frozenInstruments.delete(round.instrumentId));
  }
  return loading;
}

type Checked = { ok: true; item: InterviewToStore } | { ok: false; reasons: string[] };

/** The checks against the data: the enumerator's assignments, the instrument's languages and own step schemas. */
function checkInterview(
  interview: Interview,
  round: RoundRow,
  context: InstrumentContext,
  assignment: { unit: AssignedUnit | null; personAssigned: boolean },
  user: Collector,
  contentHash: string,
  t: Translate,
): Checked {
  const reasons: string[] = [];
  if (!assignment.unit) reasons.push(t("sync.reason.unit"));
  if (interview.frameRowId !== null && !assignment.personAssigned) reasons.push(t("sync.reason.frameRow"));
  if (!round.languages.split(",").includes(interview.language)) reasons.push(t("sync.reason.language"));
  const startedAt = new Date(interview.startedAt);
  const endedAt = new Date(interview.endedAt);
  if (endedAt < startedAt || endedAt.getTime() > Date.now() + CLOCK_SKEW_MS) reasons.push(t("sync.reason.times"));
  const answers = checkAnswers(interview, context, t);
  reasons.push(...answers.reasons);
  if (reasons.length || !assignment.unit) return { ok: false, reasons };
  const { rows } = answers;
  const flags = ownFlags({
    startedAt,
    endedAt,
    rows,
    criterionCodes: context.criterionCodes,
    minSecondsPerItem: round.qcMinSecondsPerItem,
    location: interview.location,
    unit: assignment.unit,
  });
  return {
    ok: true,
    item: {
      id: interview.id,
      roundId: round.id,
      unitId: assignment.unit.id,
      instrumentId: round.instrumentId,
      recordedById: user.id,
      language: interview.language,
      interpretedInto: interview.interpretedInto,
      frameRowId: interview.frameRowId,
      startedAt,
      endedAt,
      location: interview.location,
      contentHash,
      rows,
      flags,
      sameMinuteThreshold: round.qcSameMinuteCount,
    },
  };
}

/**
 * Each section's values through the survey's own step schema (the self-survey's rules,
 * messages in the request's language), then completeness over the whole questionnaire.
 */
function checkAnswers(interview: Interview, { instrument, schemas }: InstrumentContext, t: Translate) {
  // A translator is a new function per request; its text for one key names its language.
  const language = t("sync.stored");
  if (!schemas.has(language))
    schemas.set(language, new Map(instrument.sections.map((section) => [section.code, buildStepSchema(section, t)])));
  const stepSchemas = schemas.get(language)!;
  const reasons: string[] = [];
  const known = new Set(instrument.sections.map((s) => s.code));
  for (const code of Object.keys(interview.answers)) {
    if (!known.has(code)) reasons.push(t("sync.reason.section", { section: code }));
  }
  const rows: AnswerRow[] = [];
  for (const section of instrument.sections) {
    const values = interview.answers[section.code];
    if (values === undefined) continue;
    const result = stepSchemas.get(section.code)!.safeParse(values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        reasons.push(
          t("sync.reason.answer", { section: section.code, item: issue.path.join(".") || "—", message: issue.message }),
        );
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
