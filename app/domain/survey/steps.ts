import type { InstrumentDefinition, SectionDefinition } from "~/domain/instruments/instrument-definition";

/**
 * The citizen's path through an instrument: a start page (language), one step per
 * section in the instrument's order, then review. Step codes are section codes, so
 * a URL names the part of the questionnaire it shows (/s/lc-2020/so-noi-vu/E3).
 */
export const REVIEW_STEP = "review";

export function stepCodes(instrument: InstrumentDefinition): string[] {
  return [...instrument.sections.map((s) => s.code), REVIEW_STEP];
}

export function findSection(instrument: InstrumentDefinition, code: string): SectionDefinition | undefined {
  return instrument.sections.find((s) => s.code === code);
}

export function nextStep(instrument: InstrumentDefinition, code: string): string {
  const codes = stepCodes(instrument);
  return codes[Math.min(codes.indexOf(code) + 1, codes.length - 1)];
}

export function previousStep(instrument: InstrumentDefinition, code: string): string | null {
  const codes = stepCodes(instrument);
  const index = codes.indexOf(code);
  return index > 0 ? codes[index - 1] : null;
}
