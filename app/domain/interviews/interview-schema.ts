import { z } from "zod";

/**
 * The contract between the enumerator's offline app and the server (issue 5, ADR 008).
 * One schema, used by the phone before it queues an interview and by the sync endpoint
 * before it stores one, so both refuse the same things.
 *
 * An interview's id is a UUID made on the phone when the interview starts. The server
 * stores an id once: a repeat upload with the same content is answered "duplicate"
 * (already have it), a repeat with different content is a "conflict" and is never
 * written over (the content is compared by `contentHash`, see interview-hash.ts).
 */

const isoDateTime = z.string().datetime({ offset: true });

/** A step's answers exactly as the survey's step forms produce them (StepValues). */
const stepValuesSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(4000), z.array(z.string().max(200)).max(50)]),
);

export const interviewLocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Metres, as reported by the Geolocation API. */
  accuracy: z.number().min(0).max(100_000),
});

export const interviewSchema = z.object({
  id: z.string().uuid(),
  roundCode: z.string().min(1).max(100),
  unitCode: z.string().min(1).max(100),
  /** The drawn person interviewed (an assignment's frame row); null for a walk-in. */
  frameRowId: z.string().max(100).nullable(),
  /** The questionnaire language on screen (vi, en, …). */
  language: z.string().min(2).max(10),
  /** The language the enumerator interpreted into orally, or null when read as written. */
  interpretedInto: z.string().min(2).max(10).nullable(),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  /** Only with the respondent's consent and when the enumerator switched it on. */
  location: interviewLocationSchema.nullable(),
  /** Section code → that step's values (profile, E1…E5, expectations, comment). */
  answers: z.record(z.string().max(64), stepValuesSchema),
});
export type Interview = z.infer<typeof interviewSchema>;

/** At most this many interviews per request: small batches survive a weak signal. */
export const MAX_BATCH = 10;

export const syncRequestSchema = z.object({
  interviews: z.array(z.unknown()).min(1).max(MAX_BATCH),
});

/**
 * One result per uploaded interview, in the order sent.
 * - stored: written now;
 * - duplicate: the server already has this id with the same content (safe to clear);
 * - conflict: the server has this id with other content (kept on the phone, shown);
 * - invalid: refused, with reasons (kept on the phone, shown).
 * The phone removes an interview only on stored or duplicate.
 */
export type SyncStatus = "stored" | "duplicate" | "conflict" | "invalid";
export interface SyncResult {
  id: string | null;
  status: SyncStatus;
  /** Vietnamese or English message for the enumerator, by the request's language. */
  message?: string;
  /** For invalid: each reason on its own, to list them (the message joins them). */
  reasons?: string[];
}
export interface SyncResponse {
  results: SyncResult[];
}

export function isConfirmed(status: SyncStatus): boolean {
  return status === "stored" || status === "duplicate";
}

/**
 * What `GET /api/enumerator/package` returns to a signed-in enumerator, for days of work
 * without a signal: every collecting round they have assignments in, with the instrument
 * in every language and the people to visit (contact data only for their own units).
 */
export interface EnumeratorPackage {
  version: 1;
  generatedAt: string;
  user: { id: string; name: string; email: string };
  rounds: PackageRound[];
}
export interface PackageRound {
  code: string;
  title: string;
  /** The instrument definition (app/domain/instruments/instrument-definition.ts), texts in every language. */
  instrument: import("~/domain/instruments/instrument-definition").InstrumentDefinition;
  /** Languages whose texts are complete, questionnaire order (vi first). */
  languages: string[];
  /** Quality rule shown to the enumerator, seconds per question (Round.qcMinSecondsPerItem). */
  minSecondsPerItem: number;
  /** The units the enumerator is assigned to in this round. */
  units: { code: string; name: string; level: string }[];
  /** Drawn people assigned to the enumerator (walk-ins need no row here). */
  people: PackagePerson[];
}
export interface PackagePerson {
  frameRowId: string;
  unitCode: string;
  dossierCode: string;
  procedure: string;
  returnedAt: string;
  name: string | null;
  phone: string | null;
  address: string | null;
}
