import { z } from "zod";
import type { Translate } from "~/i18n";

/** The sign-in form, validated in the browser and in the action. */
export function buildLoginSchema(t: Translate) {
  return z.object({
    email: z.string({ required_error: t("auth.emailRequired") }).trim().toLowerCase().email(t("auth.emailRequired")).max(200),
    password: z.string({ required_error: t("auth.passwordRequired") }).min(1, t("auth.passwordRequired")).max(200),
    redirectTo: z.string().optional(),
  });
}

/** Only same-site paths: a crafted ?redirectTo=https://elsewhere must not send people away. */
export function safeRedirect(to: string | undefined | null, fallback = "/admin"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
