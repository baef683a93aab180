import type { Params } from "@remix-run/react";
import type { Permission } from "~/domain/auth/permissions";
import { requirePermission, unitScope } from "~/features/auth/session.server";
import { translator, type UiLanguage } from "~/i18n";
import { getRoundForAdmin } from "~/models/round-admin.server";
import { getRoundByCode, getRoundStrata } from "~/models/round.server";
import { getLanguage } from "~/utils/language.server";

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

/**
 * The prelude of a round's fieldwork page, in the order that decides what a visitor sees:
 * the permission (403 before anything about the round), the UI language, the round of the
 * URL (a translated 404), and the units the user may see (null = all).
 */
export async function requireRoundPage(request: Request, params: Params, permission: Permission) {
  const user = await requirePermission(request, permission);
  const lang = await getLanguage(request);
  const round = await requireRound(params.round, lang);
  const scope = await unitScope(user);
  return { user, lang, t: translator(lang), round, scope };
}

export type RoundPage = Awaited<ReturnType<typeof requireRoundPage>>;

/**
 * The same prelude for the round's set-up pages (plan, frame, draw): the permission, the
 * language, and the round with its instrument and plan (a translated 404). Set-up is not
 * scoped by unit.
 */
export async function requireRoundSetupPage(request: Request, params: Params, permission: Permission) {
  const user = await requirePermission(request, permission);
  const lang = await getLanguage(request);
  const round = params.round ? await getRoundForAdmin(params.round) : null;
  if (!round) throw new Response(translator(lang)("rounds.notFound"), { status: 404 });
  return { user, lang, t: translator(lang), round };
}
