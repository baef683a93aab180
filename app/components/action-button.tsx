import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A one-button form that posts an `intent` and a few hidden values to the page's action:
 * "clone", "accept", "remove" beside a table row. Works without JavaScript (a plain POST);
 * `label` is the button's accessible name when its text alone would be ambiguous in a
 * table ("Remove" → "Remove Huyện Tam Đường from Nguyễn Văn A").
 */
export function ActionButton({
  intent,
  fields = {},
  label,
  className = "button secondary",
  disabled,
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  label?: string;
  className?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={className} aria-label={label} disabled={disabled}>
        {children}
      </button>
    </Form>
  );
}
