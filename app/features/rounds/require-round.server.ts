import { translator, type UiLanguage } from "~/i18n";
import { getRoundByCode, getRoundStrata } from "~/models/round.server";

/** The round of a fieldwork page's URL, or a plain 404 (never a stack trace). */
export async function requireRound(code: string | undefined, lang: UiLanguage) {
  const round = code ? await getRoundByCode(code) : null;
  if (!round) throw new Response(translator(lang)("fieldwork.roundNotFound"), { status: 404 });
  return round;
}

/** The round's units that the user may work with (scope null = all), in the unit list's order. */
export async function getScopedUnits(roundId: string, scope: string[] | null) {
  const strata = await getRoundStrata(roundId);
  return strata
    .filter((s) => !scope || scope.includes(s.unitId))
    .map((s) => ({ id: s.unitId, code: s.unit.code, name: s.unit.name, targetSize: s.targetSize }));
}
