/**
 * The offline app's device mark (ADR 008, "shared phones"). The enumerator's app page is
 * stored by the service worker and opens with no connection, so it cannot ask the server
 * whether this phone is still signed in to the account the page was made for. The session
 * cookie is HttpOnly: the page cannot read it. So the page carries a mark of its session
 * (app-mark.server.ts: an HMAC of the session id, nothing personal), the same mark sits in a
 * readable cookie beside the session cookie, and signing out anywhere clears that cookie.
 * The stored page opens its data only while the two agree: after a sign-out from any page,
 * or on another account's sign-in, it asks for a sign-in with a connection first.
 */
export const APP_MARK_COOKIE = "hl_app";

/** Whether a `document.cookie` string holds this mark. */
export function cookieHasMark(cookieHeader: string, mark: string): boolean {
  if (!mark) return false;
  return cookieHeader.split(";").some((part) => {
    const [name, ...value] = part.trim().split("=");
    return name === APP_MARK_COOKIE && value.join("=") === mark;
  });
}
