import { beforeAll, describe, expect, it } from "vitest";
import { aggregateMatrix, computeRound, computeRoundFromAggregates, toRoundMatrix } from "../../analysis";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { getInstrument } from "~/models/instrument.server";
import { aggregateRound } from "~/models/round-aggregates.server";
import type { DashboardFilter } from "~/domain/results/filters";
import { createDashboardRound, createRandomRound } from "../support/factories/dashboard-round";
import { loadRoundResponses, pickView, viewInput, type LoadedRound } from "../support/round-responses";
import { expectSameNumbers } from "./same-numbers";

// The aggregate queries against analysis/: for each round and filter, the arrays the
// database counts equal aggregateMatrix (tallyRound + pairCounts) of the same
// questionnaires read one by one (every answer into Node) and filtered in JavaScript,
// exactly; and the round computed from them equals computeRound (standard errors to
// 1e-12: the interval sums come from pair counts instead of the answers). Runs on SQLite, and on
// PostgreSQL under tests/support/cli/with-postgres.ts.

interface Case {
  name: string;
  roundId: string;
  instrument: InstrumentDefinition;
  loaded: LoadedRound;
}
const cases: Case[] = [];

async function addCase(name: string, survey: { round: { id: string }; instrument: { id: string } }) {
  const instrument = await getInstrument(survey.instrument.id);
  cases.push({ name, roundId: survey.round.id, instrument, loaded: await loadRoundResponses(survey.round.id, instrument) });
}

beforeAll(async () => {
  await addCase("dashboard round", await createDashboardRound());
  await addCase("random round (seed 1)", await createRandomRound(1));
  await addCase("random round (seed 2)", await createRandomRound(2));
});

async function compare(c: Case, filter: DashboardFilter, unitIds: string[] | null = null) {
  const view = pickView(c.loaded, filter, unitIds);
  const input = viewInput(c.loaded, view);
  const actual = await aggregateRound(c.roundId, c.instrument, { unitIds: view.units.map((u) => u.id), filter });
  expect(actual).toEqual(aggregateMatrix(toRoundMatrix(input)));
  expectSameNumbers(computeRoundFromAggregates(input, actual), computeRound(input));
  return { view, actual };
}

const FILTERS: DashboardFilter[] = [
  {},
  { gender: "female" },
  { gender: "male", mode: "enumerator" },
  { mode: "phone" },
  { language: "en" },
  { level: "department" },
  { level: "commune", age: "26-34" },
  { ethnicity: "thai", language: "vi" },
];

describe("aggregateRound equals analysis/aggregateMatrix of the same questionnaires", () => {
  it.each([0, 1, 2])("round %i, every filter", async (i) => {
    const c = cases[i];
    for (const filter of FILTERS) await compare(c, filter);
  });

  it("counts the right questionnaires: not the rejected or unfinished ones, 9 and NULL and no row as not applicable", async () => {
    const { view, actual } = await compare(cases[0], {});
    expect(view.responses).toHaveLength(12 + 12 + 11 + 4 + 2);
    expect(Array.from(actual.tally.responsesPerUnit)).toEqual([24, 17]);
    // District, c01: 11 women answered 9 (slot 0), 6 men 3.
    const K = actual.criteria.length;
    expect(Array.from(actual.tally.counts.subarray((1 * K + 0) * 6, (1 * K + 1) * 6))).toEqual([11, 0, 0, 6, 0, 0]);
    const random = await compare(cases[1], {});
    expect(random.view.responses.some((r) => Object.values(r.answers).every((v) => v === null))).toBe(true);
  });

  it("takes a unit with one questionnaire, a unit with none, a single unit and an empty view", async () => {
    const c = cases[1];
    const single = c.loaded.units.find((u) => c.loaded.responses.filter((r) => r.unitId === u.id).length === 1)!;
    const none = c.loaded.units.find((u) => !c.loaded.responses.some((r) => r.unitId === u.id))!;
    await compare(c, { unit: single.code });
    await compare(c, {}, [single.id, none.id]);
    const { actual } = await compare(c, { unit: none.code });
    expect(actual.tally.responsesPerUnit[0]).toBe(0);
    const empty = await aggregateRound(c.roundId, c.instrument, { unitIds: [], filter: {} });
    expect(empty.nUnits).toBe(0);
  });

  it("limits the questionnaires to a viewer's units", async () => {
    const c = cases[2];
    await compare(c, {}, c.loaded.units.slice(2, 5).map((u) => u.id));
    await compare(c, { gender: "female" }, [c.loaded.units[0].id]);
  });
});
