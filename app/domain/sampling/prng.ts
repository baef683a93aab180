import { createHash } from "node:crypto";

/**
 * The seeded pseudo-random generator of the draw, chosen so that anyone can redo a draw
 * from its published seed with a few lines in any language:
 *
 *  - the 32-bit state of a stratum is the first 4 bytes (big-endian) of
 *    SHA-256(`${seed}:${unitCode}`), so units draw independently and adding a unit to a
 *    round does not change the others' samples;
 *  - numbers come from mulberry32 (Tommy Ettinger, 2017, public domain:
 *    https://gist.github.com/tommyettinger/46a874533244883189143505d203312c), a 32-bit
 *    generator that passes gjrand and PractRand to 2^32 outputs; each output / 2^32 is a
 *    uniform number in [0, 1).
 *
 * Not for secrets (use crypto for tokens): the point here is reproducibility, not
 * unpredictability, and the seed is published with the draw.
 */
export function stratumState(seed: string, unitCode: string): number {
  return createHash("sha256").update(`${seed}:${unitCode}`, "utf8").digest().readUInt32BE(0);
}

/** mulberry32: returns a function giving the next uniform number in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The first `k` items of a uniformly random permutation: Durstenfeld's in-place
 * Fisher–Yates shuffle (Durstenfeld 1964, CACM 7(7) "Algorithm 235: Random permutation";
 * Knuth, TAOCP vol. 2 §3.4.2 Algorithm P), stopped after k swaps, which gives a simple
 * random sample without replacement in random order. j = i + ⌊u·(m − i)⌋; the bias of
 * this mapping is below (m − i)/2^32, negligible for frames of a few million.
 * Complexity O(m) to copy, O(k) to draw.
 */
export function partialShuffle<T>(items: readonly T[], k: number, random: () => number): T[] {
  const a = items.slice();
  const m = a.length;
  const take = Math.min(k, m);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (m - i));
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a.slice(0, take);
}

/** A fresh seed to show and store when the admin does not type one: 16 hex digits. */
export function newSeed(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
