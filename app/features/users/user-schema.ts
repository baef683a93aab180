import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "~/domain/auth/password-rules";
import { ROLES } from "~/domain/auth/permissions";
import type { Translate } from "~/i18n";

/** The new-account form. Units are the ids a supervisor, enumerator or limited viewer works with. */
export function buildCreateUserSchema(t: Translate) {
  return z.object({
    email: z
      .string({ required_error: t("users.emailInvalid") })
      .trim()
      .toLowerCase()
      .email(t("users.emailInvalid"))
      .max(200),
    name: z
      .string({ required_error: t("users.nameRequired") })
      .trim()
      .min(1, t("users.nameRequired"))
      .max(120),
    role: z.enum(ROLES, { errorMap: () => ({ message: t("users.roleRequired") }) }),
    password: z
      .string({ required_error: t("users.passwordTooShort", { n: MIN_PASSWORD_LENGTH }) })
      .min(MIN_PASSWORD_LENGTH, t("users.passwordTooShort", { n: MIN_PASSWORD_LENGTH }))
      .max(200),
    limitedToUnits: z.boolean().default(false),
    units: z.array(z.string().uuid()).default([]),
  });
}

/** Editing an account: everything but the email; a new password only when typed. */
export function buildUpdateUserSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("users.nameRequired") })
      .trim()
      .min(1, t("users.nameRequired"))
      .max(120),
    role: z.enum(ROLES, { errorMap: () => ({ message: t("users.roleRequired") }) }),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, t("users.passwordTooShort", { n: MIN_PASSWORD_LENGTH }))
      .max(200)
      .optional(),
    limitedToUnits: z.boolean().default(false),
    disabled: z.boolean().default(false),
    units: z.array(z.string().uuid()).default([]),
  });
}
