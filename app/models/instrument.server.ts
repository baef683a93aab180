import { prisma } from "~/utils/db.server";
import type { InstrumentDefinition, ItemKind, SectionKind } from "./instrument-definition";

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
