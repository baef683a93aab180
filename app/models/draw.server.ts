import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { newSeed } from "~/domain/sampling/prng";
import { drawStratum, frameFingerprint, reserveSize, type StratumDraw } from "~/domain/sampling/draw-plan";
import { responseRates, SUBSTITUTED_OUTCOMES, type Outcome } from "~/domain/sampling/response-rates";
import { prisma } from "~/db/prisma.server";
import { recordAudit } from "./audit.server";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The fingerprint of a round's accepted frame (draw-plan.ts), or null when nothing is accepted. */
export async function getFrameFingerprint(roundId: string) {
  const imports = await prisma.frameImport.findMany({
    where: { roundId, status: "accepted" },
    orderBy: [{ acceptedAt: "asc" }, { id: "asc" }],
    select: { fingerprint: true },
  });
  return imports.length
    ? frameFingerprint(
        imports.map((i) => i.fingerprint),
        sha256,
      )
    : null;
}

export async function getLatestDraw(roundId: string) {
  return prisma.draw.findFirst({ where: { roundId }, orderBy: { createdAt: "desc" } });
}

export class DrawError extends Error {
  constructor(public reason: "no-frame" | "fieldwork-started") {
    super(reason);
  }
}

/**
 * Draw every unit's main sample (n_h) and reserve list from the accepted frame, with the
 * given seed. Redrawing replaces the previous draw, but only before fieldwork has recorded
 * an outcome: after that a redraw would silently drop people already contacted.
 */
export async function runDraw(request: {
  roundId: string;
  seed: string;
  reservePercent: number;
  userId: string | null;
}) {
  // An empty seed means "generate one"; it is stored and shown like a typed one.
  const input = { ...request, seed: request.seed || newSeed() };
  const fingerprint = await getFrameFingerprint(input.roundId);
  if (!fingerprint) throw new DrawError("no-frame");
  if (await prisma.frameRow.count({ where: { roundId: input.roundId, outcome: { not: null } } }))
    throw new DrawError("fieldwork-started");
  const strata = await prisma.stratum.findMany({ where: { roundId: input.roundId }, include: { unit: true } });
  const sizes: Record<string, { main: number; reserve: number; frame: number }> = {};
  const draws: StratumDraw[] = [];
  for (const stratum of strata) {
    const rows = await prisma.frameRow.findMany({
      where: { roundId: input.roundId, unitId: stratum.unitId, import: { status: "accepted" } },
      select: { id: true, dossierCode: true },
    });
    const d = drawStratum(
      stratum.unit.code,
      rows,
      stratum.targetSize,
      reserveSize(stratum.targetSize, input.reservePercent),
      input.seed,
    );
    sizes[stratum.unit.code] = { main: d.main.length, reserve: d.reserve.length, frame: rows.length };
    draws.push(d);
  }
  const draw = await prisma.$transaction(async (tx) => {
    await tx.frameRow.updateMany({
      where: { roundId: input.roundId, drawGroup: { not: null } },
      data: { drawGroup: null, drawOrder: null, replacedById: null },
    });
    for (const d of draws) {
      for (const [group, ids] of [
        ["main", d.main],
        ["reserve", d.reserve],
      ] as const) {
        if (!ids.length) continue;
        // One statement per unit and group (row-by-row updates took seconds for a province).
        // The CAST: PostgreSQL types untyped parameters in a CASE as text (docs/decisions/015).
        const order = Prisma.join(
          ids.map((id, i) => Prisma.sql`WHEN ${id} THEN ${i + 1}`),
          " ",
        );
        await tx.$executeRaw`UPDATE "FrameRow" SET "drawGroup" = ${group}, "drawOrder" = CAST(CASE "id" ${order} END AS INTEGER) WHERE "id" IN (${Prisma.join(ids)})`;
      }
    }
    return tx.draw.create({
      data: {
        roundId: input.roundId,
        seed: input.seed,
        fingerprint,
        sizes: JSON.stringify(sizes),
        createdById: input.userId,
      },
    });
  });
  await recordAudit({
    userId: input.userId,
    action: "draw.run",
    entity: "Draw",
    entityId: draw.id,
    after: { seed: draw.seed, fingerprint, reservePercent: input.reservePercent, sizes },
  });
  return draw;
}

