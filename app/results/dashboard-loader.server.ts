import { requirePermission, unitScope } from "~/auth/session.server";
import { localized, translator, type UiLanguage } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import { dashboardItems, getClosedRoundData, getDashboardRound } from "~/models/dashboard.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";
import type { FilterOptions } from "./filter-form";
import { GROUP_KEYS, parseFilter } from "./filters";
import { computeView, type RoundData } from "./round-view";

/**
 * What every dashboard page starts with: the signed-in official with `read:results`, the
 * units they may see (a limited viewer or a supervisor: theirs only), the round, the
 * filter from the query string, and analysis/ on this round and the previous one (same
 * filter, so the change compares like with like).
 */
export async function loadDashboard(request: Request, roundCode: string, options: { withPrevious?: boolean } = {}) {
  const user = await requirePermission(request, "read:results");
  const scope = await unitScope(user);
  const lang = await getLanguage(request);
  const found = await getDashboardRound(roundCode);
  if (!found || found.round.status === "draft") throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });
  const data = await getClosedRoundData(found.round, found.instrument, scope);
  const filter = parseFilter(new URL(request.url).searchParams);
  // A unit outside the round or the person's scope is ignored, not an error.
  if (filter.unit && !data.units.some((u) => u.code === filter.unit)) filter.unit = undefined;
  const view = computeView(data, filter);
  let previous: ReturnType<typeof computeView> | null = null;
  if (found.previous && (options.withPrevious ?? true)) {
    const previousData = await getClosedRoundData(found.previous, await getInstrument(found.previous.instrumentId), scope);
    previous = computeView(previousData, filter);
  }
  return { user, scoped: scope !== null, lang, ...found, filter, data, view, previousView: previous };
}

export function filterOptions(data: RoundData, instrument: Awaited<ReturnType<typeof getInstrument>>, lang: UiLanguage): FilterOptions {
  const { groups } = dashboardItems(instrument);
  const languages = [...new Set(data.responses.map((r) => r.language))].sort();
  return {
    units: data.units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
    languages: languages.map((code) => ({ code, label: languageName(code) })),
    groups: GROUP_KEYS.filter((key) => groups[key]?.options).map((key) => ({
      key,
      options: (groups[key]?.options ?? []).map((o) => ({ code: o.code, label: localized(o.label, lang) })),
    })),
  };
}
