import { completeLanguages, languagesOf, type TranslationPlan } from "~/domain/instruments/translations";
import { prisma } from "~/db/prisma.server";
import type { ItemKind, LocalizedText } from "~/domain/instruments/instrument-definition";
import { getInstrument } from "./instrument.server";

/**
 * Editing questionnaire versions (docs/decisions/003): a version with answers is frozen,
 * so changes go into a draft cloned from it. Every writer here checks `frozenAt` itself,
 * not only the page, because a second tab may post after the first answer arrived.
 */
export type DraftResult<T> = { ok: true; value: T } | { ok: false; error: "frozen" | "notFound" | "codeTaken" };

/** Versions newest first within each code, with the rounds that pin them. */
export async function listInstrumentVersions() {
  return prisma.instrument.findMany({
    orderBy: [{ code: "asc" }, { version: "desc" }],
    include: { rounds: { select: { code: true, title: true } }, _count: { select: { items: true } } },
  });
}

export async function getInstrumentRow(id: string) {
  return prisma.instrument.findUnique({ where: { id }, include: { rounds: { select: { code: true } } } });
}

async function withDraft<T>(id: string, change: () => Promise<T>): Promise<DraftResult<T>> {
  const instrument = await prisma.instrument.findUnique({ where: { id }, select: { frozenAt: true } });
  if (!instrument) return { ok: false, error: "notFound" };
  if (instrument.frozenAt) return { ok: false, error: "frozen" };
  return { ok: true, value: await change() };
}

/** A new draft version (the code's highest version + 1) with the same sections, items and texts. */
export async function cloneInstrument(id: string) {
  const source = await prisma.instrument.findUniqueOrThrow({
    where: { id },
    include: { sections: { include: { items: true } } },
  });
  return prisma.$transaction(async (tx) => {
    const latest = await tx.instrument.aggregate({ where: { code: source.code }, _max: { version: true } });
    const clone = await tx.instrument.create({
      data: {
        code: source.code,
        version: (latest._max.version ?? source.version) + 1,
        name: source.name,
        source: source.source,
        languages: source.languages,
      },
    });
    for (const { id: _sectionId, instrumentId: _i, items, ...section } of source.sections) {
      const saved = await tx.instrumentSection.create({ data: { ...section, instrumentId: clone.id } });
      await tx.instrumentItem.createMany({
        data: items.map(({ id: _itemId, instrumentId: _ii, sectionId: _s, ...item }) => ({
          ...item,
          instrumentId: clone.id,
          sectionId: saved.id,
        })),
      });
    }
    return clone;
  });
}

/** After an item change, the language menu lists only languages still complete (a new item may lack Mông). */
async function refreshLanguages(id: string) {
  const definition = await getInstrument(id);
  const { languages } = await prisma.instrument.findUniqueOrThrow({ where: { id }, select: { languages: true } });
  const ordered = [...new Set([...languages.split(",").filter(Boolean), ...languagesOf(definition)])];
  await prisma.instrument.update({
    where: { id },
    data: { languages: completeLanguages(definition, ordered).join(",") },
  });
}

export async function updateItem(id: string, code: string, input: { text: LocalizedText; required: boolean }) {
  return withDraft(id, async () => {
    const before = await prisma.instrumentItem.findUniqueOrThrow({
      where: { instrumentId_code: { instrumentId: id, code } },
    });
    const after = await prisma.instrumentItem.update({
      where: { id: before.id },
      data: { text: JSON.stringify(input.text), required: input.required },
    });
    await refreshLanguages(id);
    return { before, after };
  });
}

/** Swap an item with its neighbour in the section (up: the one before it). */
export async function moveItem(id: string, code: string, direction: "up" | "down") {
  return withDraft(id, async () => {
    const item = await prisma.instrumentItem.findUniqueOrThrow({
      where: { instrumentId_code: { instrumentId: id, code } },
    });
    const neighbour = await prisma.instrumentItem.findFirst({
      where: {
        sectionId: item.sectionId,
        position: direction === "up" ? { lt: item.position } : { gt: item.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return { moved: false, from: item.position, to: item.position };
    await prisma.$transaction([
      prisma.instrumentItem.update({ where: { id: item.id }, data: { position: neighbour.position } }),
      prisma.instrumentItem.update({ where: { id: neighbour.id }, data: { position: item.position } }),
    ]);
    return { moved: true, from: item.position, to: neighbour.position };
  });
}

export async function addItem(
  id: string,
  input: { sectionCode: string; code: string; kind: ItemKind; text: LocalizedText; required: boolean },
): Promise<DraftResult<{ id: string }>> {
  const taken = await prisma.instrumentItem.findUnique({
    where: { instrumentId_code: { instrumentId: id, code: input.code } },
  });
  if (taken) return { ok: false, error: "codeTaken" };
  return withDraft(id, async () => {
    const section = await prisma.instrumentSection.findUniqueOrThrow({
      where: { instrumentId_code: { instrumentId: id, code: input.sectionCode } },
      include: { items: { select: { position: true } } },
    });
    const position = Math.max(-1, ...section.items.map((i) => i.position)) + 1;
    const item = await prisma.instrumentItem.create({
      data: {
        instrumentId: id,
        sectionId: section.id,
        code: input.code,
        kind: input.kind,
        position,
        text: JSON.stringify(input.text),
        required: input.required,
      },
    });
    await refreshLanguages(id);
    return { id: item.id };
  });
}

export async function removeItem(id: string, code: string) {
  return withDraft(id, async () => {
    const removed = await prisma.instrumentItem.delete({ where: { instrumentId_code: { instrumentId: id, code } } });
    await refreshLanguages(id);
    return removed;
  });
}

/**
 * Write an accepted translation import in one transaction. A frozen version may only gain
 * texts, never change one: its answers were given to exactly those words, while a text in
 * a new language changes no question anyone answered (it only lets the next citizen answer
 * the same question in Mông or Thái). The caller's plan has already been checked; this
 * checks again so a version frozen in between is not changed.
 */
export async function applyTranslations(id: string, plan: TranslationPlan) {
  const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id } });
  if (instrument.frozenAt && plan.changes.length > 0) return { ok: false as const, error: "frozen" as const };
  const { definition } = plan;
  await prisma.$transaction(async (tx) => {
    await tx.instrument.update({
      where: { id },
      data: { name: JSON.stringify(definition.name), languages: plan.complete.join(",") },
    });
    for (const section of definition.sections) {
      await tx.instrumentSection.update({
        where: { instrumentId_code: { instrumentId: id, code: section.code } },
        data: { title: JSON.stringify(section.title), intro: section.intro ? JSON.stringify(section.intro) : null },
      });
      for (const item of section.items) {
        await tx.instrumentItem.update({
          where: { instrumentId_code: { instrumentId: id, code: item.code } },
          data: { text: JSON.stringify(item.text), options: item.options ? JSON.stringify(item.options) : null },
        });
      }
    }
  });
  return { ok: true as const, before: instrument.languages, after: plan.complete.join(",") };
}
