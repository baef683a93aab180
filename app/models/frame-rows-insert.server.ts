import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { GoodRow } from "~/domain/sampling/frame-row";
import { databaseUrl } from "~/db/database-url";
import { sqliteDate } from "~/db/db-dates";
import { prisma } from "~/db/prisma.server";

/**
 * Writing a batch of frame rows: the one place where the import speaks a provider's SQL.
 *
 * Duplicates are found by the database, not by a Set in memory (a million dossier codes
 * held as strings made the import's memory grow with the file, issue 7):
 * - within the file, by the (importId, dossierCode) unique index: `ON CONFLICT DO NOTHING
 *   RETURNING "line"` inserts the first occurrence, and the lines not returned are repeats;
 * - against accepted imports, by looking the batch's codes up through the same index.
 *
 * On SQLite the batch travels as ONE JSON parameter expanded by json_each
 * (https://www.sqlite.org/json1.html#jeach): Prisma's handling of 11,000 bound parameters
 * per statement cost more CPU and garbage than the insert itself. Other providers get the
 * portable multi-row VALUES form.
 */
export async function insertFrameRows(
  rows: readonly GoodRow[],
  importId: string,
  roundId: string,
): Promise<Set<number>> {
  if (!rows.length) return new Set();
  const inserted = databaseUrl().startsWith("file:")
    ? await insertSqlite(rows, importId, roundId)
    : await insertPortable(rows, importId, roundId);
  return new Set(inserted.map((r) => Number(r.line)));
}

/** Codes of the batch that an accepted import of the round already holds. */
export async function acceptedCodesAmong(
  codes: readonly string[],
  acceptedImportIds: readonly string[],
): Promise<Set<string>> {
  if (!codes.length || !acceptedImportIds.length) return new Set();
  const found = await prisma.$queryRaw<{ dossierCode: string }[]>`
    SELECT "dossierCode" FROM "FrameRow" WHERE "importId" IN (${Prisma.join(acceptedImportIds)}) AND "dossierCode" IN (${Prisma.join(codes)})`;
  return new Set(found.map((r) => r.dossierCode));
}

function insertSqlite(rows: readonly GoodRow[], importId: string, roundId: string) {
  const json = JSON.stringify(
    rows.map((r) => [
      randomUUID(),
      r.line,
      r.dossierCode,
      r.unitId,
      r.procedure,
      sqliteDate(r.returnedAt),
      r.name,
      r.phone,
      r.address,
    ]),
  );
  // "WHERE true": SQLite needs it to tell the upsert clause from a join (lang_upsert.html, parsing ambiguity).
  return prisma.$queryRaw<{ line: number | bigint }[]>`
    INSERT INTO "FrameRow" ("id", "importId", "roundId", "line", "dossierCode", "unitId", "procedure", "returnedAt", "name", "phone", "address")
    SELECT j.value ->> 0, ${importId}, ${roundId}, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8
    FROM json_each(${json}) AS j WHERE true
    ON CONFLICT DO NOTHING RETURNING "line"`;
}

function insertPortable(rows: readonly GoodRow[], importId: string, roundId: string) {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${randomUUID()}, ${importId}, ${roundId}, ${r.unitId}, ${r.line}, ${r.dossierCode}, ${r.procedure}, ${r.returnedAt}, ${r.name}, ${r.phone}, ${r.address})`,
  );
  return prisma.$queryRaw<{ line: number | bigint }[]>`
    INSERT INTO "FrameRow" ("id", "importId", "roundId", "unitId", "line", "dossierCode", "procedure", "returnedAt", "name", "phone", "address")
    VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING RETURNING "line"`;
}
