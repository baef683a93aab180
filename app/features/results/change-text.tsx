import { formatNumber, translator, type UiLanguage } from "~/i18n";
import type { IndexChange } from "~/domain/results/round-view";

/** "+1,23 điểm (…), có ý nghĩa thống kê (p = 0,01)": a change since the previous round, in words. */
export function ChangeText({ lang, change }: { lang: UiLanguage; change: IndexChange | null }) {
  const t = translator(lang);
  if (!change) return <>{t("dash.noPrevious")}</>;
  const fmt = (v: number) => formatNumber(lang, v);
  const up = change.difference >= 0;
  const text = t(up ? "dash.changeValue" : "dash.changeValueDown", {
    sign: up ? "+" : "−",
    diff: fmt(Math.abs(change.difference)),
    previous: fmt(change.previous),
    current: fmt(change.current),
  });
  const p = change.p_value === null ? null : formatNumber(lang, change.p_value, 3);
  const verdict =
    change.real === null || p === null
      ? t("dash.changeUnknown")
      : change.real
        ? t("dash.changeReal", { p })
        : t("dash.changeNotReal", { p });
  return (
    <>
      {text}; <strong data-testid="change-verdict">{verdict}</strong>
    </>
  );
}

/** The short form for a table cell: "+1,23 (có ý nghĩa)". */
export function changeCell(lang: UiLanguage, change: IndexChange | null): string {
  const t = translator(lang);
  if (!change) return "—";
  const diff = `${change.difference >= 0 ? "+" : "−"}${formatNumber(lang, Math.abs(change.difference))}`;
  if (change.real === null) return diff;
  return `${diff} (${change.real ? t("dash.significant") : t("dash.notSignificant")})`;
}
