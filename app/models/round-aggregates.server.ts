/**
 * A round's aggregates (analysis/aggregates.ts) counted by the database, so a dashboard
 * over tens of thousands of interviews never loads their answers into Node (issue 7,
 * docs/decisions/016-dashboard-aggregates.md): one statement (round-aggregates-sql.server.ts)
 * whose result size depends on units × criteria only, turned here into the typed arrays
 * analysis/computeRoundFromAggregates reads. analysis/aggregateMatrix is the reference:
 * tests/data/round-aggregates.test.ts checks that both give the same arrays, exactly, on
 * SQLite and PostgreSQL.
 *
 * Answers 1..5 are valid; 9, NULL, any other value or no row at all is "not applicable"
 * (slot 0), as in the row-by-row reader the tests compare with (tests/data/round-responses.ts:
 * `value >= 1 && value <= 5 ? value : null`).
 */
import { PAIR_SLOTS, SATISFIED_MIN_SCORE, SCORE_SHIFT, type RoundAggregates, type RoundTally } from "../../analysis";
import { emptyAlphaMoments, type AlphaMoments } from "../../analysis/cronbach-alpha";
import { addImportanceCell, emptyImportanceSums, type ImportanceSums } from "../../analysis/priorities";
import { COUNT_SLOTS } from "../../analysis/tally";
import type { DashboardFilter } from "~/domain/results/filters";
import { resultsReader } from "~/db/prisma.server";
import { countedResponsesSql, toNumber } from "./counted-responses.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { elementsOf } from "./instrument.server";
import { aggregateStatement, pairRowKeys, rowWidth, type AggregateRow } from "./round-aggregates-sql.server";

export interface AggregateScope {
  /** The units of the view, in the order of the aggregates' unit index h. */
  unitIds: readonly string[];
  /** Mode, language and respondent groups are applied in SQL; level and unit choose `unitIds`. */
  filter: DashboardFilter;
}

/** The aggregates of a round's counted questionnaires in `scope` (see AggregateScope). */
export async function aggregateRound(
  roundId: string,
  instrument: InstrumentDefinition,
  scope: AggregateScope,
): Promise<RoundAggregates> {
  const elements = elementsOf(instrument);
  const criteria = Object.values(elements).flat();
  let position = 0;
  const positions = Object.fromEntries(
    Object.entries(elements).map(([code, codes]) => [code, codes.map(() => position++)]),
  );
  const H = scope.unitIds.length;
  const K = criteria.length;
  const layout = {
    H,
    K,
    codes: Object.keys(positions),
    groups: Object.values(positions),
    unitIndex: new Map(scope.unitIds.map((id, h) => [id, h])),
  };
  const rows =
    H && K
      ? await resultsReader().$queryRaw<AggregateRow[]>(
          aggregateStatement(countedResponsesSql(roundId, scope.unitIds, scope.filter), criteria, layout.groups),
        )
      : [];
  const tally = tallyFromRows(rows, layout);
  return { nUnits: H, criteria, elements: positions, tally, pairs: pairsFromRows(rows, tally, layout) };
}

interface Layout {
  H: number;
  K: number;
  /** Element codes, and the criterion positions of each, in element order. */
  codes: string[];
  groups: number[][];
  unitIndex: Map<string, number>;
}

/** A row's x1 … xW as numbers. */
const values = (row: AggregateRow, { K, groups }: Layout) =>
  Array.from({ length: rowWidth(K, groups.length) }, (_, i) => toNumber(row[`x${i + 1}`]));

/**
 * The rows into the RoundTally analysis/tally.ts makes from the same questionnaires. The
 * Cronbach moments are shifted by SCORE_SHIFT from the plain sums (exact integers), and the
 * importance sums are accumulated over c in tally.ts' order, so the result is identical.
 */
function tallyFromRows(rows: AggregateRow[], layout: Layout): RoundTally {
  const { H, K, codes, groups, unitIndex } = layout;
  const counts = new Int32Array(H * K * COUNT_SLOTS);
  const responsesPerUnit = new Int32Array(H);
  const overall = emptyAlphaMoments(K);
  const elements = groups.map((members) => emptyAlphaMoments(members.length));
  const byC: number[][] = []; // c → [count, Σ S, Σ S², then per criterion Σ b, Σ x, Σ x²]
  const byCS: number[][] = []; // c → per criterion Σ b·S, Σ x·S, Σ b·S²
  for (const row of rows) {
    const x = values(row, layout);
    if (row.kind === "n") responsesPerUnit[unitIndex.get(row.unit)!] = x[0];
    else if (row.kind === "score") counts.set(scoreCounts(x, K), unitIndex.get(row.unit)! * K * COUNT_SLOTS);
    else if (row.kind === "c") byC[toNumber(row.key)] = x;
    else if (row.kind === "cs") byCS[toNumber(row.key)] = x;
    else if (row.kind === "element") {
      groups.forEach((members, g) => {
        const [n, sumT, sumT2] = x.slice(3 * g, 3 * g + 3);
        shiftTotals(elements[g], n, sumT, sumT2, members.length);
        members.forEach((k, j) =>
          shiftItem(elements[g], j, n, x[3 * groups.length + 2 * k], x[3 * groups.length + 2 * k + 1]),
        );
      });
    }
  }
  for (let h = 0; h < H; h++) {
    for (let k = 0; k < K; k++) {
      const cell = (h * K + k) * COUNT_SLOTS;
      counts[cell] = responsesPerUnit[h] - counts.subarray(cell + 1, cell + COUNT_SLOTS).reduce((a, n) => a + n, 0); // not applicable or missing
    }
  }
  const complete = byC[K]; // c = K: every criterion valid
  if (complete) {
    shiftTotals(overall, complete[0], complete[1], complete[2], K);
    for (let k = 0; k < K; k++) shiftItem(overall, k, complete[0], complete[3 + 3 * k + 1], complete[3 + 3 * k + 2]);
  }
  // An element without criteria is complete for everyone (tally.ts: 0 valid of 0).
  const R = responsesPerUnit.reduce((a, n) => a + n, 0);
  groups.forEach((members, g) => members.length === 0 && (elements[g].nComplete = R));
  const alphaElements = Object.fromEntries(codes.map((code, g) => [code, elements[g]]));
  return {
    responsesPerUnit,
    counts,
    alpha: { overall, elements: alphaElements },
    importance: importanceSums(byC, byCS, K),
  };
}

