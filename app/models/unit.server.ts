import { prisma } from "~/db/prisma.server";
import type { ImportRow, UnitLevel } from "~/domain/units/unit-import";

/**
 * Units are dated (docs/method/sipas.md §5). A unit's validity is the half-open interval
 * [validFrom, validTo): validTo is the first day it no longer exists, which is the day
 * its successor starts. Units are never deleted here: strata and responses point at unit
 * ids, so an old round keeps showing the units it was run over.
 */
export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Every unit with its parent's and successor's codes, in level order then by name. */
export async function listUnits() {
  const units = await prisma.unit.findMany({
    include: {
      parent: { select: { code: true, name: true } },
      successor: { select: { code: true, name: true } },
      _count: { select: { strata: true, responses: true } },
    },
    orderBy: [{ name: "asc" }],
  });
  const order: Record<string, number> = { department: 0, district: 1, commune: 2 };
  return units.sort((a, b) => order[a.level] - order[b.level] || a.name.localeCompare(b.name, "vi"));
}

export async function getUnit(id: string) {
  return prisma.unit.findUnique({ where: { id }, include: { parent: { select: { code: true } } } });
}

/** Code and level of every stored unit: what an import's parents are checked against. */
export async function listUnitCodes() {
  return prisma.unit.findMany({ select: { id: true, code: true, level: true } });
}

export type UnitChangeError = "parentUnknown" | "parentNotDistrict" | "parentSelf";

/** A parent by code, checked: it exists, is a district, and is not the unit itself. */
async function parentFor(
  code: string | undefined,
  selfId?: string,
): Promise<{ id: string | null } | { error: UnitChangeError }> {
  if (!code) return { id: null };
  const parent = await prisma.unit.findUnique({ where: { code } });
  if (!parent) return { error: "parentUnknown" };
  if (parent.id === selfId) return { error: "parentSelf" };
  if (parent.level !== "district") return { error: "parentNotDistrict" };
  return { id: parent.id };
}

export async function updateUnit(
  id: string,
  input: { name: string; parentCode?: string; validFrom: string; validTo?: string },
) {
  const parent = await parentFor(input.parentCode, id);
  if ("error" in parent) return { ok: false as const, error: parent.error };
  const before = await prisma.unit.findUniqueOrThrow({ where: { id } });
  const after = await prisma.unit.update({
    where: { id },
    data: {
      name: input.name,
      parentId: parent.id,
      validFrom: dayOf(input.validFrom),
      validTo: input.validTo ? dayOf(input.validTo) : null,
    },
  });
  return { ok: true as const, before, after };
}

/**
 * Write checked import rows in one transaction: all of them or none (a failure half-way
 * must not leave a district's communes without it). Parents are set in a second pass so a
 * commune may come before its district in the file.
 */
export async function applyUnitImport(rows: ImportRow[], today = new Date()) {
  return prisma.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const row of rows) {
      // Empty valid_from / valid_to leave a stored unit's dates as they are: a file that
      // only renames units must not reopen one that a reorganisation ended.
      const data = {
        name: row.name,
        level: row.level,
        ...(row.validFrom ? { validFrom: dayOf(row.validFrom) } : {}),
        ...(row.validTo ? { validTo: dayOf(row.validTo) } : {}),
      };
      const unit = await tx.unit.upsert({
        where: { code: row.code },
        // A new unit without valid_from exists from the day it is imported.
        create: { code: row.code, validFrom: dayOf(isoDay(today)!), ...data },
        update: data,
      });
      ids.set(row.code, unit.id);
    }
    for (const row of rows) {
      const parentId = row.parentCode
        ? (ids.get(row.parentCode) ?? (await tx.unit.findUniqueOrThrow({ where: { code: row.parentCode } })).id)
        : null;
      await tx.unit.update({ where: { code: row.code }, data: { parentId } });
    }
    return {
      created: rows.filter((r) => r.action === "create").map((r) => r.code),
      updated: rows.filter((r) => r.action === "update").map((r) => r.code),
    };
  });
}

export type ReorganiseError =
  | { reason: "unknownUnit"; value: string }
  | { reason: "notValidAt"; value: string }
  | { reason: "successorNeedsName" }
  | { reason: UnitChangeError; value: string };

/**
 * Merge units into a successor from a date: each merged unit ends the day before
 * (validTo = from) and names the successor; the successor is created when its code is new.
 * Still-valid children of merged districts move to a successor district. Nothing is deleted,
 * so strata of old rounds keep pointing at the old units.
 */
export async function reorganiseUnits(input: {
  merged: string[];
  successorCode: string;
  successorName?: string;
  successorLevel?: UnitLevel;
  parentCode?: string;
  from: string;
}) {
  const from = dayOf(input.from);
  const merged = await prisma.unit.findMany({ where: { code: { in: input.merged } } });
  const missing = input.merged.find((code) => !merged.some((u) => u.code === code));
  if (missing)
    return { ok: false as const, error: { reason: "unknownUnit", value: missing } satisfies ReorganiseError };
  const ended = merged.find((u) => u.validFrom >= from || (u.validTo && u.validTo <= from));
  if (ended)
    return { ok: false as const, error: { reason: "notValidAt", value: ended.code } satisfies ReorganiseError };
  const existing = await prisma.unit.findUnique({ where: { code: input.successorCode } });
  // An existing successor must itself exist on the date it takes the merged units over.
  if (existing && (existing.validFrom > from || (existing.validTo && existing.validTo <= from))) {
    return { ok: false as const, error: { reason: "notValidAt", value: existing.code } satisfies ReorganiseError };
  }
  if (!existing && (!input.successorName || !input.successorLevel)) {
    return { ok: false as const, error: { reason: "successorNeedsName" } satisfies ReorganiseError };
  }
  const parent = await parentFor(input.parentCode, existing?.id);
  if ("error" in parent)
    return {
      ok: false as const,
      error: { reason: parent.error, value: input.parentCode ?? "" } satisfies ReorganiseError,
    };

  return prisma.$transaction(async (tx) => {
    const successor =
      existing ??
      (await tx.unit.create({
        data: {
          code: input.successorCode,
          name: input.successorName!,
          level: input.successorLevel!,
          parentId: parent.id,
          validFrom: from,
        },
      }));
    const ids = merged.map((u) => u.id);
    await tx.unit.updateMany({ where: { id: { in: ids } }, data: { validTo: from, successorId: successor.id } });
    if (successor.level === "district") {
      await tx.unit.updateMany({
        where: { parentId: { in: ids }, OR: [{ validTo: null }, { validTo: { gt: from } }] },
        data: { parentId: successor.id },
      });
    }
    return { ok: true as const, successor, created: !existing, before: merged };
  });
}
