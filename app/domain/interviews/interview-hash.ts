import type { Interview } from "./interview-schema";

/**
 * Canonical JSON (ADR 008): object keys sorted by code point at every depth, arrays kept
 * in order, no whitespace, `undefined` members left out (as JSON.stringify does). Two
 * serialisations of the same interview, whatever their key order or spacing, give the
 * same text, so the server can tell a repeat upload ("duplicate") from an edited one
 * ("conflict"). The idea of RFC 8785 (JSON Canonicalization Scheme) without its number
 * rules: the contract holds only strings, finite numbers, booleans and null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * SHA-256 (hex) of an interview's canonical JSON: `Response.contentHash`. Web Crypto, so
 * the phone could compute the same value (a secure context is needed there).
 */
export async function interviewContentHash(interview: Interview): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(interview));
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
