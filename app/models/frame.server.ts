import { Prisma } from "~/generated/prisma/client";
import { mapHeader } from "~/domain/sampling/frame-columns";
import {
  BAD_ROW_REASONS,
  validateFrameRecord,
  type BadRow,
  type BadRowReason,
  type GoodRow,
} from "~/domain/sampling/frame-row";
import { readFrameFile } from "~/domain/sampling/read-frame-file.server";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";
import { acceptedCodesAmong, insertFrameRows } from "./frame-rows-insert.server";

/**
 * Rows inserted per statement: big enough to be fast, small enough to keep memory flat
 * (and, on the portable path, under SQLite's 32,766 bound parameters: 11 per row).
 */
export const INSERT_BATCH = 1000;

/**
 * The validator's in-memory duplicate checks are switched off for a file import: a Set of
 * every dossier code grows with the file, so the database's (importId, dossierCode) index
 * finds the duplicates instead (frame-rows-insert.server.ts).
 */
class CheckedByDatabase extends Set<string> {
  override add() {
    return this;
  }
}

/** Bad rows kept in the report (all are counted). */
export const REPORT_BAD_ROWS = 1000;

export interface FrameReport {
  counts: Record<BadRowReason, number>;
  badRows: BadRow[];
  /** Set when the file could not be read as the export at all (e.g. a column is missing). */
  fileError?: { reason: "missing-columns"; columns: string[] } | { reason: "empty" };
}

function emptyCounts(): Record<BadRowReason, number> {
  return Object.fromEntries(BAD_ROW_REASONS.map((r) => [r, 0])) as Record<BadRowReason, number>;
}

/**
 * Import one upload into a pending FrameImport: stream, validate row by row, insert the
 * good rows in batches. The import is "importing" (with rowCount growing, so a reload of
 * the page shows progress) until the end, then "pending": its rows stay out of the draw
 * until an admin accepts the report. If reading fails the rows written are removed.
 */
export async function importFrameFile(input: {
  roundId: string;
  path: string;
  fileName: string;
  userId: string | null;
  onProgress?: (rows: number) => void;
}) {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: input.roundId },
    include: { strata: { include: { unit: true } } },
  });
  const ctx = {
    unitIds: new Map(round.strata.map((s) => [s.unit.code, s.unitId])),
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    accepted: new CheckedByDatabase(),
    seen: new CheckedByDatabase(),
  };
  const acceptedImportIds = (
    await prisma.frameImport.findMany({ where: { roundId: round.id, status: "accepted" }, select: { id: true } })
  ).map((i) => i.id);
  const frameImport = await prisma.frameImport.create({
    data: {
      roundId: round.id,
      fileName: input.fileName.slice(0, 200),
      fingerprint: "",
      rowCount: 0,
      badRowCount: 0,
      report: "{}",
      status: "importing",
      createdById: input.userId,
    },
  });
  const report: FrameReport = { counts: emptyCounts(), badRows: [] };
  let good = 0;
  let bad = 0;
  let batch: GoodRow[] = [];
  let batches = 0;
  const reportBad = (row: BadRow) => {
    bad += 1;
    report.counts[row.reason] += 1;
    if (report.badRows.length < REPORT_BAD_ROWS) report.badRows.push(row);
  };
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    const taken = await acceptedCodesAmong(
      rows.map((r) => r.dossierCode),
      acceptedImportIds,
    );
    const fresh = taken.size ? rows.filter((r) => !taken.has(r.dossierCode)) : rows;
    const inserted = await insertFrameRows(fresh, frameImport.id, round.id);
    good += inserted.size;
    for (const r of rows) {
      if (taken.has(r.dossierCode))
        reportBad({ line: r.line, reason: "duplicate-accepted", column: "dossier_code", dossierCode: r.dossierCode });
      else if (!inserted.has(r.line))
        reportBad({ line: r.line, reason: "duplicate-in-file", column: "dossier_code", dossierCode: r.dossierCode });
    }
    // Progress for a reload of the page, every 10 batches (each update is a disk sync).
    if ((batches += 1) % 10 === 0)
      await prisma.frameImport.update({ where: { id: frameImport.id }, data: { rowCount: good, badRowCount: bad } });
    input.onProgress?.(good + bad);
  };
  try {
    const file = await readFrameFile(input.path);
    let index: Partial<Record<string, number>> | null = null;
    for await (const { line, cells } of file.records) {
      if (!index) {
        const header = mapHeader(cells);
        if (!header.ok) {
          report.fileError = { reason: "missing-columns", columns: header.missing };
          break;
        }
        index = header.index;
        continue;
      }
      const result = validateFrameRecord(cells, line, index, ctx);
      if (result.ok) {
        batch.push(result.row);
        if (batch.length >= INSERT_BATCH) await flush();
      } else {
        reportBad(result.bad);
      }
    }
    if (!index && !report.fileError) report.fileError = { reason: "empty" };
    await flush();
    // Duplicates are known when their batch is written, up to a batch after other bad rows.
    report.badRows.sort((a, b) => a.line - b.line);
    const done = await prisma.frameImport.update({
      where: { id: frameImport.id },
      data: {
        status: "pending",
        fingerprint: file.fingerprint(),
        rowCount: good,
        badRowCount: bad,
        report: JSON.stringify(report),
      },
    });
    await recordAudit({
      userId: input.userId,
      action: "frame.upload",
      entity: "FrameImport",
      entityId: done.id,
      after: {
        round: round.code,
        fileName: done.fileName,
        fingerprint: done.fingerprint,
        rowCount: good,
        badRowCount: bad,
      },
    });
    return done;
  } catch (error) {
    await prisma.frameImport.delete({ where: { id: frameImport.id } });
    throw error;
  }
}

