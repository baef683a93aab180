import { formatNumber, translator, type UiLanguage } from "~/i18n";
import { TableRegion } from "~/components/table-region";

export interface AllocationView {
  rows: { code: string; name: string; population: number; n: number; margin: number | null }[];
  total: number;
  roundMargin: number | null;
}

/** n_h, N_h and the 95% margin of error per unit and for the round (percentage points). */
export function AllocationTable({
  allocation,
  lang,
  caption,
}: {
  allocation: AllocationView;
  lang: UiLanguage;
  caption: string;
}) {
  const t = translator(lang);
  const pct = (m: number | null) => (m === null ? "—" : `±${formatNumber(lang, 100 * m, 1)}`);
  const population = allocation.rows.reduce((s, r) => s + r.population, 0);
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rounds.unit")}</th>
            <th scope="col">{t("rounds.population")}</th>
            <th scope="col">{t("rounds.sampleSize")}</th>
            <th scope="col">{t("rounds.margin")}</th>
          </tr>
        </thead>
        <tbody>
          {allocation.rows.map((r) => (
            <tr key={r.code} data-unit={r.code}>
              <th scope="row">{r.name}</th>
              <td>{formatNumber(lang, r.population, 0)}</td>
              <td data-testid="n">{formatNumber(lang, r.n, 0)}</td>
              <td>{pct(r.margin)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("rounds.wholeRound")}</th>
            <td>{formatNumber(lang, population, 0)}</td>
            <td data-testid="total">{formatNumber(lang, allocation.total, 0)}</td>
            <td>{pct(allocation.roundMargin)}</td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
