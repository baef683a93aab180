/**
 * A round from its aggregates (aggregates.ts, issue 7): computeRoundFromAggregates on
 * aggregateMatrix gives computeRound's result — every estimate, SE, df and interval to
 * 1e-9 relative — on the R fixtures and on random small rounds with the degenerate cases
 * (one respondent, census, no responses, criteria never answered, units whose answers
 * are all alike). Also: pairCounts by hand, the sums of squares of the two forms against
 * each other and against the uncentred expansion Σ u² − n ū², and the input checks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateMatrix, checkAggregates, pairCounts, PAIR_SLOTS, type RoundAggregates } from "./aggregates";
import { computeRound, computeRoundFromAggregates } from "./compute-round";
import { GROUPINGS, indexInfluence, type IndexInfluence } from "./index-intervals";
import { matrixSumSquares } from "./index-intervals-matrix";
import { pairSumSquares } from "./index-intervals-pairs";
import { roundGroupings } from "./index-intervals-round";
import { readRound } from "./read-round-csv";
import { RoundInputError, toRoundMatrix } from "./round-matrix";
import type { RoundTally } from "./tally";
import { UNIT_LEVELS, type IndexInterval, type RoundInput, type RoundResponse } from "./types";
import smallResponses from "../tests/fixtures/r/small/responses.csv?raw";
import smallFrame from "../tests/fixtures/r/small/frame.csv?raw";
import smallElements from "../tests/fixtures/r/small/elements.json?raw";
import lonelyResponses from "../tests/fixtures/r/lonely/responses.csv?raw";
import lonelyFrame from "../tests/fixtures/r/lonely/frame.csv?raw";
import mediumResponses from "../tests/fixtures/r/medium/responses.csv?raw";
import mediumFrame from "../tests/fixtures/r/medium/frame.csv?raw";
import mediumElements from "../tests/fixtures/r/medium/elements.json?raw";
import largeResponses from "../tests/fixtures/r/large/responses.csv?raw";
import largeFrame from "../tests/fixtures/r/large/frame.csv?raw";
import largeElements from "../tests/fixtures/r/large/elements.json?raw";

/** Relative agreement asked of the two paths (rounding only: both are exact formulas). */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * A variance that is 0 by coincidence (criteria with equal weights answered in opposite
 * ways, so u_i is constant although the answers differ) comes out of either path as
 * rounding residue: the matrix pass's SE ~1e-16, the pairs form's up to ~1e-8·|u|
 * (a quadratic form leaves ε·Σ|terms| where the matrix pass sums squares of ε-sized
 * differences). Both are 0 in truth; the interval is then null or of zero width. SEs
 * below this (index points) on both sides count as the same 0; how often is reported.
 */
const ROUNDING_ZERO_SE = 1e-4;

const datasets = [
  { name: "small", responses: smallResponses, frame: smallFrame, elements: smallElements },
  { name: "lonely", responses: lonelyResponses, frame: lonelyFrame, elements: null },
  { name: "medium", responses: mediumResponses, frame: mediumFrame, elements: mediumElements },
  { name: "large", responses: largeResponses, frame: largeFrame, elements: largeElements },
];

/** Largest relative differences seen (and rounding-level zeros), printed after the run for the report. */
const largest = {
  resultFixtures: 0,
  resultRandom: 0,
  roundingZeroIntervals: 0,
  largestRoundingZeroSe: 0,
  sumSquaresPairs: 0,
  sumSquaresExpanded: 0,
  pairsResidueWhereZero: 0,
  expandedResidueWhereZero: 0,
};

function isInterval(x: unknown): x is IndexInterval {
  return typeof x === "object" && x !== null && Object.keys(x).join() === "index,se,df,ci";
}

type Source = "resultFixtures" | "resultRandom";

