import type { UnitLevel } from "../../analysis";
import type { InstrumentDefinition } from "./instrument-definition";
import { elementsOf, getInstrument } from "./instrument.server";
import { COUNTED_IN_INDEX } from "./results.server";
import { getRoundByCode, getRoundStrata } from "./round.server";
import type { DashboardResponse } from "~/results/filters";
import { GROUP_ITEMS } from "~/results/filters";
import type { RoundData } from "~/results/round-view";
import { prisma } from "~/utils/db.server";

/** The instrument's "improve first" (multi) and open-comment (text) items, by section kind. */
export function dashboardItems(instrument: InstrumentDefinition) {
  const items = instrument.sections.flatMap((s) => s.items.map((item) => ({ ...item, sectionKind: s.kind })));
  return {
    expectations: items.find((i) => i.sectionKind === "expectations" && i.kind === "multi"),
    comment: items.find((i) => i.kind === "text"),
    groups: Object.fromEntries(Object.entries(GROUP_ITEMS).map(([key, code]) => [key, items.find((i) => i.code === code)])),
  };
}

/**
 * A round's counted questionnaires (submitted, not rejected in review) with the answers
 * the dashboard uses, read in two queries: ~25 rows per questionnaire (criteria, three
 * profile items, the expectations and the comment), ~17,000 rows for the 625-questionnaire
 * demo round. `unitIds` limits them to a viewer's units (unitScope).
 */
export async function getRoundData(roundId: string, instrument: InstrumentDefinition, unitIds: string[] | null): Promise<RoundData> {
  const strata = (await getRoundStrata(roundId)).filter((s) => !unitIds || unitIds.includes(s.unitId));
  const elements = elementsOf(instrument);
  const criteria = new Set(Object.values(elements).flat());
  const { expectations, comment } = dashboardItems(instrument);
  const profileCodes = new Set<string>(Object.values(GROUP_ITEMS));
  const itemCodes = [...criteria, ...profileCodes, expectations?.code, comment?.code].filter((c): c is string => !!c);
  const where = { roundId, status: "submitted", ...COUNTED_IN_INDEX, ...(unitIds ? { unitId: { in: unitIds } } : {}) };
  const [rows, answers] = await Promise.all([
    prisma.response.findMany({ where, select: { id: true, unitId: true, mode: true, language: true } }),
    prisma.answer.findMany({
      where: { itemCode: { in: itemCodes }, response: where },
      select: { responseId: true, itemCode: true, choice: true, value: true, text: true },
    }),
  ]);
  const codeOfUnit = new Map(strata.map((s) => [s.unitId, s.unit.code]));
  const byId = new Map<string, DashboardResponse>();
  for (const r of rows) {
    const unitCode = codeOfUnit.get(r.unitId);
    if (!unitCode) continue;
    byId.set(r.id, { id: r.id, unitCode, mode: r.mode, language: r.language, profile: {}, answers: {}, expectations: [], comment: null });
  }
  for (const a of answers) {
    const response = byId.get(a.responseId);
    if (!response) continue;
    // 9 = not applicable: analysis/ takes null for "no valid answer to this criterion".
    if (criteria.has(a.itemCode)) response.answers[a.itemCode] = a.value !== null && a.value >= 1 && a.value <= 5 ? a.value : null;
    else if (profileCodes.has(a.itemCode)) response.profile[a.itemCode] = a.choice;
    else if (a.itemCode === expectations?.code) response.expectations.push(a.choice);
    else if (a.itemCode === comment?.code && a.text?.trim()) response.comment = a.text.trim();
  }
  return {
    units: strata.map((s) => ({ code: s.unit.code, name: s.unit.name, level: s.unit.level as UnitLevel, population: s.population, targetSize: s.targetSize })),
    elements,
    responses: [...byId.values()],
  };
}

/** A round by code with its instrument and previous round, or null. */
export async function getDashboardRound(code: string) {
  const round = await getRoundByCode(code);
  if (!round) return null;
  const [instrument, previous] = await Promise.all([
    getInstrument(round.instrumentId),
    round.previousRoundId ? prisma.round.findUnique({ where: { id: round.previousRoundId } }) : null,
  ]);
  return { round, instrument, previous };
}

/** Rounds a viewer can open, newest first. */
export function listResultRounds() {
  return prisma.round.findMany({ where: { status: { not: "draft" } }, orderBy: { periodStart: "desc" }, select: { code: true, title: true, status: true } });
}

/**
 * A closed round takes no more answers, so its data is kept for CLOSED_ROUND_CACHE_MS: the
 * previous round is read by every dashboard page, and reading it is most of a page's cost
 * (docs/benchmarks.md). Short, because a late review decision can still change it.
 */
const CLOSED_ROUND_CACHE_MS = 5 * 60_000;
const closedRounds = new Map<string, { at: number; data: Promise<RoundData> }>();

export function getClosedRoundData(round: { id: string; status: string }, instrument: InstrumentDefinition, unitIds: string[] | null) {
  if (round.status !== "closed") return getRoundData(round.id, instrument, unitIds);
  const key = `${round.id}|${unitIds?.slice().sort().join(",") ?? "*"}`;
  const hit = closedRounds.get(key);
  if (hit && Date.now() - hit.at < CLOSED_ROUND_CACHE_MS) return hit.data;
  const data = getRoundData(round.id, instrument, unitIds);
  closedRounds.set(key, { at: Date.now(), data });
  data.catch(() => closedRounds.delete(key));
  return data;
}
