import { mulberry32, partialShuffle, stratumState } from "~/domain/sampling/prng";

/**
 * The back-check (phúc tra) draw, pure: which interviews of each enumerator are called
 * back. It reuses the draw's seeded generator (docs/decisions/007, app/domain/sampling/prng.ts):
 * per enumerator, the 32-bit state is the first 4 bytes of SHA-256(`${seed}:${enumeratorId}`),
 * the candidates are put in a canonical order (response id, by UTF-16 code units) and the
 * first k of a partial Fisher–Yates shuffle are drawn. So the same seed and the same
 * candidate interviews give the same back-checks, on any machine (docs/decisions/009).
 */

/**
 * How many of `available` interviews to draw at `share` (0 < share ≤ 1): ⌈share·available⌉,
 * at least 1 when there is any (every enumerator with interviews gets checked), never more
 * than there are. The product is rounded to 9 decimals first, because 0.1 × 30 is
 * 3.0000000000000004 in binary floating point and would otherwise round up to 4.
 * Example: backCheckSize(25, 0.1) = 3; backCheckSize(4, 0.1) = 1; backCheckSize(0, 0.1) = 0.
 */
export function backCheckSize(available: number, share: number): number {
  if (available <= 0) return 0;
  const exact = Math.round(available * share * 1e9) / 1e9;
  return Math.min(available, Math.max(1, Math.ceil(exact)));
}

export interface BackCheckCandidate {
  responseId: string;
  enumeratorId: string;
}

/**
 * Draw back-checks among candidates (interviews not yet drawn, not rejected), per
 * enumerator. Returns the picked candidates grouped in enumerator-id order, each group in
 * draw order. Complexity O(m log m) for m candidates (the sort).
 */
export function drawBackChecks(
  candidates: readonly BackCheckCandidate[],
  share: number,
  seed: string,
): BackCheckCandidate[] {
  const byEnumerator = new Map<string, BackCheckCandidate[]>();
  for (const c of candidates) {
    const list = byEnumerator.get(c.enumeratorId) ?? [];
    list.push(c);
    byEnumerator.set(c.enumeratorId, list);
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const picked: BackCheckCandidate[] = [];
  for (const enumeratorId of [...byEnumerator.keys()].sort(byCode)) {
    const list = byEnumerator.get(enumeratorId)!.sort((a, b) => byCode(a.responseId, b.responseId));
    const random = mulberry32(stratumState(seed, enumeratorId));
    picked.push(...partialShuffle(list, backCheckSize(list.length, share), random));
  }
  return picked;
}