/** Paths where the two results differ beyond RELATIVE_TOLERANCE (or in kind: null, keys, strings). */
function differences(a: unknown, b: unknown, source: Source, path = "", out: string[] = []): string[] {
  if (typeof a === "number" && typeof b === "number") {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    const relative = scale === 0 ? 0 : Math.abs(a - b) / scale;
    if (Number.isNaN(a) !== Number.isNaN(b) || relative > RELATIVE_TOLERANCE) out.push(`${path}: ${a} vs ${b}`);
    else if (relative > largest[source]) largest[source] = relative;
    return out;
  }
  if (
    isInterval(a) &&
    isInterval(b) &&
    a.se !== null &&
    b.se !== null &&
    a.se !== b.se &&
    Math.max(a.se, b.se) <= ROUNDING_ZERO_SE
  ) {
    largest.roundingZeroIntervals += 1;
    largest.largestRoundingZeroSe = Math.max(largest.largestRoundingZeroSe, a.se, b.se);
    differences(a.index, b.index, source, `${path}.index`, out);
    differences(a.df, b.df, source, `${path}.df`, out);
    for (const [side, ci] of [
      ["a", a.ci],
      ["b", b.ci],
    ] as const) {
      if (ci !== null && ci[1] - ci[0] > 100 * ROUNDING_ZERO_SE)
        out.push(`${path}.ci (${side}): ${ci} for a rounding-level SE`);
    }
    return out;
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return out;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join() !== keysB.join()) out.push(`${path}: keys ${keysA.join()} vs ${keysB.join()}`);
  for (const key of keysA)
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      source,
      `${path}.${key}`,
      out,
    );
  return out;
}

/**
 * Σ u² − n ū² from the uncentred pair counts (the expansion the centred form avoids):
 * Σ_kl a_k a_l [S_kl − p_l YX_kl − p_k YX_lk + p_k p_l V_kl] − n_h ū_h². Also returns
 * the same sum with every term taken positive, the scale of the rounding error of any
 * form computed from counts.
 */
function expandedSumSquares(pairs: Float64Array, tally: RoundTally, influence: IndexInfluence) {
  const { H, K, elementList, weight, p, sipasShare, ubar } = influence;
  const G = GROUPINGS;
  const E = elementList.length;
  const Q = E + 1;
  const at = (h: number, j: number, l: number) => ((h * K + j) * K + l) * PAIR_SLOTS;
  const expanded = new Float64Array(H * G * Q);
  const errorScale = new Float64Array(H * G * Q);
  for (let h = 0; h < H; h++) {
    const n = tally.responsesPerUnit[h];
    if (n === 0) continue;
    for (let g = 0; g < G; g++) {
      const a = (k: number) => weight[(h * K + k) * G + g];
      const pk = (k: number) => p[(h * K + k) * G + g];
      const sumOfSquares = (positions: number[], share: number): [number, number] => {
        let s = 0;
        let scale = 0;
        for (const j of positions) {
          for (const l of positions) {
            const jl = at(h, j, l);
            const terms = [
              pairs[jl + 2],
              -pk(l) * pairs[jl + 1],
              -pk(j) * pairs[at(h, l, j) + 1],
              pk(j) * pk(l) * pairs[jl],
            ];
            const aa = share * share * a(j) * a(l);
            s += aa * terms.reduce((x, y) => x + y, 0);
            scale += Math.abs(aa) * terms.reduce((x, y) => x + Math.abs(y), 0);
          }
        }
        return [s, scale];
      };
      const o = (h * G + g) * Q;
      const share = sipasShare[h * G + g];
      const quantities = [
        ...elementList.map((positions) => [positions, 1] as const),
        [elementList.flat(), share] as const,
      ];
      quantities.forEach(([positions, c], q) => {
        const [uncentred, scale] = sumOfSquares(positions, c);
        expanded[o + q] = uncentred - n * ubar[o + q] ** 2;
        errorScale[o + q] = scale + n * ubar[o + q] ** 2;
      });
    }
  }
  return { expanded, errorScale };
}

/** The sums of squares of a round three ways, from the same influence coefficients. */
function sumSquaresThreeWays(input: RoundInput) {
  const matrix = toRoundMatrix(input);
  const { tally, pairs } = aggregateMatrix(matrix);
  const { groupings } = roundGroupings(matrix, tally, input.units, computeRound(input, { indexIntervals: false }));
  const influence = indexInfluence(matrix, tally, input.units, groupings);
  return {
    direct: matrixSumSquares(matrix, tally, influence),
    pairs: pairSumSquares(pairs, tally, influence),
    ...expandedSumSquares(pairs, tally, influence),
  };
}

