import { localized, type Translate, type UiLanguage } from "~/i18n";
import type { ItemDefinition } from "~/domain/instruments/instrument-definition";
import { formatDateTime } from "~/utils/format";

/**
 * How the review pages show an interview: its flags in words with the measured values
 * (the detail JSON written by app/domain/interviews/flags.ts), its duration, and its answers as the
 * labels the respondent chose. Pure, so the list and the detail page say the same.
 */

export const FLAG_CODES = ["too_fast", "straight_line", "same_minute", "outside_district"] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

const isFlagCode = (code: string): code is FlagCode => (FLAG_CODES as readonly string[]).includes(code);

/** A measured value: up to 2 decimals, none when whole ("1,2", "2"). */
export function formatMeasure(value: unknown, lang: UiLanguage): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  return value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 });
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** "Quá nhanh: 1,2 giây/câu (ngưỡng 2)": the flag's name and what was measured. */
export function describeFlag(flag: { code: string; detail: string }, lang: UiLanguage, t: Translate): string {
  if (!isFlagCode(flag.code)) return flag.code;
  const d = parseDetail(flag.detail);
  const m = (v: unknown) => formatMeasure(v, lang);
  let detail: string;
  switch (flag.code) {
    case "too_fast":
      detail = t("review.flagDetail.too_fast", { seconds: m(d.secondsPerItem), threshold: m(d.threshold) });
      break;
    case "straight_line":
      detail = t("review.flagDetail.straight_line", { value: m(d.value), n: m(d.answered) });
      break;
    case "same_minute": {
      // The minute key is UTC ("2020-09-01T08:15"); shown in the province's time.
      const minute = typeof d.minute === "string" ? formatDateTime(`${d.minute}:00Z`, lang) : "—";
      detail = t("review.flagDetail.same_minute", { n: m(d.count), minute, threshold: m(d.threshold) });
      break;
    }
    case "outside_district": {
      const position = { latitude: m(d.latitude), longitude: m(d.longitude) };
      detail =
        typeof d.district === "string"
          ? t("review.flagDetail.outside_district", { ...position, district: d.district })
          : t("review.flagDetail.outsideAny", position);
      break;
    }
  }
  return `${t(`review.flag.${flag.code}`)}: ${detail}`;
}

/** "12 phút 5 giây" between the start and the end of an interview, or "—". */
export function describeDuration(startedAt: Date | string, endedAt: Date | string | null, t: Translate): string {
  if (!endedAt) return "—";
  const seconds = Math.max(0, Math.round((new Date(endedAt).getTime() - new Date(startedAt).getTime()) / 1000));
  return t("review.duration", { m: Math.floor(seconds / 60), s: seconds % 60 });
}

export interface StoredAnswer {
  itemCode: string;
  choice: string;
  value: number | null;
  text: string | null;
}

/** An answer as the label chosen (scale point, option, or the text), in the reader's language. */
export function describeStoredAnswer(
  item: ItemDefinition,
  answers: readonly StoredAnswer[],
  lang: UiLanguage,
  t: Translate,
): string | null {
  const mine = answers.filter((a) => a.itemCode === item.code);
  if (mine.length === 0) return null;
  if (item.kind === "likert") {
    const value = mine[0].value;
    return value !== null && [1, 2, 3, 4, 5, 9].includes(value)
      ? t(`scale.${value}` as "scale.1")
      : String(value ?? "—");
  }
  if (item.kind === "text") return mine[0].text;
  return mine.map((a) => localized(item.options?.find((o) => o.code === a.choice)?.label, lang) || a.choice).join("; ");
}
