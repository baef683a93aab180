import { z } from "zod";
import type { Translate } from "~/i18n";

/** The sign-in form, validated in the browser and in the action. */
export function buildLoginSchema(t: Translate) {
  return z.object({
    email: z
      .string({ required_error: t("auth.emailRequired") })
      .trim()
      .toLowerCase()
      .email(t("auth.emailRequired"))
      .max(200),
    password: z
      .string({ required_error: t("auth.passwordRequired") })
      .min(1, t("auth.passwordRequired"))
      .max(200),
    redirectTo: z.string().optional(),
  });
}

const SAME_SITE = "http://same-site.invalid";

/**
 * Only paths of this site: a crafted ?redirectTo must not send people away. The browser,
 * not this function, has the last word on what a Location means, so the value is parsed
 * as a browser would (WHATWG URL) and rebuilt from its path: `//example.org`,
 * `/\example.org` and `/<TAB>/example.org` (browsers drop tabs and newlines, leaving
 * `//example.org`) all resolve to another origin and fall back. Control characters are
 * refused outright, so no header is ever built from one (a CR gave a 500).
 */
export function safeRedirect(to: string | undefined | null, fallback = "/admin"): string {
  // eslint-disable-next-line no-control-regex
  if (!to || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SAME_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_SITE) return fallback;
  return url.pathname + url.search + url.hash;
}
