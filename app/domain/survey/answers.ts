import type { SectionDefinition } from "~/domain/instruments/instrument-definition";
import type { StepValues } from "./step-schema";

/** An answer row as stored (see the Answer model in prisma/schema.prisma). */
export interface AnswerRow {
  itemCode: string;
  choice: string;
  value: number | null;
  text: string | null;
}

/** Turn a step's validated values into answer rows: one per likert, single or text item, one per chosen option of a multi item. */
export function answerRowsFromValues(section: SectionDefinition, values: StepValues): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const item of section.items) {
    const value = values[item.code];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (item.kind === "likert") rows.push({ itemCode: item.code, choice: "", value: Number(value), text: null });
    if (item.kind === "single") rows.push({ itemCode: item.code, choice: String(value), value: null, text: null });
    if (item.kind === "multi") {
      for (const choice of new Set([value].flat())) rows.push({ itemCode: item.code, choice, value: null, text: null });
    }
    if (item.kind === "text") rows.push({ itemCode: item.code, choice: "", value: null, text: String(value) });
  }
  return rows;
}

/** The inverse: saved rows back into form values, to fill a step the person returns to. */
export function valuesFromAnswerRows(section: SectionDefinition, rows: AnswerRow[]): StepValues {
  const values: StepValues = {};
  for (const item of section.items) {
    const mine = rows.filter((r) => r.itemCode === item.code);
    if (mine.length === 0) continue;
    if (item.kind === "likert") values[item.code] = String(mine[0].value);
    if (item.kind === "single") values[item.code] = mine[0].choice;
    if (item.kind === "multi") values[item.code] = mine.map((r) => r.choice);
    if (item.kind === "text") values[item.code] = mine[0].text ?? "";
  }
  return values;
}

/** Codes of the sections whose required items are not all answered. */
export function incompleteSections(sections: SectionDefinition[], rows: AnswerRow[]): string[] {
  const answered = new Set(rows.map((r) => r.itemCode));
  return sections.filter((s) => s.items.some((item) => item.required && !answered.has(item.code))).map((s) => s.code);
}
