/**
 * One pass over the responses of a round into typed arrays, from which every estimate
 * is computed: counts of each score per unit × criterion, Cronbach moments per element
 * and overall, and the sums behind each criterion's importance correlation.
 *
 * Input is a dense matrix: `unitIndex[r]` and `answers[r·K + k]` (0 = not applicable,
 * 1..5 = score), so the hot loop touches no objects or strings.
 *
 * The hot loop does two increments per answer. A joint histogram indexed by
 * (unit, number of valid answers c, "is the criterion's element complete", criterion,
 * score) yields by summation: the unit counts; the complete-case item moments for
 * Cronbach's alpha (overall = c = K; element = flag set); and the per-c score counts
 * that importance needs. A second array adds the respondent's answer total S per
 * (c, criterion, score), which with Σ S² per c gives the moments of the mean of the
 * other answers, (S − x)/(c − 1), without visiting each answer again. All sums are of
 * small integers, hence exact.
 *
 * Complexity: O(R·K) time for R responses and K criteria; O(H·K²) memory.
 *
 * @example
 * tallyRound({ nUnits: 1, criteria: ["c01"], elements: { ALL: [0] },
 *   unitIndex: Int32Array.of(0), answers: Uint8Array.of(4) }).counts // [0,0,0,0,1,0]
 */
import { emptyAlphaMoments, SCORE_SHIFT, type AlphaMoments } from "./cronbach-alpha";
import { addImportanceCell, emptyImportanceSums, type ImportanceSums } from "./priorities";

/** Counts per unit × criterion: not applicable, then scores 1..5. */
export const COUNT_SLOTS = 6;

export interface RoundMatrix {
  nUnits: number;
  criteria: string[];
  /** Element code → criterion positions (indices into `criteria`); elements do not overlap. */
  elements: Record<string, number[]>;
  unitIndex: Int32Array;
  answers: Uint8Array;
}

export interface RoundTally {
  responsesPerUnit: Int32Array;
  /** [(h·K + k)·COUNT_SLOTS + v]. */
  counts: Int32Array;
  alpha: { overall: AlphaMoments; elements: Record<string, AlphaMoments> };
  importance: ImportanceSums;
}

export function tallyRound(m: RoundMatrix): RoundTally {
  const K = m.criteria.length;
  const R = m.unitIndex.length;
  const H = m.nUnits;
  const answers = m.answers;
  const unitIndex = m.unitIndex;
  const slots = COUNT_SLOTS; // imported bindings are getters once transpiled: read once
  const groups = Object.entries(m.elements);
  const G = groups.length;
  const elementOf = new Int32Array(K).fill(-1);
  groups.forEach(([, positions], g) => positions.forEach((k) => (elementOf[k] = g)));
  const elementSize = Int32Array.from(groups, ([, positions]) => positions.length);
  const C = K + 1; // c = 0..K valid answers
  const block = K * slots;
  const joint = new Int32Array(H * C * 2 * block);
  const answerTotal = new Float64Array(C * block);
  const sumS2 = new Float64Array(C);
  const missingS2 = new Float64Array(C * K);
  const elementValid = new Int32Array(G);
  const elementSum = new Float64Array(G);
  const elementComplete = new Float64Array(G);
  const elementTotal = new Float64Array(G);
  const elementTotalSq = new Float64Array(G);
  const responsesPerUnit = new Int32Array(H);
  for (let r = 0; r < R; r++) {
    const base = r * K;
    elementValid.fill(0);
    elementSum.fill(0);
    let valid = 0;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const v = answers[base + k];
      if (v === 0) continue;
      valid += 1;
      sum += v;
      const g = elementOf[k];
      if (g >= 0) {
        elementValid[g] += 1;
        elementSum[g] += v;
      }
    }
    const h = unitIndex[r];
    responsesPerUnit[h] += 1;
    const cellC = (h * C + valid) * 2 * block;
    const totalC = valid * block;
    for (let k = 0; k < K; k++) {
      const v = answers[base + k];
      const g = elementOf[k];
      const complete = g >= 0 && elementValid[g] === elementSize[g] ? block : 0;
      joint[cellC + complete + k * slots + v] += 1;
      if (v === 0) missingS2[valid * K + k] += sum * sum;
      else answerTotal[totalC + k * slots + v] += sum;
    }
    sumS2[valid] += sum * sum;
    for (let g = 0; g < G; g++) {
      if (elementValid[g] !== elementSize[g]) continue;
      const t = elementSum[g] - SCORE_SHIFT * elementSize[g];
      elementComplete[g] += 1;
      elementTotal[g] += t;
      elementTotalSq[g] += t * t;
    }
  }
  return summarise(m, {
    joint,
    answerTotal,
    sumS2,
    missingS2,
    elementComplete,
    elementTotal,
    elementTotalSq,
    responsesPerUnit,
  });
}

