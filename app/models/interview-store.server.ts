import type { PoolClient } from "pg";
import { minuteOf, minuteRange, sameMinuteFlag } from "~/domain/interviews/flags";
import { receiptCodeFor } from "~/domain/survey/receipt";
import { postgresDate } from "~/db/db-dates";
import { postgresPool, usesPostgres } from "~/db/direct-db.server";
import { sqliteWrite } from "./sqlite-writer.server";
import { findStoredIdentities, type StoredIdentity } from "./interview-lookup.server";
import type { InterviewToStore } from "~/domain/interviews/interview-to-store";

export type { InterviewToStore } from "~/domain/interviews/interview-to-store";

/**
 * Writing checked interviews (ADR 008, ADR 017): the Response, its answers, the frame row's
 * outcome, its quality flags and the instrument's freeze, all or nothing per interview, in
 * plain SQL (through Prisma, its per-query cost would be most of a submission's). SQLite and PostgreSQL:
 *
 * - SQLite: the process's writer thread (app/db/sqlite-writer-thread.ts) runs
 *   interview-store-sqlite.ts. Every request waiting when it finishes a commit goes into the
 *   next ONE transaction (group commit: one WAL fsync for all of them, which synchronous=FULL
 *   makes the expensive part), each under its own SAVEPOINT, so an error in one request rolls
 *   back only that one (its caller answers 5xx, ADR 008). The event loop never waits for the
 *   disk.
 * - PostgreSQL: one transaction per request and a handful of round trips whatever the batch
 *   size: one statement writes the Responses, all answers, flags and frame outcomes
 *   (arrays through unnest, data-modifying CTEs), one finds the same-minute interviews.
 *
 * Races: the id is the primary key. `ON CONFLICT ("id") DO NOTHING` skips an id another
 * request (or instance) stored first, and the caller gets that row's identity back to answer
 * duplicate or conflict by its hash — the P2002 path of ADR 008, without an error.
 */

/** stored, or the row that holds the id already (for duplicate or conflict). */
export type StoreOutcome = { stored: true } | { stored: false; existing: StoredIdentity };

/** Instruments known frozen (PostgreSQL; the SQLite writer keeps its own). "Frozen" never goes back. */
const frozen = new Set<string>();

export async function storeInterviews(items: InterviewToStore[]): Promise<StoreOutcome[]> {
  if (!items.length) return [];
  const stored = usesPostgres()
    ? await storePostgres(items)
    : await sqliteWrite<boolean[]>({ kind: "handler", name: "interviews", payload: items });
  const takenIds = items.filter((_, i) => !stored[i]).map((item) => item.id);
  const taken = await findStoredIdentities(takenIds);
  return items.map((item, i) => {
    if (stored[i]) return { stored: true };
    const existing = taken.get(item.id);
    if (!existing) throw new Error("interview store: an id was taken but its row is gone");
    return { stored: false, existing };
  });
}

// ---------------------------------------------------------------- PostgreSQL

const POSTGRES_INSERT = `WITH v AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
      $10::text[], $11::float8[], $12::float8[], $13::float8[], $14::text[])
      AS v(id, round, unit, lang, receipt, started, ended, recorder, interpreted, frame, lat, lon, acc, hash)
  ), r AS (
    INSERT INTO "Response" ("id", "roundId", "unitId", "mode", "language", "status", "currentStep", "receiptCode", "startedAt", "updatedAt",
      "submittedAt", "recordedById", "interpretedInto", "frameRowId", "latitude", "longitude", "locationAccuracy", "receivedAt", "contentHash", "reviewStatus")
    SELECT id, round, unit, 'enumerator', lang, 'submitted', 'done', receipt, started::timestamp(3), $15::timestamp(3), ended::timestamp(3),
      recorder, interpreted, frame, lat, lon, acc, $15::timestamp(3), hash, 'pending' FROM v
    ON CONFLICT ("id") DO NOTHING RETURNING "id"
  ), a AS (
    INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text")
    SELECT x.rid, x.item, x.choice, x.value, x.text FROM unnest($16::text[], $17::text[], $18::text[], $19::int[], $20::text[]) AS x(rid, item, choice, value, text)
    WHERE x.rid IN (SELECT "id" FROM r)
  ), f AS (
    INSERT INTO "ResponseFlag" ("responseId", "code", "detail", "createdAt")
    SELECT y.rid, y.code, y.detail, $15::timestamp(3) FROM unnest($21::text[], $22::text[], $23::text[]) AS y(rid, code, detail)
    WHERE y.rid IN (SELECT "id" FROM r)
  ), o AS (
    UPDATE "FrameRow" fr SET "outcome" = 'completed', "outcomeAt" = v.ended::timestamp(3) FROM v
    WHERE fr."id" = v.frame AND v.id IN (SELECT "id" FROM r)
  )
  SELECT "id" FROM r`;

