import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { markInvitationOpened } from "~/models/invitation-admin.server";
import { requireValidInvitation } from "~/features/survey/context.server";
import { getLanguage } from "~/utils/language.server";
import { limitSurvey } from "~/features/security/limit.server";

/**
 * A personal, single-use invitation link (/i/<token>). An unknown token is 404; a used or
 * expired one, or one whose round closed, is 410 with a plain explanation. A valid one
 * opens the unit's questionnaire, bound to the invitation (and resumes it if started).
 */
export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  await limitSurvey(request, loadContext);
  const lang = await getLanguage(request);
  const invitation = await requireValidInvitation(params.token!, lang);
  // First open: status "opened" and its time, for the fieldwork counts (a later open keeps the first).
  await markInvitationOpened(invitation.id);
  const search = new URLSearchParams({ invitation: invitation.token });
  return redirect(`/s/${invitation.round.code}/${invitation.unit.code}?${search}`);
}

/** Never shown: the loader always redirects or throws to the error page, which is why this route has a component at all (a route without one would answer the error as bare text). */
export default function Invitation() {
  return null;
}
