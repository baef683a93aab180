import { createCookie } from "@remix-run/node";
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from "~/i18n";

/** The person's UI language: a year-long cookie, set by any `?lng=` link. */
const languageCookie = createCookie("lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
  // Secure (HTTPS only) when COOKIE_SECURE=1: set it behind HTTPS. Off by default so the
  // app also works over plain HTTP on a local network (docs/operations.md, "Configuration").
  secure: process.env.COOKIE_SECURE === "1",
});

export async function getLanguage(request: Request): Promise<UiLanguage> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isUiLanguage(fromQuery)) return fromQuery;
  const fromCookie = await languageCookie.parse(request.headers.get("Cookie"));
  return isUiLanguage(fromCookie) ? fromCookie : DEFAULT_LANGUAGE;
}

/** A Set-Cookie header when the request chose a language by `?lng=`, else null. */
export async function languageCookieHeader(request: Request): Promise<string | null> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  return isUiLanguage(fromQuery) ? languageCookie.serialize(fromQuery) : null;
}

/** Set-Cookie that makes a language the person's UI language (the survey's choice of language). */
export async function serializeLanguageCookie(lang: UiLanguage): Promise<string> {
  return languageCookie.serialize(lang);
}