const POSTGRES_SAME_MINUTE = `SELECT k.i::int AS i, r."id" FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(round, recorder, minute, i)
  JOIN "Response" r ON r."roundId" = k.round AND r."recordedById" = k.recorder AND r."mode" = 'enumerator'
    AND r."submittedAt" >= k.minute::timestamp(3) AND r."submittedAt" < k.minute::timestamp(3) + interval '1 minute'`;

async function storePostgres(items: InterviewToStore[]): Promise<boolean[]> {
  // An id twice in one batch: its first copy is written, the others answer by it afterwards.
  const first = items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i);
  const client = await postgresPool().connect();
  try {
    await client.query("BEGIN");
    const now = postgresDate(new Date());
    const inserted = new Set(
      (await client.query<{ id: string }>(POSTGRES_INSERT, insertParams(first, now))).rows.map((r) => r.id),
    );
    const written = first.filter((item) => inserted.has(item.id));
    await flagSameMinutePostgres(client, written, now);
    const toFreeze = [...new Set(written.map((item) => item.instrumentId))].filter((id) => !frozen.has(id));
    if (toFreeze.length) {
      await client.query(
        `UPDATE "Instrument" SET "frozenAt" = $1::timestamp(3) WHERE "id" = ANY($2::text[]) AND "frozenAt" IS NULL`,
        [now, toFreeze],
      );
    }
    await client.query("COMMIT");
    for (const id of toFreeze) frozen.add(id);
    const writtenItems = new Set(written);
    return items.map((item) => writtenItems.has(item));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function insertParams(items: InterviewToStore[], now: string): unknown[] {
  const column = <T>(pick: (item: InterviewToStore) => T) => items.map(pick);
  const answers = items.flatMap((item) => item.rows.map((row) => ({ id: item.id, row })));
  const flags = items.flatMap((item) => item.flags.map((flag) => ({ id: item.id, flag })));
  return [
    column((i) => i.id),
    column((i) => i.roundId),
    column((i) => i.unitId),
    column((i) => i.language),
    column((i) => receiptCodeFor(i.id)),
    column((i) => postgresDate(i.startedAt)),
    column((i) => postgresDate(i.endedAt)),
    column((i) => i.recordedById),
    column((i) => i.interpretedInto),
    column((i) => i.frameRowId),
    column((i) => i.location?.latitude ?? null),
    column((i) => i.location?.longitude ?? null),
    column((i) => i.location?.accuracy ?? null),
    column((i) => i.contentHash),
    now,
    answers.map((a) => a.id),
    answers.map((a) => a.row.itemCode),
    answers.map((a) => a.row.choice),
    answers.map((a) => a.row.value),
    answers.map((a) => a.row.text),
    flags.map((f) => f.id),
    flags.map((f) => f.flag.code),
    flags.map((f) => JSON.stringify(f.flag.detail)),
  ];
}

/** same_minute for every (round, enumerator, minute) the batch wrote into: one query, one upsert. */
async function flagSameMinutePostgres(client: PoolClient, written: InterviewToStore[], now: string) {
  if (!written.length) return;
  const keys = [
    ...new Map(
      written.map((item) => [`${item.roundId} ${item.recordedById} ${minuteOf(item.endedAt)}`, item]),
    ).values(),
  ];
  const minutes = keys.map((item) => minuteOf(item.endedAt));
  const { rows } = await client.query<{ i: number; id: string }>(POSTGRES_SAME_MINUTE, [
    keys.map((k) => k.roundId),
    keys.map((k) => k.recordedById),
    minutes.map((m) => postgresDate(minuteRange(m).from)),
  ]);
  const flagged: { id: string; detail: string }[] = [];
  keys.forEach((key, k) => {
    const ids = rows.filter((row) => row.i === k + 1).map((row) => row.id);
    const same = sameMinuteFlag({ minute: minutes[k], count: ids.length, threshold: key.sameMinuteThreshold });
    if (same) for (const id of ids) flagged.push({ id, detail: JSON.stringify(same.detail) });
  });
  if (!flagged.length) return;
  await client.query(
    `INSERT INTO "ResponseFlag" ("responseId", "code", "detail", "createdAt")
     SELECT s.rid, 'same_minute', s.detail, $3::timestamp(3) FROM unnest($1::text[], $2::text[]) AS s(rid, detail)
     ON CONFLICT ("responseId", "code") DO UPDATE SET "detail" = excluded."detail"`,
    [flagged.map((f) => f.id), flagged.map((f) => f.detail), now],
  );
}