/**
 * The drawn people of a round, for admins (and later the assigned enumerators): the only
 * view with names and phones. Main sample, substitutes and reserves, in draw order.
 */
export async function getDrawnRows(roundId: string) {
  return prisma.frameRow.findMany({
    where: { roundId, drawGroup: { not: null } },
    orderBy: [{ unitId: "asc" }, { drawGroup: "asc" }, { drawOrder: "asc" }],
    select: {
      id: true,
      unitId: true,
      dossierCode: true,
      name: true,
      phone: true,
      procedure: true,
      drawGroup: true,
      drawOrder: true,
      outcome: true,
      outcomeNote: true,
      replacedById: true,
      unit: { select: { code: true } },
    },
  });
}

export async function getResponseRates(roundId: string) {
  const rows = await prisma.frameRow.findMany({
    where: { roundId, drawGroup: { not: null } },
    select: { drawGroup: true, outcome: true, unit: { select: { code: true } } },
  });
  return responseRates(rows.map((r) => ({ unitCode: r.unit.code, drawGroup: r.drawGroup, outcome: r.outcome })));
}

export class OutcomeError extends Error {
  constructor(public reason: "not-issued" | "already-recorded") {
    super(reason);
  }
}

/**
 * Record a fieldwork outcome for an issued person (main sample or substitute). Refused,
 * unreachable and ineligible people are replaced by the unit's next reserve in draw order:
 * the reserve becomes drawGroup "substitute" (keeping its reserve drawOrder), and the
 * replaced row points to it by replacedById. Returns the substitute, or null when the
 * outcome needs none or the reserve list is used up.
 */
export async function recordOutcome(input: {
  roundId: string;
  rowId: string;
  outcome: Outcome;
  note: string;
  userId: string | null;
}) {
  const result = await prisma.$transaction(async (tx) => {
    const row = await tx.frameRow.findFirst({ where: { id: input.rowId, roundId: input.roundId } });
    if (!row || (row.drawGroup !== "main" && row.drawGroup !== "substitute")) throw new OutcomeError("not-issued");
    if (row.outcome) throw new OutcomeError("already-recorded");
    let substitute: { id: string; dossierCode: string; drawOrder: number | null } | null = null;
    if (SUBSTITUTED_OUTCOMES.includes(input.outcome)) {
      substitute = await tx.frameRow.findFirst({
        where: { roundId: input.roundId, unitId: row.unitId, drawGroup: "reserve" },
        orderBy: { drawOrder: "asc" },
        select: { id: true, dossierCode: true, drawOrder: true },
      });
      if (substitute) await tx.frameRow.update({ where: { id: substitute.id }, data: { drawGroup: "substitute" } });
    }
    await tx.frameRow.update({
      where: { id: row.id },
      data: {
        outcome: input.outcome,
        outcomeNote: input.note || null,
        outcomeAt: new Date(),
        replacedById: substitute?.id ?? null,
      },
    });
    return { row, substitute };
  });
  await recordAudit({
    userId: input.userId,
    action: "draw.outcome",
    entity: "FrameRow",
    entityId: input.rowId,
    before: { dossierCode: result.row.dossierCode, drawGroup: result.row.drawGroup, outcome: null },
    after: {
      outcome: input.outcome,
      note: input.note,
      substitute: result.substitute
        ? {
            id: result.substitute.id,
            dossierCode: result.substitute.dossierCode,
            reserveOrder: result.substitute.drawOrder,
          }
        : null,
    },
  });
  return result.substitute;
}
