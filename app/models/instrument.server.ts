import { prisma } from "~/db/prisma.server";
import type { InstrumentDefinition, ItemKind, SectionKind } from "~/domain/instruments/instrument-definition";

const parse = (json: string | null) => (json ? JSON.parse(json) : undefined);

/** Rebuild an instrument version from its rows, sections and items in order. */
export async function getInstrument(id: string): Promise<InstrumentDefinition> {
  const instrument = await prisma.instrument.findUniqueOrThrow({
    where: { id },
    include: {
      sections: { orderBy: { position: "asc" }, include: { items: { orderBy: { position: "asc" } } } },
    },
  });
  return {
    code: instrument.code,
    version: instrument.version,
    name: parse(instrument.name),
    source: instrument.source,
    sections: instrument.sections.map((section) => ({
      code: section.code,
      kind: section.kind as SectionKind,
      title: parse(section.title),
      intro: parse(section.intro),
      items: section.items.map((item) => ({
        code: item.code,
        kind: item.kind as ItemKind,
        text: parse(item.text),
        options: parse(item.options),
        required: item.required,
        maxChoices: item.maxChoices ?? undefined,
      })),
    })),
  };
}

/** The languages whose texts are complete in a version (the citizen's language menu). */
export async function getInstrumentLanguages(id: string): Promise<string[]> {
  const { languages } = await prisma.instrument.findUniqueOrThrow({ where: { id }, select: { languages: true } });
  return languages.split(",").filter(Boolean);
}

/** Freeze a version on its first answer: from then on its items may not change. */
export async function freezeInstrument(id: string): Promise<void> {
  await prisma.instrument.updateMany({ where: { id, frozenAt: null }, data: { frozenAt: new Date() } });
}

/** Elements (E1…) with their criteria (the likert items), in order: the analysis input. */
export function elementsOf(instrument: InstrumentDefinition): Record<string, string[]> {
  const elements: Record<string, string[]> = {};
  for (const section of instrument.sections) {
    if (section.kind !== "element") continue;
    elements[section.code] = section.items.filter((i) => i.kind === "likert").map((i) => i.code);
  }
  return elements;
}

/**
 * Write an instrument version from its definition: the seed, the tests and (later) the
 * import of a new version all go through here. Idempotent for a draft; a frozen version
 * is returned untouched, because its answers were given to exactly those questions.
 */
export async function saveInstrumentDefinition(definition: InstrumentDefinition, languages: string[]) {
  const key = { code: definition.code, version: definition.version };
  const existing = await prisma.instrument.findUnique({ where: { code_version: key } });
  if (existing?.frozenAt) return existing;
  const header = { name: JSON.stringify(definition.name), source: definition.source, languages: languages.join(",") };
  const instrument = await prisma.instrument.upsert({
    where: { code_version: key },
    create: { ...key, ...header },
    update: header,
  });
  for (const [position, section] of definition.sections.entries()) {
    const sectionData = {
      kind: section.kind,
      position,
      title: JSON.stringify(section.title),
      intro: section.intro ? JSON.stringify(section.intro) : null,
    };
    const saved = await prisma.instrumentSection.upsert({
      where: { instrumentId_code: { instrumentId: instrument.id, code: section.code } },
      create: { instrumentId: instrument.id, code: section.code, ...sectionData },
      update: sectionData,
    });
    for (const [itemPosition, item] of section.items.entries()) {
      const itemData = {
        sectionId: saved.id,
        kind: item.kind,
        position: itemPosition,
        text: JSON.stringify(item.text),
        options: item.options ? JSON.stringify(item.options) : null,
        required: item.required,
        maxChoices: item.maxChoices ?? null,
      };
      await prisma.instrumentItem.upsert({
        where: { instrumentId_code: { instrumentId: instrument.id, code: item.code } },
        create: { instrumentId: instrument.id, code: item.code, ...itemData },
        update: itemData,
      });
    }
  }
  return instrument;
}
