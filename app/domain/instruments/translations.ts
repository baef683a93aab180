import Papa from "papaparse";
import type { InstrumentDefinition, LocalizedText } from "~/domain/instruments/instrument-definition";
import { readCsvTable } from "~/utils/csv-table";

/**
 * Translating a questionnaire version through a spreadsheet: every text of the version is
 * one row (`key,vi,en,<other languages…>`), a translator fills a column for a new language
 * (`hmn` Mông, `th` Thái…), and the import merges it back. Pure functions, unit-tested
 * (tests/unit/translations.test.ts); the model applies the result.
 *
 * Keys: `instrument.name`, `section.E1.title`, `section.E1.intro`, `item.c01.text`,
 * `item.p01.option.male`. They name codes, never positions, so reordering items in a
 * draft does not break a file sent to a translator earlier.
 */
export interface TextEntry {
  key: string;
  text: LocalizedText;
}

/** A language code of 2–8 letters (ISO 639 / BCP 47 primary subtag: vi, en, hmn, th…). */
export const LANGUAGE_CODE = /^[a-z]{2,8}$/;

/** Every text of a version, in questionnaire order. */
export function textEntries(def: InstrumentDefinition): TextEntry[] {
  const entries: TextEntry[] = [{ key: "instrument.name", text: def.name }];
  for (const section of def.sections) {
    entries.push({ key: `section.${section.code}.title`, text: section.title });
    if (section.intro) entries.push({ key: `section.${section.code}.intro`, text: section.intro });
    for (const item of section.items) {
      entries.push({ key: `item.${item.code}.text`, text: item.text });
      for (const option of item.options ?? [])
        entries.push({ key: `item.${item.code}.option.${option.code}`, text: option.label });
    }
  }
  return entries;
}

/** Languages that have at least one text, Vietnamese and English first. */
export function languagesOf(def: InstrumentDefinition): string[] {
  const found = new Set<string>(["vi", "en"]);
  for (const entry of textEntries(def))
    for (const [lang, value] of Object.entries(entry.text)) if (value) found.add(lang);
  return [...found];
}

const filled = (text: LocalizedText, lang: string) => (text[lang] ?? "").trim() !== "";

/** The languages (of those given) in which every text of the version is filled. */
export function completeLanguages(def: InstrumentDefinition, candidates = languagesOf(def)): string[] {
  const entries = textEntries(def);
  return candidates.filter((lang) => entries.every((e) => filled(e.text, lang)));
}

/** Per language, the keys whose text is empty. */
export function missingTexts(def: InstrumentDefinition, languages: string[]): Record<string, string[]> {
  const entries = textEntries(def);
  return Object.fromEntries(
    languages.map((lang) => [lang, entries.filter((e) => !filled(e.text, lang)).map((e) => e.key)]),
  );
}

/** The CSV a translator receives. A byte-order mark, so Excel opens it as UTF-8 (Vietnamese diacritics intact). */
export function toTranslationCsv(def: InstrumentDefinition, languages = languagesOf(def)): string {
  const rows = textEntries(def).map((e) => [e.key, ...languages.map((lang) => e.text[lang] ?? "")]);
  return "\uFEFF" + Papa.unparse({ fields: ["key", ...languages], data: rows }, { newline: "\r\n" });
}

export type TranslationProblem =
  | { line: number; reason: "noKeyColumn" | "noLanguage" }
  | { line: number; reason: "badLanguage" | "duplicateLanguage" | "unknownKey" | "duplicateKey"; value: string };

export interface ParsedTranslations {
  languages: string[];
  rows: { line: number; key: string; texts: Record<string, string> }[];
  problems: TranslationProblem[];
}

/** Read a translation file against the version it claims to translate. */
export function parseTranslationCsv(text: string, def: InstrumentDefinition): ParsedTranslations {
  const { header, lines } = readCsvTable(text);
  const problems: TranslationProblem[] = [];
  if (header[0] !== "key") return { languages: [], rows: [], problems: [{ line: 1, reason: "noKeyColumn" }] };
  const languages = header.slice(1);
  languages.forEach((lang, i) => {
    if (!LANGUAGE_CODE.test(lang)) problems.push({ line: 1, reason: "badLanguage", value: lang });
    else if (languages.indexOf(lang) !== i) problems.push({ line: 1, reason: "duplicateLanguage", value: lang });
  });
  if (languages.length === 0) problems.push({ line: 1, reason: "noLanguage" });
  const known = new Set(textEntries(def).map((e) => e.key));
  const seen = new Set<string>();
  const rows: ParsedTranslations["rows"] = [];
  for (const { line, cells } of lines) {
    const key = cells[0] ?? "";
    if (!known.has(key)) problems.push({ line, reason: "unknownKey", value: key });
    else if (seen.has(key)) problems.push({ line, reason: "duplicateKey", value: key });
    else rows.push({ line, key, texts: Object.fromEntries(languages.map((lang, i) => [lang, cells[i + 1] ?? ""])) });
    seen.add(key);
  }
  return { languages, rows, problems };
}

export interface TranslationChange {
  key: string;
  language: string;
  before: string;
  after: string;
}

export interface TranslationPlan {
  /** The version with the file's texts merged in. */
  definition: InstrumentDefinition;
  /** Existing texts the file replaces with a different one. */
  changes: TranslationChange[];
  /** Texts filled where there were none, per language. */
  added: Record<string, number>;
  /** Per language of the file or of the version, the keys still empty after the merge. */
  missing: Record<string, string[]>;
  /** Languages whose every text is filled after the merge: the citizen's language menu. */
  complete: string[];
}

/**
 * Merge a parsed file into a version. An empty cell keeps the stored text (a translator's
 * blank means "not done", not "delete"), so an import never removes a language.
 */
export function planTranslations(
  def: InstrumentDefinition,
  parsed: ParsedTranslations,
  current: string[],
): TranslationPlan {
  const byKey = new Map(parsed.rows.map((r) => [r.key, r.texts]));
  const changes: TranslationChange[] = [];
  const added: Record<string, number> = {};
  const merge = (key: string, text: LocalizedText): LocalizedText => {
    const incoming = byKey.get(key);
    if (!incoming) return text;
    const next = { ...text };
    for (const [lang, value] of Object.entries(incoming)) {
      const before = (text[lang] ?? "").trim();
      if (!value || value === before) continue;
      if (before) changes.push({ key, language: lang, before, after: value });
      else added[lang] = (added[lang] ?? 0) + 1;
      next[lang] = value;
    }
    return next;
  };
  const definition: InstrumentDefinition = {
    ...def,
    name: merge("instrument.name", def.name),
    sections: def.sections.map((s) => ({
      ...s,
      title: merge(`section.${s.code}.title`, s.title),
      ...(s.intro ? { intro: merge(`section.${s.code}.intro`, s.intro) } : {}),
      items: s.items.map((item) => ({
        ...item,
        text: merge(`item.${item.code}.text`, item.text),
        ...(item.options
          ? {
              options: item.options.map((o) => ({ ...o, label: merge(`item.${item.code}.option.${o.code}`, o.label) })),
            }
          : {}),
      })),
    })),
  };
  const languages = [
    ...new Set([...current, ...languagesOf(definition), ...parsed.languages.filter((l) => LANGUAGE_CODE.test(l))]),
  ];
  return {
    definition,
    changes,
    added,
    missing: missingTexts(definition, languages),
    complete: completeLanguages(definition, languages),
  };
}
