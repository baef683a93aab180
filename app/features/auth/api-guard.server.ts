import type { Translate } from "~/i18n";
import type { MessageKey } from "~/i18n";
import { getUser, type CurrentUser } from "./session.server";
import { roleCan, type Permission } from "~/domain/auth/permissions";

/** A JSON error an API answers with; never a stack trace. `no-store`: errors are not cached either. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The signed-in user for a JSON API (the enumerator's phone), or a thrown JSON 401 / 403:
 * a script cannot follow the sign-in redirect that `requirePermission` gives a page.
 */
export async function requireApiPermission(
  request: Request,
  permission: Permission,
  t: Translate,
  messages: { unauthenticated: MessageKey; forbidden: MessageKey },
): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) throw jsonError(401, t(messages.unauthenticated));
  if (!roleCan(user.role, permission)) throw jsonError(403, t(messages.forbidden));
  return user;
}
