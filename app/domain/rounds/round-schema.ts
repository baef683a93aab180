import { z } from "zod";
import type { Translate } from "~/i18n";
import { ALLOCATION_RULES } from "./allocation-plan";
import { parsePopulationCsv } from "./population-csv";

/** A unit the form offers, with its validity (docs/method/sipas.md §5: units are dated). */
export interface UnitOption {
  code: string;
  name: string;
  level: "department" | "district" | "commune";
  validFrom: string;
  validTo: string | null;
}

export const ROUND_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a unit existed during the whole or part of the period (ISO dates). */
export function validDuring(unit: Pick<UnitOption, "validFrom" | "validTo">, start: Date, end: Date): boolean {
  return new Date(unit.validFrom) <= end && (unit.validTo === null || new Date(unit.validTo) >= start);
}

const count = (t: Translate) =>
  z.number({ invalid_type_error: t("rounds.errWholeNumber") }).int(t("rounds.errWholeNumber"));
/** conform coerces object fields but not record values: "" is absent, "1 200" is 1200. */
const toNumber = (v: unknown) =>
  typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(/[\s.]/g, ""))) : v;
const recordCount = (t: Translate, min: number, message: string) =>
  z.preprocess(toNumber, count(t).min(min, message).optional());

/**
 * The new-round form, validated in the browser and in the action (the same builder).
 * `takenCodes` makes "this code is used" an ordinary field error (docs/style.md: server checks
 * are schema refinements). N_h and the manual n_h are records keyed by unit code.
 */
export function buildRoundSchema(
  t: Translate,
  context: { units: readonly UnitOption[]; takenCodes: readonly string[] },
) {
  const byCode = new Map(context.units.map((u) => [u.code, u]));
  return z
    .object({
      intent: z.enum(["compute", "save"]).default("compute"),
      code: z
        .string({ required_error: t("rounds.errCode") })
        .trim()
        .toLowerCase()
        .max(60)
        .regex(ROUND_CODE, t("rounds.errCode"))
        .refine((c) => !context.takenCodes.includes(c), t("rounds.errCodeTaken")),
      title: z
        .string({ required_error: t("rounds.errRequired") })
        .trim()
        .min(3, t("rounds.errRequired"))
        .max(200),
      periodStart: z.date({ required_error: t("rounds.errDate"), invalid_type_error: t("rounds.errDate") }),
      periodEnd: z.date({ required_error: t("rounds.errDate"), invalid_type_error: t("rounds.errDate") }),
      planReference: z
        .string({ required_error: t("rounds.errRequired") })
        .trim()
        .min(1, t("rounds.errRequired"))
        .max(100),
      planDate: z.date({ invalid_type_error: t("rounds.errDate") }).optional(),
      instrumentId: z.string({ required_error: t("rounds.errInstrument") }),
      units: z.array(z.string(), { required_error: t("rounds.errUnits") }).min(1, t("rounds.errUnits")),
      population: z.record(z.string(), recordCount(t, 1, t("rounds.errPopulation"))).default({}),
      populationCsv: z.string().max(200_000).optional(),
      rule: z.enum(ALLOCATION_RULES, { required_error: t("rounds.errRule") }),
      total: count(t).min(1, t("rounds.errTotal")).optional(),
      minimum: count(t).min(0).optional(),
      perLevel: z
        .object({
          department: count(t).min(0).optional(),
          district: count(t).min(0).optional(),
          commune: count(t).min(0).optional(),
        })
        .default({}),
      manual: z.record(z.string(), recordCount(t, 0, t("rounds.errManual"))).default({}),
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
      if (v.periodEnd < v.periodStart) issue(["periodEnd"], t("rounds.errPeriod"));
      if (v.populationCsv?.trim()) {
        const csv = parsePopulationCsv(v.populationCsv, new Set(byCode.keys()));
        if (!csv.ok) issue(["populationCsv"], t(`rounds.errCsv.${csv.reason}`, { line: csv.line }));
        // Pasted values are merged into the fields by the action before this runs again.
        return;
      }
      for (const code of v.units) {
        const unit = byCode.get(code);
        if (!unit || !validDuring(unit, v.periodStart, v.periodEnd))
          issue(["units"], t("rounds.errUnitPeriod", { unit: unit?.name ?? code }));
        if (!v.population[code]) issue(["population", code], t("rounds.errPopulation"));
      }
      const populations = v.units.map((c) => v.population[c] ?? 0);
      const sumN = populations.reduce((a, b) => a + b, 0);
      if (v.rule === "proportional") {
        if (v.total === undefined) issue(["total"], t("rounds.errTotal"));
        else {
          const least = populations.reduce((s, n) => s + Math.min(n, v.minimum ?? 0), 0);
          if (v.total < least || v.total > sumN) issue(["total"], t("rounds.errTotalRange", { min: least, max: sumN }));
        }
      } else if (v.rule === "fixed") {
        const levels = new Set(v.units.map((c) => byCode.get(c)?.level));
        for (const level of ["department", "district", "commune"] as const) {
          if (levels.has(level) && v.perLevel[level] === undefined) issue(["perLevel", level], t("rounds.errPerLevel"));
        }
      } else {
        for (const code of v.units) {
          const n = v.manual[code];
          if (n === undefined) issue(["manual", code], t("rounds.errManual"));
          else if (n > (v.population[code] ?? 0)) issue(["manual", code], t("rounds.errManualMax"));
        }
      }
    });
}
export type RoundForm = z.infer<ReturnType<typeof buildRoundSchema>>;