/**
 * Largest relative difference of each form from the direct sum, over the entries that
 * are not rounding-level zeros (direct ≤ 1e-9 × the sum of |terms|); there, the residues
 * relative to that scale are kept. Whether the pairs form is within 1e-9 relative
 * (1e-12 of the scale of its terms near 0) everywhere.
 */
function recordSumSquares(input: RoundInput): boolean {
  const { direct, pairs, expanded, errorScale } = sumSquaresThreeWays(input);
  let within = true;
  direct.forEach((d, i) => {
    const scale = errorScale[i];
    if (Math.abs(pairs[i] - d) > RELATIVE_TOLERANCE * d + 1e-12 * scale) within = false;
    if (d === 0 || d <= RELATIVE_TOLERANCE * scale) {
      if (scale === 0) return;
      largest.pairsResidueWhereZero = Math.max(largest.pairsResidueWhereZero, Math.abs(pairs[i] - d) / scale);
      largest.expandedResidueWhereZero = Math.max(largest.expandedResidueWhereZero, Math.abs(expanded[i] - d) / scale);
      return;
    }
    largest.sumSquaresPairs = Math.max(largest.sumSquaresPairs, Math.abs(pairs[i] - d) / d);
    largest.sumSquaresExpanded = Math.max(largest.sumSquaresExpanded, Math.abs(expanded[i] - d) / d);
  });
  return within;
}

function fromAggregates(input: RoundInput) {
  return computeRoundFromAggregates(input, aggregateMatrix(toRoundMatrix(input)));
}

describe.each(datasets)("R fixture $name from aggregates", ({ responses, frame, elements }) => {
  const input = readRound(
    { name: "responses.csv", text: responses },
    { name: "frame.csv", text: frame },
    elements === null ? null : { name: "elements.json", text: elements },
  );

  it("gives computeRound's result", () => {
    const expected = computeRound(input);
    const actual = fromAggregates(input);
    expect(differences(actual, expected, "resultFixtures")).toEqual([]);
    expect(actual.meta.n_responses).toBe(input.responses.length);
  });

  it("has the matrix pass's sums of squares", () => {
    expect(recordSumSquares(input)).toBe(true);
  });
});

/**
 * Small rounds: 1–3 elements of 1–3 criteria; 1–5 units of any level with 0–6
 * respondents, some a census (N_h = n_h); some criteria never answered; some units whose
 * respondents all give the first one's answers.
 */
