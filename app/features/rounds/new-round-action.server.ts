import { parseWithZod } from "@conform-to/zod";
import type { Translate } from "~/i18n";
import { listRoundCodes, listUnitOptions } from "~/models/round-admin.server";
import { planAllocation, type RuleInput } from "~/domain/rounds/allocation-plan";
import type { AllocationView } from "./allocation-table";
import { parsePopulationCsv } from "~/domain/rounds/population-csv";
import { buildRoundSchema, type RoundForm, type UnitOption } from "~/domain/rounds/round-schema";

/**
 * Pasted N_h (`unit_code,population`) become the per-unit fields and tick the units, so
 * the re-rendered form shows them as if typed; the text area is then emptied.
 */
function mergePopulationCsv(formData: FormData, units: readonly UnitOption[]) {
  const text = String(formData.get("populationCsv") ?? "");
  if (!text.trim()) return;
  const csv = parsePopulationCsv(text, new Set(units.map((u) => u.code)));
  if (!csv.ok) return;
  const ticked = new Set(formData.getAll("units").map(String));
  for (const [code, n] of csv.values) {
    formData.set(`population.${code}`, String(n));
    if (!ticked.has(code)) formData.append("units", code);
  }
  formData.delete("populationCsv");
}

function ruleInput(form: RoundForm): RuleInput {
  if (form.rule === "fixed") {
    const p = form.perLevel;
    return {
      rule: "fixed",
      perLevel: { department: p.department ?? 0, district: p.district ?? 0, commune: p.commune ?? 0 },
    };
  }
  if (form.rule === "manual")
    return { rule: "manual", sizes: Object.fromEntries(form.units.map((c) => [c, form.manual[c] ?? 0])) };
  return { rule: "proportional", total: form.total ?? 0, minimum: form.minimum ?? 0 };
}

/** Validate the new-round form and compute its allocation (for "compute" and "save" alike). */
export async function evaluateRoundForm(formData: FormData, t: Translate) {
  const units = await listUnitOptions();
  const schema = buildRoundSchema(t, { units, takenCodes: await listRoundCodes() });
  mergePopulationCsv(formData, units);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { submission, form: null, allocation: null };
  const form = submission.value;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const chosen = units.filter((u) => form.units.includes(u.code));
  try {
    const plan = planAllocation(
      chosen.map((u) => ({ code: u.code, level: u.level, population: form.population[u.code] ?? 0 })),
      ruleInput(form),
    );
    const allocation: AllocationView = {
      ...plan,
      rows: plan.rows.map((r) => ({ ...r, name: byCode.get(r.code)?.name ?? r.code })),
    };
    return { submission, form, allocation };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { submission, form: null, allocation: null, totalError: t("rounds.errAllocation") };
  }
}