interface Histograms {
  joint: Int32Array;
  answerTotal: Float64Array;
  sumS2: Float64Array;
  missingS2: Float64Array;
  elementComplete: Float64Array;
  elementTotal: Float64Array;
  elementTotalSq: Float64Array;
  responsesPerUnit: Int32Array;
}

function summarise(m: RoundMatrix, t: Histograms): RoundTally {
  const K = m.criteria.length;
  const H = m.nUnits;
  const C = K + 1;
  const slots = COUNT_SLOTS;
  const block = K * slots;
  const counts = new Int32Array(H * block);
  const byC = new Float64Array(C * block); // score counts per (c, k, v), all units
  const elementHist = new Float64Array(block); // complete-element cases per (k, v)
  for (let h = 0; h < H; h++) {
    for (let c = 0; c < C; c++) {
      for (let flag = 0; flag < 2; flag++) {
        const cell = ((h * C + c) * 2 + flag) * block;
        for (let i = 0; i < block; i++) {
          const n = t.joint[cell + i];
          if (n === 0) continue;
          counts[h * block + i] += n;
          byC[c * block + i] += n;
          if (flag === 1) elementHist[i] += n;
        }
      }
    }
  }
  const overall = emptyAlphaMoments(K);
  const shiftedMoments = (hist: Float64Array, offset: number, k: number) => {
    let s = 0;
    let ss = 0;
    for (let v = 1; v < slots; v++) {
      const n = hist[offset + k * slots + v];
      s += n * (v - SCORE_SHIFT);
      ss += n * (v - SCORE_SHIFT) * (v - SCORE_SHIFT);
    }
    return [s, ss];
  };
  for (let k = 0; k < K; k++) [overall.itemSums[k], overall.itemSumSquares[k]] = shiftedMoments(byC, K * block, k);
  for (let v = 1; v < slots; v++) overall.nComplete += byC[K * block + v]; // c = K: every criterion answered
  // A complete case's shifted total is S − 3K: recover its Σ and Σ² from those of S.
  const sK = sumOverScores(t.answerTotal, K * block, 0, slots);
  overall.totalSum = sK - SCORE_SHIFT * K * overall.nComplete;
  overall.totalSumSquares = t.sumS2[K] - 2 * SCORE_SHIFT * K * sK + (SCORE_SHIFT * K) ** 2 * overall.nComplete;
  const elements: Record<string, AlphaMoments> = {};
  Object.entries(m.elements).forEach(([code, positions], g) => {
    const a = emptyAlphaMoments(positions.length);
    positions.forEach((k, j) => ([a.itemSums[j], a.itemSumSquares[j]] = shiftedMoments(elementHist, 0, k)));
    a.nComplete = t.elementComplete[g];
    a.totalSum = t.elementTotal[g];
    a.totalSumSquares = t.elementTotalSq[g];
    elements[code] = a;
  });
  return {
    responsesPerUnit: t.responsesPerUnit,
    counts,
    alpha: { overall, elements },
    importance: importanceSums(K, byC, t),
  };
}

function sumOverScores(a: Float64Array, offset: number, k: number, slots: number): number {
  let s = 0;
  for (let v = 1; v < slots; v++) s += a[offset + k * slots + v];
  return s;
}

/** Moments of x and of the mean of the other answers m = (S − x)/(c − 1), for c ≥ 2. */
function importanceSums(K: number, byC: Float64Array, t: Histograms): ImportanceSums {
  const slots = COUNT_SLOTS;
  const block = K * slots;
  const out = emptyImportanceSums(K);
  for (let c = 2; c <= K; c++) {
    for (let k = 0; k < K; k++) {
      let n = 0;
      let sx = 0;
      let sxx = 0;
      let sS = 0;
      let sxS = 0;
      for (let v = 1; v < slots; v++) {
        const count = byC[c * block + k * slots + v];
        const total = t.answerTotal[c * block + k * slots + v];
        n += count;
        sx += v * count;
        sxx += v * v * count;
        sS += total;
        sxS += v * total;
      }
      addImportanceCell(out, k, c, n, sx, sxx, sS, sxS, t.sumS2[c] - t.missingS2[c * K + k]);
    }
  }
  return out;
}
