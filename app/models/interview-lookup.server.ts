import { postgresPool, sqliteStatement, usesPostgres } from "~/db/direct-db.server";

/**
 * The reads the sync API needs before it stores a batch (ADR 008, ADR 017): which ids are
 * taken, the rounds, and the enumerator's assignments. Plain SQL on the process's own
 * connection (direct-db.server.ts), SQLite and PostgreSQL side by side: prepared
 * statements at a few microseconds each on SQLite, one round trip per question on
 * PostgreSQL (arrays, not one query per interview). Nothing here is cached: a round
 * closes and assignments change while the app runs, on any instance.
 */

/** What decides duplicate or conflict for an id that is taken. */
export interface StoredIdentity {
  id: string;
  mode: string;
  recordedById: string | null;
  contentHash: string | null;
}

export interface RoundRow {
  id: string;
  code: string;
  status: string;
  instrumentId: string;
  qcMinSecondsPerItem: number;
  qcSameMinuteCount: number;
  /** Instrument.languages, comma-separated. */
  languages: string;
  instrumentFrozen: boolean;
}

/** The unit an enumerator may interview in, with what the outside_district rule needs. */
export interface AssignedUnit {
  id: string;
  code: string;
  level: string;
  bounds: string | null;
  parent: { code: string; level: string; bounds: string | null } | null;
}

export interface AssignmentQuestion {
  roundId: string;
  unitCode: string;
  frameRowId: string | null;
}

export interface AssignmentAnswer {
  /** null when the enumerator has no assignment in that unit and round. */
  unit: AssignedUnit | null;
  /** The frame row is one of the enumerator's own assignments there (false for a walk-in). */
  personAssigned: boolean;
}

export async function findStoredIdentities(ids: string[]): Promise<Map<string, StoredIdentity>> {
  if (!ids.length) return new Map();
  const rows = usesPostgres()
    ? (
        await postgresPool().query<StoredIdentity>(
          `SELECT "id", "mode", "recordedById", "contentHash" FROM "Response" WHERE "id" = ANY($1::text[])`,
          [ids],
        )
      ).rows
    : (sqliteStatement(
        `SELECT "id", "mode", "recordedById", "contentHash" FROM "Response" WHERE "id" IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as StoredIdentity[]);
  return new Map(rows.map((row) => [row.id, row]));
}

const ROUNDS_SQL = `SELECT r."id", r."code", r."status", r."instrumentId", r."qcMinSecondsPerItem", r."qcSameMinuteCount",
  i."languages", i."frozenAt" IS NOT NULL AS "instrumentFrozen"
  FROM "Round" r JOIN "Instrument" i ON i."id" = r."instrumentId"`;

export async function findRounds(codes: string[]): Promise<Map<string, RoundRow>> {
  if (!codes.length) return new Map();
  const rows = usesPostgres()
    ? (await postgresPool().query<RoundRow>(`${ROUNDS_SQL} WHERE r."code" = ANY($1::text[])`, [codes])).rows
    : (sqliteStatement(`${ROUNDS_SQL} WHERE r."code" IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(codes),
      ) as RoundRow[]);
  return new Map(rows.map((row) => [row.code, { ...row, instrumentFrozen: Boolean(row.instrumentFrozen) }]));
}

interface AssignmentRow {
  i: number | string;
  unitId: string | null;
  unitCode: string;
  level: string;
  bounds: string | null;
  parentCode: string | null;
  parentLevel: string | null;
  parentBounds: string | null;
  personAssigned: boolean | number;
}

const UNIT_COLUMNS = `a."unitId", u."code" AS "unitCode", u."level", u."bounds", p."code" AS "parentCode", p."level" AS "parentLevel", p."bounds" AS "parentBounds"`;
const UNIT_JOIN = `FROM "Assignment" a JOIN "Unit" u ON u."id" = a."unitId" LEFT JOIN "Unit" p ON p."id" = u."parentId"`;

/** As the ADR 008 checks ask: is the unit the enumerator's in that round, and is the frame row one of theirs there. */
export async function findAssignments(userId: string, questions: AssignmentQuestion[]): Promise<AssignmentAnswer[]> {
  if (!questions.length) return [];
  let rows: AssignmentRow[];
  if (usesPostgres()) {
    const sql = `SELECT k.i, x.*, (k.frame IS NOT NULL AND EXISTS (
        SELECT 1 FROM "Assignment" b WHERE b."userId" = $1 AND b."roundId" = k.round AND b."frameRowId" = k.frame AND b."unitId" = x."unitId")) AS "personAssigned"
      FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(round, unit, frame, i)
      LEFT JOIN LATERAL (SELECT ${UNIT_COLUMNS} ${UNIT_JOIN} WHERE a."userId" = $1 AND a."roundId" = k.round AND u."code" = k.unit LIMIT 1) x ON true
      ORDER BY k.i`;
    const params = [
      userId,
      questions.map((q) => q.roundId),
      questions.map((q) => q.unitCode),
      questions.map((q) => q.frameRowId),
    ];
    rows = (await postgresPool().query<AssignmentRow>(sql, params)).rows;
  } else {
    const unit = sqliteStatement(
      `SELECT ${UNIT_COLUMNS} ${UNIT_JOIN} WHERE a."userId" = ? AND a."roundId" = ? AND u."code" = ? LIMIT 1`,
    );
    const person = sqliteStatement(
      `SELECT 1 ${UNIT_JOIN} WHERE a."userId" = ? AND a."roundId" = ? AND a."frameRowId" = ? AND u."code" = ? LIMIT 1`,
    );
    rows = questions.map((q, i) => {
      const found = unit.get(userId, q.roundId, q.unitCode) as AssignmentRow | undefined;
      const personAssigned =
        q.frameRowId !== null && person.get(userId, q.roundId, q.frameRowId, q.unitCode) !== undefined;
      return { ...(found ?? ({ unitId: null } as AssignmentRow)), i, personAssigned };
    });
  }
  return rows.map((row) => ({
    unit: row.unitId
      ? {
          id: row.unitId,
          code: row.unitCode,
          level: row.level,
          bounds: row.bounds,
          parent: row.parentCode ? { code: row.parentCode, level: row.parentLevel!, bounds: row.parentBounds } : null,
        }
      : null,
    personAssigned: Boolean(row.personAssigned),
  }));
}
