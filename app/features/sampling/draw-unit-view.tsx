import { Form } from "@remix-run/react";
import { formatNumber, translator, type UiLanguage } from "~/i18n";
import { OUTCOMES, type UnitResponseRate } from "~/domain/sampling/response-rates";
import { TableRegion } from "~/components/table-region";

interface DrawnRow {
  id: string;
  dossierCode: string;
  name: string | null;
  phone: string | null;
  procedure: string;
  drawGroup: string | null;
  drawOrder: number | null;
  outcome: string | null;
  outcomeNote: string | null;
  replacedById: string | null;
}

type OutcomeKey = (typeof OUTCOMES)[number];

/**
 * One unit's draw: the people issued (main sample and the reserves that replaced someone)
 * with their outcome or a form to record it, then the unused reserve list in order.
 */
export function DrawUnitView({
  unit,
  lang,
}: {
  unit: { code: string; name: string; n: number; frame: number; rate: UnitResponseRate | null; rows: DrawnRow[] };
  lang: UiLanguage;
}) {
  const t = translator(lang);
  const issued = unit.rows.filter((r) => r.drawGroup === "main" || r.drawGroup === "substitute");
  const reserve = unit.rows.filter((r) => r.drawGroup === "reserve");
  const byId = new Map(unit.rows.map((r) => [r.id, r]));
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : `${formatNumber(lang, 100 * v, 1)}%`;
  const headingId = `unit-${unit.code}`;
  return (
    <section aria-labelledby={headingId} data-unit={unit.code}>
      <h2 id={headingId}>{unit.name}</h2>
      <p className="hint">
        {t("draw.unitSummary", { n: unit.n, frame: unit.frame, main: issued.length, reserve: reserve.length })}
        {unit.rate
          ? ` · ${t("draw.rates", { completed: unit.rate.completed, refused: unit.rate.refused, rate: pct(unit.rate.responseRate) })}`
          : ""}
      </p>
      {issued.length ? (
        <TableRegion label={t("draw.mainCaption", { unit: unit.name })}>
          <table>
            <caption>{t("draw.mainCaption", { unit: unit.name })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("frame.dossier")}</th>
                <th scope="col">{t("draw.person")}</th>
                <th scope="col">{t("draw.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {issued.map((r) => (
                <tr key={r.id} data-dossier={r.dossierCode} data-group={r.drawGroup}>
                  <td>
                    {r.drawGroup === "substitute" ? t("draw.substituteOrder", { n: r.drawOrder ?? 0 }) : r.drawOrder}
                  </td>
                  <td className="code">{r.dossierCode}</td>
                  <td>
                    {r.name ?? ""}
                    <br />
                    {r.phone ?? ""}
                  </td>
                  <td>
                    {r.outcome ? (
                      <>
                        {t(`draw.outcome.${r.outcome as OutcomeKey}`)}
                        {r.outcomeNote ? ` — ${r.outcomeNote}` : ""}
                        {r.replacedById ? (
                          <>
                            <br />
                            {t("draw.replacedBy", { dossier: byId.get(r.replacedById)?.dossierCode ?? "" })}
                          </>
                        ) : null}
                      </>
                    ) : (
                      <Form method="post" className="outcome-form">
                        <input type="hidden" name="intent" value="outcome" />
                        <input type="hidden" name="rowId" value={r.id} />
                        <label htmlFor={`outcome-${r.id}`}>{t("draw.outcomeFor", { dossier: r.dossierCode })}</label>
                        <select id={`outcome-${r.id}`} name="outcome" required defaultValue="">
                          <option value="" disabled>
                            {t("rounds.choose")}
                          </option>
                          {OUTCOMES.map((o) => (
                            <option key={o} value={o}>
                              {t(`draw.outcome.${o}`)}
                            </option>
                          ))}
                        </select>
                        <label htmlFor={`note-${r.id}`}>{t("draw.note")}</label>
                        <input id={`note-${r.id}`} name="note" type="text" maxLength={500} />
                        <button type="submit" className="button secondary">
                          {t("draw.record")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {reserve.length ? (
        <TableRegion label={t("draw.reserveCaption", { unit: unit.name })}>
          <table>
            <caption>{t("draw.reserveCaption", { unit: unit.name })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("frame.dossier")}</th>
                <th scope="col">{t("draw.person")}</th>
              </tr>
            </thead>
            <tbody>
              {reserve.map((r) => (
                <tr key={r.id} data-dossier={r.dossierCode} data-group="reserve">
                  <td>{r.drawOrder}</td>
                  <td className="code">{r.dossierCode}</td>
                  <td>
                    {r.name ?? ""}
                    <br />
                    {r.phone ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
