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
 * - people write numbers in groups: "0912 345 678", "0912.345.678", "0912-345-678", and
 *   also with _ / or commas, an area code in brackets "(0213) 3876 543", glued to a label
 *   ("SĐT0912345678"), with no-break spaces or full-width digits (０９１２…), or with the
 *   last digits hidden as "xxx" (the rest still identifies the line);
 * - e-mail addresses, also written "ten (at) gmail.com" or "ten [at] gmail [dot] com".
 * Money written in thousands ("1.500.000") is left alone: dots every three digits and no
 * leading 0 are how amounts are written, not phones (Nghị định 30/2020 style).
 */

export type MaskKind = "phone" | "email" | "id";

export const MASK_LABELS: Record<MaskKind, string> = {
  phone: "[số điện thoại đã ẩn]",
  email: "[thư điện tử đã ẩn]",
  id: "[số giấy tờ đã ẩn]",
};

/**
 * "@" as people write it to get past filters: `@`, `(at)`, `[at]`, `{at}`, with spaces or
 * not; and "." as `.`, `(dot)`, `[dot]`.
 */
const AT = String.raw`\s*(?:@|[(\[{]\s*at\s*[)\]}])\s*`;
const DOT = String.raw`(?:\.|\s*[(\[{]\s*dot\s*[)\]}]\s*)`;
const EMAIL = new RegExp(String.raw`[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)+`, "giu");
/** Between two groups of a number: a space, . - _ / or a comma. */
const SEPARATOR = String.raw`[ .\-_/,]`;
/** A group of digits, or of placeholders for digits the writer hid ("3876 xxx"). */
const GROUP = String.raw`(?:\d+|[xX*]{2,})`;
/**
 * A run of digit groups joined by single separators, with an optional +84 / (+84) prefix
 * or an area code in brackets, "(0213)". It may touch a letter ("SĐT0912…", "CCCD0123…"),
 * but not another digit nor a code's joiner before it (- / _ .), so dossier codes like
 * "HS2020-000123456" and dates are judged whole, and left alone.
 */
const NUMBER_RUN = new RegExp(
  String.raw`(?<![\p{N}_/.-])(?:\(\+?84\)[ .-]?|\(0\d{2,3}\)[ .-]?|\+)?\d+(?:${SEPARATOR}${GROUP})*(?!\p{N}|[_/-]\d)`,
  "gu",
);
const THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * The text with full-width digits and signs (０-９, ＋, ＠, brackets) as ASCII and every
 * space-like character (no-break, thin, ideographic) as a space. Each character maps to one
 * of the same length, so a match in the normalised text is at the same place in the original.
 */
function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ");
}

/** Replace each match of `pattern` in the normalised text, at the same place in the original. */
function replaceMatches(
  original: string,
  normalised: string,
  pattern: RegExp,
  replace: (match: string, written: string) => string,
) {
  let out = "";
  let at = 0;
  for (const match of normalised.matchAll(pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    out += original.slice(at, start) + replace(match[0], original.slice(start, end));
    at = end;
  }
  return out + original.slice(at);
}

/** The kind of a number as written, or null when it is none of ours. */
export function classifyNumber(written: string): Exclude<MaskKind, "email"> | null {
  if (THOUSANDS.test(written)) return null;
  const international = /^\(?\+/.test(written);
  const digits = written.replace(/[xX*]/g, "0").replace(/\D/g, "");
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
  const withoutEmails = replaceMatches(text, normalise(text), EMAIL, () => labels.email);
  // A number left whole keeps its own characters (full-width digits stay as written).
  return replaceMatches(withoutEmails, normalise(withoutEmails), NUMBER_RUN, (run, written) => {
    const masked = maskRun(run, labels);
    return masked === run ? written : masked;
  });
}
