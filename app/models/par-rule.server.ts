import { parPoints, type ParRuleDefinition, type UnitLevel } from "../../analysis";
import { parseStoredRule, storedParams, type ParLevel } from "~/domain/report/par-rule-schema";
import { prisma } from "~/db/prisma.server";

/** The PAR rules of a year, by level (a level without a valid rule is absent). */
export async function getParRules(year: number): Promise<Partial<Record<ParLevel, ParRuleDefinition>>> {
  const rows = await prisma.parRule.findMany({ where: { year } });
  const rules: Partial<Record<ParLevel, ParRuleDefinition>> = {};
  for (const row of rows) {
    const rule = parseStoredRule(row.kind, row.params);
    if (rule) rules[row.level as ParLevel] = rule;
  }
  return rules;
}

/** Years that have at least one rule, newest first. */
export async function listParRuleYears(): Promise<number[]> {
  const rows = await prisma.parRule.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

export async function saveParRule(year: number, level: ParLevel, rule: ParRuleDefinition) {
  const before = await prisma.parRule.findUnique({ where: { year_level: { year, level } } });
  const values = { kind: rule.kind, params: storedParams(rule) };
  const after = await prisma.parRule.upsert({
    where: { year_level: { year, level } },
    create: { year, level, ...values },
    update: values,
  });
  return { before, after };
}

/**
 * The PAR points function of one year and level: index → points, or null when the year
 * has no rule for that level (the PAR column then shows "—"). For a ranking:
 *   const points = await parPointsFor(roundYear(round), unit.level); points?.(unit.index)
 */
export async function parPointsFor(
  year: number,
  level: UnitLevel,
): Promise<((index: number | null) => number | null) | null> {
  const rule = (await getParRules(year))[level];
  return rule ? (index) => parPoints(index, rule) : null;
}

/** The same for every level at once (one query): (level, index) → points or null. */
export async function parScorerFor(year: number): Promise<(level: string, index: number | null) => number | null> {
  const rules = await getParRules(year);
  return (level, index) => {
    const rule = rules[level as ParLevel];
    return rule ? parPoints(index, rule) : null;
  };
}

/**
 * The year whose PAR rules score a round: the year its fieldwork period ends in (a round
 * spanning New Year is reported in the year it closes).
 */
export function roundYear(round: { periodEnd: Date | string }): number {
  return new Date(round.periodEnd).getUTCFullYear();
}
