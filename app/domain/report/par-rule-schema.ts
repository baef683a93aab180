import { z } from "zod";
import type { ParRuleDefinition } from "../../../analysis/par-points";
import type { Translate } from "~/i18n";

export const PAR_LEVELS = ["department", "district", "commune"] as const;
export type ParLevel = (typeof PAR_LEVELS)[number];
export const PAR_KINDS = ["linear", "thresholds"] as const;
/** Rows of threshold steps the form offers (without JavaScript a form cannot add rows). */
export const PAR_STEP_ROWS = 6;

/** Indices the page scores with the rule, so the official sees what it does before saving. */
export const PREVIEW_INDICES = [50, 60, 70, 80, 85.48, 90, 95, 100] as const;

/** A decimal typed the Vietnamese way ("7,5") or the English way ("7.5"); "" is absent. */
const toDecimal = (v: unknown) => {
  if (typeof v !== "string") return v;
  const text = v.trim().replace(/\s/g, "");
  return text === "" ? undefined : Number(text.replace(",", "."));
};

function decimal(t: Translate, max: number) {
  return z.preprocess(
    toDecimal,
    z
      .number({ invalid_type_error: t("report.par.errNumber") })
      .min(0, t("report.par.errRange", { max }))
      .max(max, t("report.par.errRange", { max }))
      .optional(),
  );
}

/**
 * The PAR-rule form, validated in the browser and in the action. `intent` "preview"
 * scores the example indices without saving. The fields of the kind not chosen are
 * ignored; empty step rows are dropped.
 */
export function buildParRuleSchema(t: Translate) {
  return z
    .object({
      intent: z.enum(["preview", "save"]).default("save"),
      year: z.preprocess(
        toDecimal,
        z
          .number({ required_error: t("report.par.errYear"), invalid_type_error: t("report.par.errYear") })
          .int(t("report.par.errYear"))
          .min(2000, t("report.par.errYear"))
          .max(2100, t("report.par.errYear")),
      ),
      level: z.enum(PAR_LEVELS, { required_error: t("report.par.errLevel") }),
      kind: z.enum(PAR_KINDS, { required_error: t("report.par.errKind") }),
      maxPoints: decimal(t, 100),
      from: decimal(t, 100),
      to: decimal(t, 100),
      steps: z
        .array(z.object({ min: decimal(t, 100), points: decimal(t, 100) }))
        .max(PAR_STEP_ROWS)
        .default([]),
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
      if (v.kind === "linear") {
        if (v.maxPoints === undefined) issue(["maxPoints"], t("report.par.errRequired"));
        if (v.from === undefined) issue(["from"], t("report.par.errRequired"));
        if (v.to === undefined) issue(["to"], t("report.par.errRequired"));
        if (v.from !== undefined && v.to !== undefined && v.to <= v.from) issue(["to"], t("report.par.errOrder"));
        return;
      }
      const filled = v.steps.filter((s) => s.min !== undefined || s.points !== undefined);
      if (filled.length === 0) issue(["steps"], t("report.par.errSteps"));
      v.steps.forEach((s, i) => {
        if (s.min === undefined && s.points !== undefined) issue(["steps", i, "min"], t("report.par.errRequired"));
        if (s.points === undefined && s.min !== undefined) issue(["steps", i, "points"], t("report.par.errRequired"));
      });
      const mins = filled.map((s) => s.min);
      if (new Set(mins).size !== mins.length) issue(["steps"], t("report.par.errDuplicateStep"));
    });
}

export type ParRuleForm = z.infer<ReturnType<typeof buildParRuleSchema>>;

/** The rule a valid form describes (steps sorted from the lowest threshold). */
export function toParRuleDefinition(value: ParRuleForm): ParRuleDefinition {
  if (value.kind === "linear") return { kind: "linear", maxPoints: value.maxPoints!, from: value.from!, to: value.to! };
  const steps = value.steps
    .filter((s): s is { min: number; points: number } => s.min !== undefined && s.points !== undefined)
    .sort((a, b) => a.min - b.min);
  return { kind: "thresholds", steps };
}

/** The stored JSON of a ParRule row, checked: a hand-edited row cannot crash the report. */
export const ParRuleParamsSchema = {
  linear: z.object({ maxPoints: z.number().min(0), from: z.number(), to: z.number() }).refine((r) => r.to > r.from),
  thresholds: z.object({ steps: z.array(z.object({ min: z.number(), points: z.number().min(0) })) }),
};

export function parseStoredRule(kind: string, params: string): ParRuleDefinition | null {
  let json: unknown;
  try {
    json = JSON.parse(params);
  } catch {
    return null;
  }
  if (kind === "linear") {
    const parsed = ParRuleParamsSchema.linear.safeParse(json);
    return parsed.success ? { kind: "linear", ...parsed.data } : null;
  }
  if (kind === "thresholds") {
    const parsed = ParRuleParamsSchema.thresholds.safeParse(json);
    return parsed.success ? { kind: "thresholds", ...parsed.data } : null;
  }
  return null;
}

/** The JSON stored in ParRule.params (the kind has its own column). */
export function storedParams(rule: ParRuleDefinition): string {
  return JSON.stringify(
    rule.kind === "linear" ? { maxPoints: rule.maxPoints, from: rule.from, to: rule.to } : { steps: rule.steps },
  );
}
