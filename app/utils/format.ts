import type { UiLanguage } from "~/i18n";

/** A date as the reader writes it: 29/7/2020 in Vietnamese, 29 Jul 2020 in English. */
export function formatDate(date: Date | string, lang: UiLanguage): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return lang === "vi"
    ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`
    : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A moment in Vietnam's time zone (the province's), e.g. 27/11/2026 14:05. */
export function formatDateTime(date: Date | string, lang: UiLanguage): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return d.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