/** Score counts 1..5 of each criterion into COUNT_SLOTS-wide cells (slot 0 filled later). */
function scoreCounts(x: number[], K: number): Int32Array {
  const out = new Int32Array(K * COUNT_SLOTS);
  for (let k = 0; k < K; k++)
    for (let v = 1; v < COUNT_SLOTS; v++) out[k * COUNT_SLOTS + v] = x[k * (COUNT_SLOTS - 1) + v - 1];
  return out;
}

/** Cronbach totals on the shifted scale from Σ T and Σ T² of n complete cases with `items` items. */
function shiftTotals(m: AlphaMoments, n: number, sumT: number, sumT2: number, items: number) {
  const shift = SCORE_SHIFT * items;
  m.nComplete = n;
  m.totalSum = sumT - shift * n;
  m.totalSumSquares = sumT2 - 2 * shift * sumT + shift * shift * n;
}

function shiftItem(m: AlphaMoments, j: number, n: number, sumX: number, sumX2: number) {
  m.itemSums[j] = sumX - SCORE_SHIFT * n;
  m.itemSumSquares[j] = sumX2 - 2 * SCORE_SHIFT * sumX + SCORE_SHIFT * SCORE_SHIFT * n;
}

/**
 * Moments of x and of the mean of the other answers m = (S − x)/(c − 1), for c ≥ 2:
 * the same per-c integer sums, through analysis/'s addImportanceCell as tally.ts does.
 */
function importanceSums(byC: number[][], byCS: number[][], K: number): ImportanceSums {
  const out = emptyImportanceSums(K);
  for (let c = 2; c <= K; c++) {
    if (!byC[c]) continue;
    for (let k = 0; k < K; k++) {
      const [n, sx, sxx] = byC[c].slice(3 + 3 * k, 3 + 3 * k + 3);
      const [sS, sxS, sS2] = byCS[c].slice(3 * k, 3 * k + 3);
      addImportanceCell(out, k, c, n, sx, sxx, sS, sxS, sS2);
    }
  }
  return out;
}

/** Pair counts in analysis/aggregates.ts' layout ((h·K + j)·K + l)·PAIR_SLOTS: both orders, and the diagonal from the score counts. */
function pairsFromRows(rows: AggregateRow[], tally: RoundTally, layout: Layout): Float64Array {
  const { H, K, unitIndex } = layout;
  const T = PAIR_SLOTS;
  const pairs = new Float64Array(H * K * K * T);
  const partnerOf = new Map(pairRowKeys(K));
  for (const row of rows) {
    if (row.kind !== "pair") continue;
    const h = unitIndex.get(row.unit)!;
    const j = toNumber(row.key);
    const x = values(row, layout);
    const partner = partnerOf.get(j);
    let at = 0;
    for (const first of partner === null || partner === undefined ? [j] : [j, partner]) {
      for (let l = first + 1; l < K; l++, at += 4) {
        const [validBoth, satisfiedFirst, satisfiedL, satisfiedBoth] = x.slice(at, at + 4);
        pairs.set([validBoth, satisfiedFirst, satisfiedBoth], ((h * K + first) * K + l) * T);
        pairs.set([validBoth, satisfiedL, satisfiedBoth], ((h * K + l) * K + first) * T);
      }
    }
  }
  for (let h = 0; h < H; h++) {
    for (let k = 0; k < K; k++) {
      const cell = (h * K + k) * COUNT_SLOTS;
      let valid = 0;
      let satisfied = 0;
      for (let v = 1; v < COUNT_SLOTS; v++) {
        valid += tally.counts[cell + v];
        if (v >= SATISFIED_MIN_SCORE) satisfied += tally.counts[cell + v];
      }
      pairs.set([valid, satisfied, satisfied], ((h * K + k) * K + k) * T);
    }
  }
  return pairs;
}
