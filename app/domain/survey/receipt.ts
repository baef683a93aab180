import { createHash } from "node:crypto";

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I). */
const RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * A short code the person can quote (HL-7K2M-Q9PX), derived from the response id so a
 * retried submit gets the same one. 40 bits: a collision among a province's responses is
 * vanishingly unlikely, and the column is unique, so one would fail loudly, not merge.
 */
export function receiptCodeFor(responseId: string): string {
  const digest = createHash("sha256").update(responseId).digest();
  let code = "";
  for (let i = 0; i < 8; i++) code += RECEIPT_ALPHABET[digest[i] % RECEIPT_ALPHABET.length];
  return `HL-${code.slice(0, 4)}-${code.slice(4)}`;
}
