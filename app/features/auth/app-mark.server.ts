import { createHmac } from "node:crypto";
import { cookieSecrets } from "~/utils/secret.server";
import { APP_MARK_COOKIE } from "./app-mark";
import { SESSION_DAYS } from "./session.server";

/**
 * The mark of a session for the offline app (app-mark.ts explains why): a keyed hash of the
 * session id, so the readable cookie tells nothing about the session and cannot be turned
 * back into it. Hex only, so it needs no cookie encoding.
 */
export function appMarkFor(sessionId: string): string {
  return createHmac("sha256", cookieSecrets()[0]).update(`app-mark:${sessionId}`).digest("hex").slice(0, 32);
}

const attributes = (maxAge: number) =>
  `Path=/; Max-Age=${maxAge}; SameSite=Lax${process.env.COOKIE_SECURE === "1" ? "; Secure" : ""}`;

/** Set-Cookie for the mark: readable by the page's script (not HttpOnly), as long-lived as a session. */
export function appMarkCookie(mark: string): string {
  return `${APP_MARK_COOKIE}=${mark}; ${attributes(SESSION_DAYS * 24 * 60 * 60)}`;
}

/** Set-Cookie that removes the mark: every sign-out sends it. */
export function clearAppMarkCookie(): string {
  return `${APP_MARK_COOKIE}=; ${attributes(0)}`;
}
