import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type { MessageKey };

/** UI languages. Survey texts may exist in more (Mông, Thái…): those live in the instrument. */
export const UI_LANGUAGES = ["vi", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = "vi";

const dictionaries: Record<UiLanguage, Record<MessageKey, string>> = { vi, en };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Translate a key, filling `{name}` placeholders. */
export function translate(lang: UiLanguage, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[lang][key] ?? dictionaries[DEFAULT_LANGUAGE][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language. */
export function translator(lang: UiLanguage) {
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
export type Translate = ReturnType<typeof translator>;

/** Pick a text from an instrument's LocalizedText, falling back to Vietnamese. */
export function localized(text: Record<string, string> | undefined, lang: string): string {
  if (!text) return "";
  return text[lang] ?? text[DEFAULT_LANGUAGE] ?? Object.values(text)[0] ?? "";
}

/** Numbers the Vietnamese way (comma decimal) or the English way. */
export function formatNumber(lang: UiLanguage, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
