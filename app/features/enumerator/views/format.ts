import type { UiLanguage } from "~/i18n";

/** A date and time the way the enumerator reads it (dd/mm/yyyy hh:mm in Vietnamese). */
export function formatWhen(iso: string, lang: UiLanguage): string {
  return new Date(iso).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { dateStyle: "short", timeStyle: "short" });
}
