import { mulberry32, partialShuffle, stratumState } from "./prng";

/** A frame row as the draw sees it: nothing personal. */
export interface DrawCandidate {
  id: string;
  dossierCode: string;
}

export interface StratumDraw {
  unitCode: string;
  /** In draw order: main[0] has drawOrder 1. */
  main: string[];
  reserve: string[];
}

/** Reserve list size: ⌈n_h · percent / 100⌉ (a setting of the draw, 50% by default: draw-forms.ts). */
export function reserveSize(n: number, percent: number): number {
  return Math.ceil((n * percent) / 100);
}

/**
 * Draw one unit's main sample (n) and reserve list (r) from its frame rows.
 * Rows are first put in a canonical order (dossier code, by UTF-16 code units, not by
 * locale, so every machine sorts alike), then shuffled with the unit's seeded PRNG
 * (prng.ts); the first n are the main sample, the next r the reserve, in that order.
 * When the frame is smaller than n + r the reserve (then the main sample) is cut short.
 */
export function drawStratum(
  unitCode: string,
  rows: readonly DrawCandidate[],
  n: number,
  r: number,
  seed: string,
): StratumDraw {
  const sorted = [...rows].sort((a, b) => (a.dossierCode < b.dossierCode ? -1 : a.dossierCode > b.dossierCode ? 1 : 0));
  const random = mulberry32(stratumState(seed, unitCode));
  const picked = partialShuffle(sorted, n + r, random).map((row) => row.id);
  return { unitCode, main: picked.slice(0, n), reserve: picked.slice(n, n + r) };
}

/**
 * The frame's fingerprint for a draw: SHA-256 over the accepted imports' file
 * fingerprints, one per line, in the order they were accepted. Two draws with the same
 * seed and fingerprint select the same dossiers.
 */
export function frameFingerprint(importFingerprints: readonly string[], hash: (text: string) => string): string {
  return hash(importFingerprints.join("\n"));
}