const roundArbitrary = fc
  .record({
    elementSizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    units: fc.array(
      fc.record({
        level: fc.constantFrom(...UNIT_LEVELS),
        n: fc.integer({ min: 0, max: 6 }),
        beyondCensus: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
        alike: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .chain(({ elementSizes, units }) => {
    const K = elementSizes.reduce((sum, m) => sum + m, 0);
    const R = units.reduce((sum, u) => sum + u.n, 0);
    return fc.record({
      elementSizes: fc.constant(elementSizes),
      units: fc.constant(units),
      answers: fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5, 4, 5), { minLength: R * K, maxLength: R * K }),
      neverAnswered: fc.array(
        fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
        { minLength: K, maxLength: K },
      ),
    });
  })
  .map(({ elementSizes, units, answers, neverAnswered }): RoundInput => {
    const criteria: string[] = [];
    const elements: Record<string, string[]> = {};
    elementSizes.forEach((m, e) => {
      elements[`E${e + 1}`] = Array.from({ length: m }, () => {
        criteria.push(`c${criteria.length + 1}`);
        return criteria[criteria.length - 1];
      });
    });
    const K = criteria.length;
    const responses: RoundResponse[] = [];
    let r = 0;
    units.forEach((unit, h) => {
      const first = r;
      for (let i = 0; i < unit.n; i++, r++) {
        const row = unit.alike ? first : r;
        const entries = criteria.map((c, k) => [
          c,
          neverAnswered[k] || answers[row * K + k] === 0 ? null : answers[row * K + k],
        ]);
        responses.push({ id: `r${r}`, unitCode: `U${h}`, answers: Object.fromEntries(entries) });
      }
    });
    return {
      units: units.map((u, h) => ({ code: `U${h}`, level: u.level, population: Math.max(u.n, 1) + u.beyondCensus })),
      elements,
      responses,
    };
  });

describe("random small rounds from aggregates", () => {
  it("give computeRound's result", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        expect(differences(fromAggregates(input), computeRound(input), "resultRandom")).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("have the matrix pass's sums of squares", () => {
    fc.assert(
      fc.property(roundArbitrary, (input) => {
        expect(recordSumSquares(input)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the sums of squares", () => {
  it("of a hand example: one criterion answered 4, 2, 5 gives (100/3)²·(1/9 + 4/9 + 1/9)", () => {
    const input: RoundInput = {
      units: [{ code: "U", level: "commune", population: 10 }],
      elements: { E1: ["c01"] },
      responses: [4, 2, 5].map((v, i) => ({ id: `${i}`, unitCode: "U", answers: { c01: v } })),
    };
    const { direct, pairs } = sumSquaresThreeWays(input);
    const expected = (100 / 3) ** 2 * (6 / 9);
    for (const value of [...direct, ...pairs]) expect(value).toBeCloseTo(expected, 10);
  });

  it("Σ u² − n ū² leaves rounding residue where the true sum is 0, the centred counts do not", () => {
    // Two district units whose respondents answer alike: within each unit u_i is constant,
    // so the district's SE is 0; the uncentred expansion keeps ~1e-16·n ū² per unit.
    const responses: RoundResponse[] = [];
    for (let i = 0; i < 4; i++)
      responses.push({ id: `a${i}`, unitCode: "A", answers: { c01: 5, c02: i % 2 ? null : 2, c03: 2 } });
    for (let i = 0; i < 5; i++) responses.push({ id: `b${i}`, unitCode: "B", answers: { c01: 2, c02: 2, c03: 5 } });
    const input: RoundInput = {
      units: [
        { code: "A", level: "district", population: 31 },
        { code: "B", level: "district", population: 61 },
      ],
      elements: { E1: ["c01", "c02"], E2: ["c03"] },
      responses,
    };
    const { direct, pairs, expanded } = sumSquaresThreeWays(input);
    expect([...direct].every((v) => v === 0)).toBe(true);
    expect([...pairs].every((v) => v === 0)).toBe(true);
    expect(Math.max(...expanded.map(Math.abs))).toBeGreaterThan(0);
    const result = fromAggregates(input);
    expect(result.levels.district.sipas.se).toBe(0);
    expect(result.levels.district.sipas.ci).toBeNull();
    expect(differences(result, computeRound(input), "resultRandom")).toEqual([]);
  });
});

describe("pairCounts", () => {
  it("counts valid and satisfied pairs per unit by hand", () => {
    // Unit 0: (4, 2, –) and (5, –, 3); unit 1: (1, 4, 5).
    const pairs = pairCounts({
      nUnits: 2,
      criteria: ["c01", "c02", "c03"],
      elements: { E1: [0, 1], E2: [2] },
      unitIndex: Int32Array.of(0, 0, 1),
      answers: Uint8Array.of(4, 2, 0, 5, 0, 3, 1, 4, 5),
    });
    const cell = (h: number, j: number, l: number) => [
      ...pairs.subarray(((h * 3 + j) * 3 + l) * PAIR_SLOTS, ((h * 3 + j) * 3 + l + 1) * PAIR_SLOTS),
    ];
    // Unit 0. Diagonal: c01 valid 2, satisfied 2; c02 valid 1, satisfied 0; c03 valid 1, satisfied 0.
    expect(cell(0, 0, 0)).toEqual([2, 2, 2]);
    expect(cell(0, 1, 1)).toEqual([1, 0, 0]);
    expect(cell(0, 2, 2)).toEqual([1, 0, 0]);
    // Off the diagonal: row j satisfied, column l valid.
    expect(cell(0, 0, 1)).toEqual([1, 1, 0]); // respondent 1: c01 = 4 satisfied, c02 = 2 valid
    expect(cell(0, 1, 0)).toEqual([1, 0, 0]);
    expect(cell(0, 0, 2)).toEqual([1, 1, 0]); // respondent 2: c01 = 5, c03 = 3
    expect(cell(0, 1, 2)).toEqual([0, 0, 0]); // nobody answered both c02 and c03
    // Unit 1: c02 = 4 and c03 = 5 satisfied, c01 = 1 not.
    expect(cell(1, 1, 2)).toEqual([1, 1, 1]);
    expect(cell(1, 0, 1)).toEqual([1, 0, 0]);
    expect(cell(1, 1, 0)).toEqual([1, 1, 0]);
  });

  it("the documented example", () => {
    const pairs = pairCounts({
      nUnits: 1,
      criteria: ["c01", "c02"],
      elements: { E1: [0, 1] },
      unitIndex: Int32Array.of(0, 0),
      answers: Uint8Array.of(4, 2, 5, 0),
    });
    expect([...pairs]).toEqual([2, 2, 2, 1, 1, 0, 1, 0, 0, 1, 0, 0]);
  });
});

describe("checkAggregates", () => {
  const input: RoundInput = {
    units: [
      { code: "A", level: "commune", population: 10 },
      { code: "B", level: "commune", population: 2 },
    ],
    elements: { E1: ["c01", "c02"], E2: ["c03"] },
    responses: [
      { id: "1", unitCode: "A", answers: { c01: 4, c02: 2, c03: null } },
      { id: "2", unitCode: "B", answers: { c01: 5, c02: 5, c03: 1 } },
    ],
  };
  const good = () => aggregateMatrix(toRoundMatrix(input));
  const expectRejected = (aggregates: RoundAggregates, message: RegExp) => {
    expect(() => computeRoundFromAggregates(input, aggregates)).toThrow(RoundInputError);
    expect(() => checkAggregates(input, aggregates)).toThrow(message);
  };

  it("accepts what aggregateMatrix produces", () => {
    expect(() => checkAggregates(input, good())).not.toThrow();
  });

  it("rejects other criteria, units or sizes", () => {
    expectRejected({ ...good(), criteria: ["c01", "c03", "c02"] }, /criteria/);
    expectRejected({ ...good(), nUnits: 3 }, /3 units/);
    expectRejected({ ...good(), pairs: new Float64Array(3) }, /pairs has 3 entries/);
  });

  it("rejects counts without the not-applicable slot, and a diagonal that is not the counts", () => {
    const noNotApplicable = good();
    noNotApplicable.tally.counts[(0 * 3 + 2) * 6] = 0; // unit A, c03: its one NA left out
    expectRejected(noNotApplicable, /A, c03: counts add up to 0/);
    const offDiagonal = good();
    offDiagonal.pairs[0] = 7;
    expectRejected(offDiagonal, /pair diagonal/);
  });

  it("rejects more responses than N_h, and a population that is not a positive integer", () => {
    const tooMany = good();
    tooMany.tally.responsesPerUnit[1] = 3;
    expectRejected(tooMany, /B: 3 responses exceed its population N_h = 2/);
    expect(() =>
      checkAggregates({ ...input, units: [input.units[0], { ...input.units[1], population: 0 }] }, good()),
    ).toThrow(/positive integer/);
  });

  it("skips the intervals when asked, as computeRound does", () => {
    const without = computeRoundFromAggregates(input, good(), { indexIntervals: false });
    expect(differences(without, computeRound(input, { indexIntervals: false }), "resultRandom")).toEqual([]);
  });
});

describe("agreement summary", () => {
  it("prints the largest relative differences between the two paths", () => {
    process.stdout.write(`aggregates vs matrix, largest relative difference: ${JSON.stringify(largest)}\n`);
    expect(Math.max(largest.resultFixtures, largest.resultRandom)).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
  });
});
