/**
 * How a language is named in the citizen's language menu: in the language itself, with the
 * Vietnamese name beside it for the province's minority languages (ISO 639 codes). A code
 * not listed shows as the code, so a translation imported under a new code still appears.
 */
const LANGUAGE_NAMES: Record<string, string> = {
  vi: "Tiếng Việt",
  en: "English",
  hmn: "Lus Hmoob (tiếng Mông)",
  blt: "Tai Dam (tiếng Thái)",
  tmp: "Tai Mène (tiếng Thái)",
  hni: "Haqniq (tiếng Hà Nhì)",
  ium: "Iu Mien (tiếng Dao)",
  mji: "Kim Mun (tiếng Dao)",
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}
