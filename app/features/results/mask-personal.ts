/**
 * Masks personal data in a free-text comment before officials read it: e-mail addresses,
 * phone numbers and identity-card numbers. Pure, so it is unit-tested
 * (tests/unit/dashboard-mask.test.ts) and used by every page that shows a comment.
 *
 * What counts as what (Vietnamese formats):
 * - phone: a national number, 0 then 9 or 10 digits (mobile 09x/03x/…, 10 digits;
 *   landline with a 3-digit area code such as 0213 for Lai Châu, 11 digits), or the same
 *   with the country code +84 / 84 / (+84) in place of the leading 0;
 * - identity number: CMND, 9 digits; CCCD, 12 digits (it starts with a province code
 *   such as 012, so the leading 0 does not make it a phone);
 * - people write numbers in groups: "0912 345 678", "0912.345.678", "0912-345-678".
 * Money written in thousands ("1.500.000") is left alone: dots every three digits and no
 * leading 0 are how amounts are written, not phones (Nghị định 30/2020 style).
 */

export type MaskKind = "phone" | "email" | "id";

export const MASK_LABELS: Record<MaskKind, string> = {
  phone: "[số điện thoại đã ẩn]",
  email: "[thư điện tử đã ẩn]",
  id: "[số giấy tờ đã ẩn]",
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/**
 * A run of digit groups joined by single separators, with an optional +84 / (+84) prefix.
 * Not touching a letter, a digit or a code's joiner (- / _), so dossier codes like
 * "HS2020-000123456" and dates stay whole.
 */
const NUMBER_RUN = /(?<![\p{L}\p{N}_/-])(?:\(\+?84\)[ .-]?|\+)?\d+(?:[ .-]\d+)*(?![\p{L}\p{N}_/]|-\d)/gu;
const THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/** The kind of a number as written, or null when it is none of ours. */
export function classifyNumber(written: string): Exclude<MaskKind, "email"> | null {
  if (THOUSANDS.test(written)) return null;
  const international = /^\(?\+/.test(written);
  const digits = written.replace(/\D/g, "");
  if (international || (digits.startsWith("84") && (digits.length === 11 || digits.length === 12))) {
    // +84 then the national number without its 0: 9 or 10 digits.
    return digits.startsWith("84") && (digits.length === 11 || digits.length === 12) ? "phone" : null;
  }
  if (digits.length === 12) return "id";
  if (digits.startsWith("0") && (digits.length === 10 || digits.length === 11)) return "phone";
  if (digits.length === 9) return "id";
  return null;
}

/**
 * Mask one run of digit groups. When the whole run is not a phone or ID (two numbers
 * written side by side: "năm 2020 0912345678"), try the longest sub-runs of whole groups
 * from the left, so each number is judged on its own.
 */
function maskRun(run: string, labels: Record<MaskKind, string>): string {
  const whole = classifyNumber(run);
  if (whole) return labels[whole];
  const parts = run.split(/( )/); // keep the spaces as their own parts
  const groups = parts.filter((_, i) => i % 2 === 0);
  if (groups.length < 2) return run;
  const out: string[] = [];
  let i = 0;
  while (i < groups.length) {
    let matched = false;
    for (let j = groups.length - 1; j >= i; j--) {
      if (i === 0 && j === groups.length - 1) continue;
      const kind = classifyNumber(groups.slice(i, j + 1).join(" "));
      if (kind) {
        out.push(labels[kind]);
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(groups[i++]);
  }
  return out.join(" ");
}

export function maskPersonal(text: string, labels: Record<MaskKind, string> = MASK_LABELS): string {
  return text.replace(EMAIL, labels.email).replace(NUMBER_RUN, (run) => maskRun(run, labels));
}
