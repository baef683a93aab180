import type { Flag } from "~/domain/interviews/flags";
import type { AnswerRow } from "~/domain/survey/answers";

/**
 * A checked interview, ready to write (app/models/interview-sync.server.ts makes it,
 * interview-store.server.ts writes it). Plain data only: on SQLite it crosses to the writer
 * thread by structured clone (app/db/sqlite-writer.server.ts), which keeps Dates.
 */
export interface InterviewToStore {
  id: string;
  roundId: string;
  unitId: string;
  instrumentId: string;
  recordedById: string;
  language: string;
  interpretedInto: string | null;
  frameRowId: string | null;
  startedAt: Date;
  endedAt: Date;
  location: { latitude: number; longitude: number; accuracy: number } | null;
  contentHash: string;
  rows: AnswerRow[];
  /** Flags that need no database (too_fast, straight_line, outside_district). */
  flags: Flag[];
  /** Round.qcSameMinuteCount: same_minute needs the enumerator's other interviews, read in the transaction. */
  sameMinuteThreshold: number;
}
