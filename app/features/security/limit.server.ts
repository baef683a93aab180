import type { AppLoadContext } from "@remix-run/node";
import { translator } from "~/i18n";
import { getLanguage } from "~/utils/language.server";
import { countRequest, type RateLimitHit } from "./rate-limit.server";
import "./load-context";

/**
 * The calls routes make (one line at the top of a loader or action). Over a limit they
 * throw a 429: JSON `{ error }` for the APIs, else the message as text, which the root
 * ErrorBoundary shows as a page in the person's language; Retry-After says when to retry.
 */
async function enforce(request: Request, hits: RateLimitHit[]): Promise<void> {
  const verdict = await countRequest(hits);
  if (!verdict.limited) return;
  const t = translator(await getLanguage(request));
  const message = t("security.tooManyBody", { seconds: verdict.retryAfterSeconds });
  const headers = { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" };
  if (new URL(request.url).pathname.startsWith("/api/")) {
    throw Response.json({ error: message }, { status: 429, headers });
  }
  throw new Response(message, { status: 429, statusText: "Too Many Requests", headers });
}

/** Unknown without server.mjs (vite dev): one shared bucket is better than none. */
const ipOf = (context: AppLoadContext | undefined) => context?.clientIp ?? "unknown";

/** The invitation token a survey request carries: /i/<token> or ?invitation=<token>. */
export function invitationTokenOf(url: URL): string | null {
  const fromPath = /^\/i\/([^/]+)/.exec(url.pathname)?.[1];
  if (!fromPath) return url.searchParams.get("invitation");
  try {
    return decodeURIComponent(fromPath);
  } catch {
    return fromPath; // a malformed escape is still a token to count
  }
}

/** Every survey and invitation request: per address, and per invitation token. */
export async function limitSurvey(request: Request, context?: AppLoadContext): Promise<void> {
  const hits: RateLimitHit[] = [{ limit: "surveyIp", value: ipOf(context) }];
  const token = invitationTokenOf(new URL(request.url));
  if (token) hits.push({ limit: "surveyToken", value: token });
  await enforce(request, hits);
}

/** A sign-in attempt, before the password is hashed: per address and per email. */
export async function limitLogin(request: Request, context: AppLoadContext | undefined, email: string): Promise<void> {
  await enforce(request, [
    { limit: "loginIp", value: ipOf(context) },
    { limit: "loginEmail", value: email.trim().toLowerCase() },
  ]);
}

/** An upload from the enumerator app, per signed-in user. */
export async function limitSync(request: Request, userId: string): Promise<void> {
  await enforce(request, [{ limit: "syncUser", value: userId }]);
}
