import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { z } from "zod";

type FormOptions<S extends z.ZodTypeAny> = Parameters<typeof useForm<z.input<S>, z.output<S>, string[]>>[0];

/** Everything conform's useForm takes, except what the schema gives (constraints, validation). */
export type SchemaFormOptions<S extends z.ZodTypeAny> = Omit<FormOptions<S>, "constraint" | "onValidate"> & {
  /**
   * A submit this returns true for is not checked in the browser ("Back" keeps whatever
   * was typed; the action decides what is valid).
   */
  skipValidation?: (formData: FormData, submitter: HTMLElement | null) => boolean;
};

/**
 * conform's useForm bound to one zod schema: the HTML constraints (required, min, max,
 * pattern) come from the schema, so a form validates before any JavaScript loads, and the
 * browser checks with the very schema the action parses. When to validate
 * (shouldValidate/shouldRevalidate) stays each form's own choice; left out, conform's
 * default applies (on submit).
 */
export function useSchemaForm<S extends z.ZodTypeAny>(
  schema: S,
  { skipValidation, ...options }: SchemaFormOptions<S> = {},
) {
  return useForm<z.input<S>, z.output<S>, string[]>({
    ...options,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: skipValidation?.(formData, submitter) ? z.object({}).passthrough() : schema }),
  });
}