/** The round's import still running, if any, with the rows it has read so far (the progress bar). */
export async function getRunningFrameImport(roundId: string) {
  return prisma.frameImport.findFirst({
    where: { roundId, status: "importing" },
    orderBy: { createdAt: "desc" },
    select: { rowCount: true, badRowCount: true },
  });
}

export async function listFrameImports(roundId: string) {
  return prisma.frameImport.findMany({
    where: { roundId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      fileName: true,
      fingerprint: true,
      rowCount: true,
      badRowCount: true,
      status: true,
      createdAt: true,
      acceptedAt: true,
    },
  });
}

export async function getFrameImport(roundId: string, importId: string) {
  const found = await prisma.frameImport.findFirst({ where: { id: importId, roundId } });
  if (!found) return null;
  return { ...found, report: JSON.parse(found.report) as FrameReport };
}

/** Rows per unit in the accepted frame (counts only: list views never show names). */
export async function countFrameByUnit(roundId: string) {
  const groups = await prisma.frameRow.groupBy({
    by: ["unitId"],
    where: { roundId, import: { status: "accepted" } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.unitId, g._count._all]));
}

export class FrameDecisionError extends Error {
  constructor(
    public reason: "not-pending" | "duplicates" | "drawn",
    public count = 0,
  ) {
    super(reason);
  }
}

/**
 * Accept a pending import: all its rows join the frame at once (one update of the
 * status). Refused if another import accepted meanwhile holds some of its dossiers, or if
 * the round has already been drawn (the draw's fingerprint would no longer match).
 */
export async function acceptFrameImport(roundId: string, importId: string, userId: string | null) {
  const updated = await prisma.$transaction(async (tx) => {
    const found = await tx.frameImport.findFirst({ where: { id: importId, roundId } });
    if (!found || found.status !== "pending") throw new FrameDecisionError("not-pending");
    if (await tx.draw.count({ where: { roundId } })) throw new FrameDecisionError("drawn");
    // Counted in the database (loading 200,000 codes into objects took seconds), each row
    // looked up through the (importId, dossierCode) unique index of the few accepted imports
    // (a join on the code alone made SQLite scan the round once per row).
    const acceptedIds = (
      await tx.frameImport.findMany({ where: { roundId, status: "accepted" }, select: { id: true } })
    ).map((i) => i.id);
    const [{ overlap }] = acceptedIds.length
      ? await tx.$queryRaw<{ overlap: number | bigint }[]>`
          SELECT COUNT(*) AS "overlap" FROM "FrameRow" AS "mine" WHERE "mine"."importId" = ${importId} AND EXISTS (
            SELECT 1 FROM "FrameRow" AS "other" WHERE "other"."importId" IN (${Prisma.join(acceptedIds)}) AND "other"."dossierCode" = "mine"."dossierCode")`
      : [{ overlap: 0 }];
    if (Number(overlap)) throw new FrameDecisionError("duplicates", Number(overlap));
    return tx.frameImport.update({ where: { id: importId }, data: { status: "accepted", acceptedAt: new Date() } });
  });
  await recordAudit({
    userId,
    action: "frame.accept",
    entity: "FrameImport",
    entityId: importId,
    before: { status: "pending" },
    after: { status: "accepted", rowCount: updated.rowCount, fingerprint: updated.fingerprint },
  });
  return updated;
}

/** Discard a pending import: its rows are deleted, the import and its report stay as a record. */
export async function discardFrameImport(roundId: string, importId: string, userId: string | null) {
  const updated = await prisma.$transaction(async (tx) => {
    const found = await tx.frameImport.findFirst({ where: { id: importId, roundId } });
    if (!found || found.status !== "pending") throw new FrameDecisionError("not-pending");
    await tx.frameRow.deleteMany({ where: { importId } });
    return tx.frameImport.update({ where: { id: importId }, data: { status: "discarded" } });
  });
  await recordAudit({
    userId,
    action: "frame.discard",
    entity: "FrameImport",
    entityId: importId,
    before: { status: "pending" },
    after: { status: "discarded", rowCount: updated.rowCount },
  });
  return updated;
}
