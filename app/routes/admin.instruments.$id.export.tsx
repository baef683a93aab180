import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { translator } from "~/i18n";
import { languagesOf, toTranslationCsv } from "~/domain/instruments/translations";
import { getInstrumentRow } from "~/models/instrument-admin.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";

/** Every text of a version as CSV (`key,vi,en,…`), for a translator to add a language column. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:instruments");
  const row = await getInstrumentRow(params.id!);
  if (!row) throw new Response(translator(await getLanguage(request))("instruments.notFound"), { status: 404 });
  const definition = await getInstrument(row.id);
  const csv = toTranslationCsv(definition, languagesOf(definition));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${row.code}-v${row.version}-translations.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
