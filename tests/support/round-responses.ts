import type { RoundInput, UnitLevel } from "../../analysis";
import { dashboardItems } from "~/models/dashboard.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { elementsOf } from "~/models/instrument.server";
import { COUNTED_IN_INDEX } from "~/models/results.server";
import { getRoundStrata } from "~/models/round.server";
import { GROUP_ITEMS, GROUP_KEYS, type DashboardFilter } from "~/domain/results/filters";
import { prisma } from "~/db/prisma.server";

/**
 * The reference for the aggregate queries: a round's counted questionnaires read whole
 * (every answer into Node, ~25 rows each), then filtered in JavaScript, the simplest
 * reading there is (ADR 016). Tests compare app/models/round-aggregates.server.ts and the
 * dashboard's counts with analysis/ on what this returns; bench/dashboard.ts times it.
 */
export interface LoadedResponse {
  id: string;
  unitId: string;
  unitCode: string;
  mode: string;
  language: string;
  /** Profile item code → chosen option code. */
  profile: Record<string, string>;
  /** Criterion code → 1..5, or null (not applicable). */
  answers: Record<string, number | null>;
  expectations: string[];
  comment: string | null;
}

export async function loadRoundResponses(roundId: string, instrument: InstrumentDefinition) {
  const strata = await getRoundStrata(roundId);
  const elements = elementsOf(instrument);
  const criteria = new Set(Object.values(elements).flat());
  const profileCodes = new Set<string>(Object.values(GROUP_ITEMS));
  const { expectations, comment } = dashboardItems(instrument);
  const itemCodes = [...criteria, ...profileCodes, expectations?.code, comment?.code].filter((c): c is string => !!c);
  const where = { roundId, status: "submitted", ...COUNTED_IN_INDEX };
  const [rows, answers] = await Promise.all([
    prisma.response.findMany({ where, select: { id: true, unitId: true, mode: true, language: true } }),
    prisma.answer.findMany({
      where: { itemCode: { in: itemCodes }, response: where },
      select: { responseId: true, itemCode: true, choice: true, value: true, text: true },
    }),
  ]);
  const codeOfUnit = new Map(strata.map((s) => [s.unitId, s.unit.code]));
  const byId = new Map<string, LoadedResponse>();
  for (const r of rows) {
    const unitCode = codeOfUnit.get(r.unitId);
    if (unitCode) byId.set(r.id, { ...r, unitCode, profile: {}, answers: {}, expectations: [], comment: null });
  }
  for (const a of answers) {
    const response = byId.get(a.responseId);
    if (!response) continue;
    if (criteria.has(a.itemCode))
      response.answers[a.itemCode] = a.value !== null && a.value >= 1 && a.value <= 5 ? a.value : null;
    else if (profileCodes.has(a.itemCode)) response.profile[a.itemCode] = a.choice;
    else if (a.itemCode === expectations?.code) response.expectations.push(a.choice);
    else if (a.itemCode === comment?.code && a.text?.trim()) response.comment = a.text.trim();
  }
  const units = strata.map((s) => ({
    id: s.unitId,
    code: s.unit.code,
    name: s.unit.name,
    level: s.unit.level as UnitLevel,
    population: s.population,
    targetSize: s.targetSize,
  }));
  return { units, elements, responses: [...byId.values()] };
}

export type LoadedRound = Awaited<ReturnType<typeof loadRoundResponses>>;

/** The units and questionnaires a dashboard filter keeps, picked by hand in JavaScript. */
export function pickView(round: LoadedRound, filter: DashboardFilter, unitIds: readonly string[] | null = null) {
  const units = round.units.filter(
    (u) =>
      (!unitIds || unitIds.includes(u.id)) &&
      (!filter.level || u.level === filter.level) &&
      (!filter.unit || u.code === filter.unit),
  );
  const kept = new Set(units.map((u) => u.code));
  const responses = round.responses.filter(
    (r) =>
      kept.has(r.unitCode) &&
      (!filter.mode || r.mode === filter.mode) &&
      (!filter.language || r.language === filter.language) &&
      GROUP_KEYS.every((key) => !filter[key] || r.profile[GROUP_ITEMS[key]] === filter[key]),
  );
  return { units, responses };
}

/** analysis/'s input for a view. */
export function viewInput(round: LoadedRound, view: ReturnType<typeof pickView>): RoundInput {
  return {
    units: view.units.map((u) => ({ code: u.code, level: u.level, population: u.population })),
    elements: round.elements,
    responses: view.responses.map((r) => ({ id: r.id, unitCode: r.unitCode, answers: r.answers })),
  };
}
