import { randomBytes } from "node:crypto";

/**
 * RFC 4648 base32 without padding, upper case: no 0/1/8/9, so a token read off paper
 * cannot be mistyped as O/I/B/g, and it survives SMS and case-folding keyboards.
 */
export const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** 16 characters × 5 bits = 80 bits: guessing one live token among a province's is hopeless. */
export const TOKEN_LENGTH = 16;
export const TOKEN_PATTERN = /^[A-Z2-7]{16}$/;

/** A fresh unguessable invitation token from the system's CSPRNG. */
export function newInvitationToken(): string {
  // 10 random bytes = exactly 80 bits = 16 base32 characters, no bias from a modulo.
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let token = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      token += TOKEN_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return token;
}
