/**
 * The league table of units: SIPAS index with its interval (ADR 010), n, a "not stable"
 * mark, and tie groups from analysis/rank-units.ts (units that cannot be told apart from
 * the next one share a group). Pure; docs/decisions/011-dashboard.md.
 */
import { compareEstimates, rankUnits, type IndexInterval, type RoundResult, type UnitLevel } from "../../../analysis";

/**
 * An estimate is "not stable" below this many questionnaires or when its 95% interval is
 * wider than ±STABLE_MAX_HALF_WIDTH points. 30 is the usual floor for a normal-theory
 * interval of a proportion to be trusted (Cochran 1977, §3.4); ±10 points is twice the
 * ±5% margin the Ministry's sample-size guide plans for (Yamane e = 5%, docs/method/sipas.md §3).
 */
export const STABLE_MIN_N = 30;
export const STABLE_MAX_HALF_WIDTH = 10;

export function isStable(n: number, interval: Pick<IndexInterval, "ci">): boolean {
  if (n < STABLE_MIN_N || !interval.ci) return false;
  return (interval.ci[1] - interval.ci[0]) / 2 <= STABLE_MAX_HALF_WIDTH;
}

export interface RankingRow {
  code: string;
  level: UnitLevel;
  n: number;
  index: number | null;
  ci: [number, number] | null;
  /** Competition rank on the point estimate; null when the unit has no SE (left unranked). */
  rank: number | null;
  /** Units in one group cannot be told apart from the group's first (highest) unit (p ≥ 0.05). */
  group: number | null;
  stable: boolean;
}

/**
 * Rank the units of a result (optionally one level), leaving out `hidden` ones, and cut
 * the order into tiers: going down the list, a unit opens a new group when it differs
 * significantly (analysis/compare-estimates.ts, 5%) from the first unit of the current
 * group. Goldstein & Spiegelhalter (1996) recommend showing such ties over a strict order.
 * Not by chaining rank-units' adjacent `indistinguishable_from_next`: with n = 8 per unit
 * every neighbour overlaps, so the chain would make the whole province one group
 * (ADR 011).
 */
export function rankRound(
  result: RoundResult,
  options: { level?: UnitLevel; hidden?: ReadonlySet<string> } = {},
): RankingRow[] {
  const entries = Object.entries(result.units).filter(
    ([code, u]) => u.n_responses > 0 && (!options.level || u.level === options.level) && !options.hidden?.has(code),
  );
  const ranked = rankUnits(
    entries
      .filter(([, u]) => u.sipas.index !== null && u.sipas.se !== null)
      .map(([code, u]) => ({ code, estimate: u.sipas.index as number, se: u.sipas.se as number, df: u.sipas.df })),
  );
  const rows: RankingRow[] = [];
  let group = 1;
  let leader = ranked[0];
  ranked.forEach((r) => {
    const u = result.units[r.code];
    const leaderDf = result.units[leader.code].sipas.df;
    if (
      r !== leader &&
      compareEstimates(
        { estimate: leader.estimate, se: leader.se, df: leaderDf },
        { estimate: r.estimate, se: r.se, df: u.sipas.df },
      ).significant
    ) {
      group++;
      leader = r;
    }
    rows.push({
      code: r.code,
      level: u.level,
      n: u.n_responses,
      index: u.sipas.index,
      ci: u.sipas.ci,
      rank: r.rank,
      group,
      stable: isStable(u.n_responses, u.sipas),
    });
  });
  const rankedCodes = new Set(ranked.map((r) => r.code));
  for (const [code, u] of entries) {
    if (rankedCodes.has(code)) continue;
    rows.push({
      code,
      level: u.level,
      n: u.n_responses,
      index: u.sipas.index,
      ci: u.sipas.ci,
      rank: null,
      group: null,
      stable: false,
    });
  }
  return rows;
}

/** The units of a group that contains more than one unit share a tie; single-unit groups are clear. */
export function groupSizes(rows: readonly RankingRow[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const row of rows) if (row.group !== null) sizes.set(row.group, (sizes.get(row.group) ?? 0) + 1);
  return sizes;
}
