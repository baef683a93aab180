import type { UiLanguage } from "~/i18n";

/** A date as the reader writes it: 29/7/2020 in Vietnamese, 29 Jul 2020 in English. */
export function formatDate(date: Date | string, lang: UiLanguage): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return lang === "vi"
    ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`
    : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
