import type { InstrumentDefinition, SectionDefinition } from "~/domain/instruments/instrument-definition";
import { answerRowsFromValues, incompleteSections } from "~/domain/survey/answers";
import type { StepValues } from "~/domain/survey/step-schema";
import type { LocalInterview } from "./local-interview";

/** A stored step value: what the contract accepts (no undefined, no empty answers). */
export type StoredStepValues = Record<string, string | string[]>;

/**
 * The values a step form holds right now, as the survey's step forms produce them (one
 * string per radio group or text, a list per checkbox group). Saved on every change, so a
 * half-answered step survives the phone switching off.
 */
export function valuesFromFormData(section: SectionDefinition, formData: FormData): StoredStepValues {
  const values: StoredStepValues = {};
  for (const item of section.items) {
    if (item.kind === "multi") {
      const chosen = formData.getAll(item.code).map(String);
      if (chosen.length) values[item.code] = chosen;
    } else {
      const value = formData.get(item.code);
      if (typeof value === "string" && value !== "") values[item.code] = value;
    }
  }
  return values;
}

/** Drop the undefined and empty entries a validated step may hold. */
export function compactValues(values: StepValues): StoredStepValues {
  const out: StoredStepValues = {};
  for (const [code, value] of Object.entries(values)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[code] = value;
  }
  return out;
}

/** Sections whose required questions are not all answered: the server refuses such an interview (ADR 008). */
export function missingSections(
  instrument: InstrumentDefinition,
  interview: Pick<LocalInterview, "answers">,
): string[] {
  const rows = instrument.sections.flatMap((section) =>
    answerRowsFromValues(section, interview.answers[section.code] ?? {}),
  );
  return incompleteSections(instrument.sections, rows);
}

/** A new interview's id: a UUID made on the phone, the server's idempotency key (ADR 008). */
export function newInterviewId(): string {
  return crypto.randomUUID();
}
