import type Database from "better-sqlite3";
import { minuteOf, minuteRange, sameMinuteFlag } from "~/domain/interviews/flags";
import { receiptCodeFor } from "~/domain/survey/receipt";
import { sqliteDate } from "~/db/db-dates";
import type { InterviewToStore } from "~/domain/interviews/interview-to-store";

/**
 * The SQLite half of the interview store (ADR 017): the Response, its answers, the frame
 * row's outcome, its quality flags and the instrument's freeze, per interview, on a
 * connection already inside a transaction. It runs in the SQLite writer thread
 * (app/db/sqlite-writer-thread.ts), which wraps each request's batch in a SAVEPOINT and
 * every batch waiting at that moment in one transaction (group commit). Pure of the app's
 * server modules, so the thread loads nothing else.
 *
 * An id already stored (by another request, or earlier in the same batch) writes nothing and
 * answers false: `ON CONFLICT ("id") DO NOTHING`, and the caller reads that row's identity
 * to answer duplicate or conflict (ADR 008).
 */

const INSERT_RESPONSE = `INSERT INTO "Response" ("id", "roundId", "unitId", "mode", "language", "status", "currentStep", "receiptCode",
  "startedAt", "updatedAt", "submittedAt", "recordedById", "interpretedInto", "frameRowId", "latitude", "longitude", "locationAccuracy",
  "receivedAt", "contentHash", "reviewStatus")
  VALUES (?, ?, ?, 'enumerator', ?, 'submitted', 'done', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT ("id") DO NOTHING`;
const INSERT_ANSWER = `INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text") VALUES (?, ?, ?, ?, ?)`;
const UPSERT_FLAG = `INSERT INTO "ResponseFlag" ("responseId", "code", "detail", "createdAt") VALUES (?, ?, ?, ?)
  ON CONFLICT ("responseId", "code") DO UPDATE SET "detail" = excluded."detail"`;
const FRAME_OUTCOME = `UPDATE "FrameRow" SET "outcome" = 'completed', "outcomeAt" = ? WHERE "id" = ?`;
const IN_MINUTE = `SELECT "id" FROM "Response"
  WHERE "roundId" = ? AND "recordedById" = ? AND "mode" = 'enumerator' AND "submittedAt" >= ? AND "submittedAt" < ?`;
const FREEZE = `UPDATE "Instrument" SET "frozenAt" = ? WHERE "id" = ? AND "frozenAt" IS NULL`;

/** Statements compiled once per connection. */
const compiled = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = compiled.get(db);
  if (!cache) compiled.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/**
 * Instruments known frozen in the file: "frozen" never goes back, so the set cannot go stale.
 * The writer adds to it only after the COMMIT that froze them (a rolled-back batch froze nothing).
 */
const frozen = new Set<string>();

export function markInstrumentsFrozen(items: InterviewToStore[], stored: boolean[]) {
  items.forEach((item, i) => stored[i] && frozen.add(item.instrumentId));
}

/** Write a batch, in order; each entry says whether that interview was written. */
export function storeInterviewsSqlite(db: Database.Database, items: InterviewToStore[], now = new Date()): boolean[] {
  return items.map((item) => storeOne(db, item, now));
}

function storeOne(db: Database.Database, item: InterviewToStore, now: Date): boolean {
  const received = sqliteDate(now);
  const ended = sqliteDate(item.endedAt);
  const { changes } = statement(db, INSERT_RESPONSE).run(
    item.id,
    item.roundId,
    item.unitId,
    item.language,
    receiptCodeFor(item.id),
    sqliteDate(item.startedAt),
    received,
    ended,
    item.recordedById,
    item.interpretedInto,
    item.frameRowId,
    item.location?.latitude ?? null,
    item.location?.longitude ?? null,
    item.location?.accuracy ?? null,
    received,
    item.contentHash,
  );
  if (changes === 0) return false;
  const answer = statement(db, INSERT_ANSWER);
  for (const row of item.rows) answer.run(item.id, row.itemCode, row.choice, row.value, row.text);
  if (item.frameRowId) statement(db, FRAME_OUTCOME).run(ended, item.frameRowId);
  const flag = statement(db, UPSERT_FLAG);
  for (const f of item.flags) flag.run(item.id, f.code, JSON.stringify(f.detail), received);
  // same_minute: this enumerator's interviews of the minute, this one included; all get the flag.
  const minute = minuteOf(item.endedAt);
  const { from, to } = minuteRange(minute);
  const inMinute = statement(db, IN_MINUTE)
    .pluck()
    .all(item.roundId, item.recordedById, sqliteDate(from), sqliteDate(to)) as string[];
  const same = sameMinuteFlag({ minute, count: inMinute.length, threshold: item.sameMinuteThreshold });
  if (same) for (const id of inMinute) flag.run(id, same.code, JSON.stringify(same.detail), received);
  if (!frozen.has(item.instrumentId)) statement(db, FREEZE).run(received, item.instrumentId);
  return true;
}
