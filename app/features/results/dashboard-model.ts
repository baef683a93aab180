/**
 * Turns analysis/ results of a dashboard view into the plain, already-translated rows the
 * page renders (small enough to send to the browser: no per-criterion detail the page does
 * not show). Pure.
 */
import { UNIT_LEVELS, type IndexInterval, type RoundResult, type UnitLevel } from "../../../analysis";
import { localized } from "~/i18n";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import type { DashboardFilter } from "~/domain/results/filters";
import { groupSizes, rankRound } from "./ranking";
import { expectationShares, indexChange, weakestElement, type RoundData, type View } from "~/domain/results/round-view";

const interval = (i: IndexInterval | undefined): IndexInterval => i ?? { index: null, se: null, df: null, ci: null };

export function elementTitles(instrument: InstrumentDefinition, lang: string) {
  return instrument.sections
    .filter((s) => s.kind === "element")
    .map((s) => ({ code: s.code, title: localized(s.title, lang) }));
}

export function criterionTexts(instrument: InstrumentDefinition, lang: string) {
  return new Map(
    instrument.sections
      .filter((s) => s.kind === "element")
      .flatMap((s) => s.items.map((i) => [i.code, localized(i.text, lang)] as const)),
  );
}

/** Everything the round dashboard shows for one filter. */
export function dashboardModel(input: {
  data: RoundData;
  view: View;
  previous: View | null;
  instrument: InstrumentDefinition;
  lang: string;
  filter: DashboardFilter;
}) {
  const { data, view, previous, instrument, lang, filter } = input;
  const { result } = view;
  const elements = elementTitles(instrument, lang);
  const names = new Map(data.units.map((u) => [u.code, u.name]));
  const target = view.units.reduce((sum, u) => sum + u.targetSize, 0);
  const levelN = (level: UnitLevel) =>
    view.units.reduce((sum, u) => sum + (u.level === level ? (view.perUnit.get(u.code) ?? 0) : 0), 0);
  const prev = previous?.result ?? null;
  const ranking = rankRound(result, { level: filter.level, hidden: view.hiddenUnits });
  const sizes = groupSizes(ranking);
  const criteria = result.meta.criteria;
  const texts = criterionTexts(instrument, lang);
  const visibleUnits = view.units.filter(
    (u) => (result.units[u.code]?.n_responses ?? 0) > 0 && !view.hiddenUnits.has(u.code),
  );
  const lowest = lowestPerLevel(result, view.hiddenUnits);
  return {
    n: view.n,
    target,
    overall: {
      sipas: result.overall.sipas,
      meanOfUnits: result.overall.mean_of_units,
      change: prev ? indexChange(result.overall.sipas, prev.overall.sipas) : null,
    },
    levels: UNIT_LEVELS.filter((level) => result.levels[level].n_units > 0).map((level) => ({
      level,
      units: result.levels[level].n_units,
      n: levelN(level),
      sipas: result.levels[level].sipas,
      elements: elements.map((e) => interval(result.levels[level].elements[e.code])),
      change: prev ? indexChange(result.levels[level].sipas, prev.levels[level]?.sipas) : null,
    })),
    elements: elements.map((e) => ({
      ...e,
      interval: interval(result.overall.elements[e.code]),
      change: prev ? indexChange(result.overall.elements[e.code], prev.overall.elements[e.code]) : null,
    })),
    lowest: lowest.map((l) => ({
      ...l,
      name: names.get(l.code) ?? l.code,
      elementTitle: elements.find((e) => e.code === l.element?.code)?.title ?? "",
    })),
    ranking: ranking.map((r) => ({
      ...r,
      name: names.get(r.code) ?? r.code,
      tie: r.group !== null ? (sizes.get(r.group) ?? 1) : 0,
    })),
    heat: {
      columns: criteria,
      rows: visibleUnits.map((u) => ({
        key: u.code,
        label: u.name,
        values: criteria.map((c) => result.units[u.code].criteria[c]?.index ?? null),
      })),
    },
    expectations: expectationsModel(view, instrument, lang),
    priorities: result.priorities
      .filter((p) => p.index !== null && p.importance !== null)
      .map((p) => ({
        criterion: p.criterion,
        text: texts.get(p.criterion) ?? "",
        index: p.index as number,
        importance: p.importance as number,
        quadrant: p.quadrant,
      })),
    comments: view.comments,
  };
}

function expectationsModel(view: View, instrument: InstrumentDefinition, lang: string) {
  const item = instrument.sections.find((s) => s.kind === "expectations")?.items.find((i) => i.kind === "multi");
  if (!item?.options) return null;
  const labels = new Map(item.options.map((o) => [o.code, localized(o.label, lang)]));
  const shares = expectationShares(
    view.expectations,
    item.options.map((o) => o.code),
  );
  return {
    respondents: shares.respondents,
    options: shares.options.map((o) => ({ ...o, label: labels.get(o.code) ?? o.code })),
  };
}

/** The lowest-scoring unit of each level and its weakest element (the question a leader asks first). */
export function lowestPerLevel(result: RoundResult, hidden: ReadonlySet<string> = new Set()) {
  return UNIT_LEVELS.flatMap((level) => {
    const units = Object.entries(result.units).filter(
      ([code, u]) => u.level === level && u.index !== null && !hidden.has(code),
    );
    if (units.length === 0) return [];
    const [code, unit] = units.reduce((low, cur) => ((cur[1].index as number) < (low[1].index as number) ? cur : low));
    return [{ level, code, index: unit.index as number, element: weakestElement(unit) }];
  });
}
