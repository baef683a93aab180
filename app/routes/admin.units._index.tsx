import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/features/auth/session.server";
import { isoDay, listUnits } from "~/models/unit.server";
import { UNIT_LEVELS } from "~/domain/units/unit-import";
import { useLanguage, useT } from "~/utils/use-language";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Đơn vị hành chính — Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:units");
  const units = await listUnits();
  return {
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      parent: u.parent?.name ?? null,
      successor: u.successor ? `${u.successor.name} (${u.successor.code})` : null,
      validFrom: isoDay(u.validFrom)!,
      validTo: isoDay(u.validTo),
      rounds: u._count.strata,
    })),
  };
}

/** The hierarchy grouped by level, with each unit's validity: the list an admin checks after an import or a merger. */
export default function UnitsPage() {
  const { units } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const saved = params.get("saved");
  return (
    <>
      <h1>{t("units.heading")}</h1>
      <p className="hint">{t("units.intro")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t(
            saved === "import" ? "units.savedImport" : saved === "reorganise" ? "units.savedReorganise" : "units.saved",
          )}
        </p>
      ) : null}
      <ul className="unit-list">
        <li>
          <Link to="/admin/units/import">{t("units.importLink")}</Link>
        </li>
        <li>
          <Link to="/admin/units/reorganise">{t("units.reorganiseLink")}</Link>
        </li>
      </ul>
      {UNIT_LEVELS.map((level) => {
        const rows = units.filter((u) => u.level === level);
        return (
          <div className="table-scroll" key={level} role="region" aria-label={t(`level.${level}`)} tabIndex={0}>
            <table>
              <caption>
                {t(`level.${level}`)} ({rows.length})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("units.code")}</th>
                  <th scope="col">{t("units.name")}</th>
                  <th scope="col">{t("units.parent")}</th>
                  <th scope="col">{t("units.validity")}</th>
                  <th scope="col">{t("units.successor")}</th>
                  <th scope="col" className="num">
                    {t("units.rounds")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.id} data-unit={u.code}>
                    <td className="code">{u.code}</td>
                    <td>
                      <Link to={`/admin/units/${u.id}`}>{u.name}</Link>
                    </td>
                    <td>{u.parent ?? "—"}</td>
                    <td>
                      {formatDate(u.validFrom, lang)} – {u.validTo ? formatDate(u.validTo, lang) : t("units.open")}
                    </td>
                    <td>{u.successor ?? "—"}</td>
                    <td className="num">{u.rounds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
