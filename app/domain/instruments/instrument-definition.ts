/**
 * The shape of an instrument version as data (docs/method/sipas.md §1): ordered sections, each a step
 * of the questionnaire, each with ordered items. Seed files and the CSV translation
 * import/export speak this shape; the database stores it relationally
 * (InstrumentSection, InstrumentItem) and `getInstrument` rebuilds it.
 *
 * Plain TypeScript with no server imports, so the browser bundle can use it to build
 * the same zod schemas the actions use.
 */

/** Text in each language, keyed by language code ("vi", "en", "hmn", …). */
export type LocalizedText = Record<string, string>;

export type SectionKind = "profile" | "element" | "expectations" | "comment";

/**
 * likert: the 5-point SIPAS scale plus "not applicable" (a criterion when its section is
 *   an element);
 * single / multi: a closed question with options;
 * text: free text (the open comment).
 */
export type ItemKind = "likert" | "single" | "multi" | "text";

export interface OptionDefinition {
  code: string;
  label: LocalizedText;
}

export interface ItemDefinition {
  code: string;
  kind: ItemKind;
  text: LocalizedText;
  /** For single and multi. */
  options?: OptionDefinition[];
  /** A required item must be answered (for likert, "not applicable" is an answer). */
  required: boolean;
  /** For multi: the most options a person may pick (none = any number). */
  maxChoices?: number;
}

export interface SectionDefinition {
  /** "profile", "E1" … "E5", "expectations", "comment". Element codes are the analysis' element keys. */
  code: string;
  kind: SectionKind;
  title: LocalizedText;
  /** One sentence shown under the title. */
  intro?: LocalizedText;
  items: ItemDefinition[];
}

export interface InstrumentDefinition {
  code: string;
  version: number;
  name: LocalizedText;
  /** The legal source, e.g. "Quyết định 2640/QĐ-BNV". */
  source: string;
  sections: SectionDefinition[];
}
