/**
 * Default PAR INDEX rules for 2020 (docs/method/sipas.md §7: how many points SIPAS carries is set by
 * each province every year [?]). Illustrative values, to be replaced at /admin/par-rules
 * by the province's own decision: departments and districts scored linearly from 50 %
 * (0 points) to 100 % (full points); communes by thresholds, to show both kinds.
 * The seed creates a rule only when the year × level has none, so an official's edit
 * survives a re-seed.
 */
import type { ParRuleDefinition } from "../../analysis/par-points";
import { storedParams } from "../../app/domain/report/par-rule-schema";
import { prisma } from "../../app/db/prisma.server";

export const DEFAULT_PAR_RULES: {
  year: number;
  level: "department" | "district" | "commune";
  rule: ParRuleDefinition;
}[] = [
  { year: 2020, level: "department", rule: { kind: "linear", maxPoints: 8, from: 50, to: 100 } },
  { year: 2020, level: "district", rule: { kind: "linear", maxPoints: 10, from: 50, to: 100 } },
  {
    year: 2020,
    level: "commune",
    rule: {
      kind: "thresholds",
      steps: [
        { min: 50, points: 1.5 },
        { min: 70, points: 3 },
        { min: 80, points: 4.5 },
        { min: 90, points: 6 },
      ],
    },
  },
];

export async function seedParRules() {
  for (const { year, level, rule } of DEFAULT_PAR_RULES) {
    await prisma.parRule.upsert({
      where: { year_level: { year, level } },
      create: { year, level, kind: rule.kind, params: storedParams(rule) },
      update: {},
    });
  }
  return DEFAULT_PAR_RULES.length;
}
