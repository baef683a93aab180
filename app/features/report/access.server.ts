import { requirePermission, unitScope } from "~/features/auth/session.server";
import { getRoundByCode } from "~/models/round.server";
import { translator, type UiLanguage } from "~/i18n";

/**
 * A reader of the whole report: "read:results", and not limited to some units. The
 * report names every unit's index, best and worst, so a viewer or supervisor whose
 * results are limited to their own units gets 403 (docs/decisions/012).
 */
export async function requireReportReader(request: Request) {
  const user = await requirePermission(request, "read:results");
  if ((await unitScope(user)) !== null) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

export async function requireReportRound(code: string | undefined, lang: UiLanguage) {
  const round = code ? await getRoundByCode(code) : null;
  if (!round) throw new Response(translator(lang)("gone.notFoundBody"), { status: 404 });
  return round;
}
