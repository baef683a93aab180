import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import type { ProgressRow } from "~/domain/progress/progress";
import { requireRoundPage } from "~/features/rounds/require-round.server";
import { translator, type Translate } from "~/i18n";
import { getProgress } from "~/models/progress.server";

export const meta: MetaFunction = () => [{ title: "Tiến độ thu phiếu — Hài Lòng" }];

/** The progress board: per unit and per enumerator, only the units in the user's scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, round, scope } = await requireRoundPage(request, params, "read:progress");
  const progress = await getProgress(round.id, scope);
  return { lang, round: { title: round.title }, ...progress };
}

const COLUMNS = ["target", "completed", "inProgress", "refused", "remaining"] as const;

function NumberCells({ row }: { row: ProgressRow }) {
  return (
    <>
      {COLUMNS.map((key) => (
        <td key={key} className="num" data-testid={`progress-${key}`}>
          {row[key]}
        </td>
      ))}
    </>
  );
}

function Headers({ first, extra, t }: { first: string; extra?: string; t: Translate }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {extra ? (
          <th scope="col" className="num">
            {extra}
          </th>
        ) : null}
        {COLUMNS.map((key) => (
          <th key={key} scope="col" className="num">
            {t(`fieldwork.prog.${key}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default function Progress() {
  const { lang, round, units, enumerators, totals } = useLoaderData<typeof loader>();
  const t = translator(lang);
  return (
    <>
      <p className="eyebrow">{round.title}</p>
      <h1>{t("fieldwork.prog.heading")}</h1>
      <p className="hint">{t("fieldwork.prog.intro")}</p>
      {units.length === 0 ? <p className="notice">{t("fieldwork.noUnits")}</p> : null}
      <TableRegion label={t("fieldwork.prog.byUnit")}>
        <table>
          <caption>{t("fieldwork.prog.byUnit")}</caption>
          <Headers first={t("fieldwork.unit")} t={t} />
          <tbody>
            {units.map((row) => (
              <tr key={row.code} data-unit={row.code}>
                <th scope="row">{row.name}</th>
                <NumberCells row={row} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-unit="total">
              <th scope="row">{t("fieldwork.total")}</th>
              <NumberCells row={totals} />
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      <TableRegion label={t("fieldwork.prog.byEnumerator")}>
        <table>
          <caption>{t("fieldwork.prog.byEnumerator")}</caption>
          <Headers first={t("fieldwork.asg.enumerator")} extra={t("fieldwork.prog.units")} t={t} />
          <tbody>
            {enumerators.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length + 2}>{t("fieldwork.prog.noEnumerators")}</td>
              </tr>
            ) : null}
            {enumerators.map((row) => (
              <tr key={row.userId}>
                <th scope="row">{row.name}</th>
                <td className="num">{row.units}</td>
                <NumberCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
