import { requirePermission, unitScope } from "~/features/auth/session.server";
import { localized, translator, type UiLanguage } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { dashboardItems, getDashboardRound, getRoundData, getViewCounts } from "~/models/dashboard.server";
import { getInstrument } from "~/models/instrument.server";
import { getLanguage } from "~/utils/language.server";
import { rememberClosedRound, scopeKey } from "./closed-round-cache.server";
import type { FilterOptions } from "./filter-form";
import { GROUP_KEYS, parseFilter, type DashboardFilter } from "~/domain/results/filters";
import { computeView, viewUnits, type RoundData, type View } from "~/domain/results/round-view";

type Round = { id: string; status: string };

/** A round's units, elements and languages for a scope (null: every unit); kept a while once the round is closed. */
export function loadRoundData(
  round: Round,
  instrument: InstrumentDefinition,
  unitIds: string[] | null,
): Promise<RoundData> {
  return rememberClosedRound(round, `data|${scopeKey(unitIds)}`, () => getRoundData(round.id, instrument, unitIds));
}

/** One view: the database's counts for the filter, through analysis/ (round-view.ts); kept a while once the round is closed. */
export function loadView(
  round: Round,
  instrument: InstrumentDefinition,
  data: RoundData,
  unitIds: string[] | null,
  filter: DashboardFilter,
): Promise<View> {
  return rememberClosedRound(round, `view|${scopeKey(unitIds, filter)}`, async () =>
    computeView(data, await getViewCounts(round.id, instrument, viewUnits(data, filter), filter), filter),
  );
}

/**
 * What every dashboard page starts with: the signed-in official with `read:results`, the
 * units they may see (a limited viewer or a supervisor: theirs only), the round, the
 * filter from the query string (or none, `unfiltered`), and analysis/ on this round and the
 * previous one (same filter, so the change compares like with like).
 */
export async function loadDashboard(
  request: Request,
  roundCode: string,
  options: { withPrevious?: boolean; unfiltered?: boolean } = {},
) {
  const user = await requirePermission(request, "read:results");
  const scope = await unitScope(user);
  const lang = await getLanguage(request);
  const found = await getDashboardRound(roundCode);
  if (!found || found.round.status === "draft")
    throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });
  const data = await loadRoundData(found.round, found.instrument, scope);
  const filter = options.unfiltered ? {} : parseFilter(new URL(request.url).searchParams);
  // A unit outside the round or the person's scope is ignored, not an error.
  if (filter.unit && !data.units.some((u) => u.code === filter.unit)) filter.unit = undefined;
  const view = await loadView(found.round, found.instrument, data, scope, filter);
  let previous: View | null = null;
  if (found.previous && (options.withPrevious ?? true)) {
    const instrument = await getInstrument(found.previous.instrumentId);
    previous = await loadView(
      found.previous,
      instrument,
      await loadRoundData(found.previous, instrument, scope),
      scope,
      filter,
    );
  }
  return { user, scope, scoped: scope !== null, lang, ...found, filter, data, view, previousView: previous };
}

export function filterOptions(
  data: RoundData,
  instrument: Awaited<ReturnType<typeof getInstrument>>,
  lang: UiLanguage,
): FilterOptions {
  const { groups } = dashboardItems(instrument);
  return {
    units: data.units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
    languages: data.languages.map((code) => ({ code, label: languageName(code) })),
    groups: GROUP_KEYS.filter((key) => groups[key]?.options).map((key) => ({
      key,
      options: (groups[key]?.options ?? []).map((o) => ({ code: o.code, label: localized(o.label, lang) })),
    })),
  };
}
