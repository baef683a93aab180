/**
 * Response rates per unit from fieldwork outcomes (docs/method/sipas.md §3: substitutions and their
 * reasons are logged; the rates say how far the achieved sample can be trusted).
 *
 * For the people issued (main sample and the reserves that replaced someone):
 *   contacted     = completed + refused           (reached and asked)
 *   response rate = completed / contacted          (the "cooperation rate" COOP1 of
 *                   AAPOR, Standard Definitions, 10th ed. 2023, §"Cooperation rates")
 *   refusal rate  = refused / contacted
 *   eligible      = issued − ineligible            (AAPOR RR1 denominator without unknowns)
 *   completion    = completed / eligible
 * A rate with a zero denominator is null, not 0: nothing is known yet.
 */
export const OUTCOMES = ["completed", "refused", "unreachable", "ineligible"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes after which the next reserve takes the person's place. */
export const SUBSTITUTED_OUTCOMES: readonly Outcome[] = ["refused", "unreachable", "ineligible"];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === "string" && (OUTCOMES as readonly string[]).includes(value);
}

export interface OutcomeRow {
  unitCode: string;
  /** main | substitute | reserve (reserves not yet used are not issued). */
  drawGroup: string | null;
  outcome: string | null;
}

export interface UnitResponseRate {
  unitCode: string;
  issued: number;
  completed: number;
  refused: number;
  unreachable: number;
  ineligible: number;
  pending: number;
  contacted: number;
  responseRate: number | null;
  refusalRate: number | null;
  completionRate: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function responseRates(rows: readonly OutcomeRow[]): UnitResponseRate[] {
  const byUnit = new Map<string, UnitResponseRate>();
  for (const row of rows) {
    if (row.drawGroup !== "main" && row.drawGroup !== "substitute") continue;
    let u = byUnit.get(row.unitCode);
    if (!u) {
      u = {
        unitCode: row.unitCode,
        issued: 0,
        completed: 0,
        refused: 0,
        unreachable: 0,
        ineligible: 0,
        pending: 0,
        contacted: 0,
        responseRate: null,
        refusalRate: null,
        completionRate: null,
      };
      byUnit.set(row.unitCode, u);
    }
    u.issued += 1;
    if (isOutcome(row.outcome)) u[row.outcome] += 1;
    else u.pending += 1;
  }
  return [...byUnit.values()].map((u) => {
    const contacted = u.completed + u.refused;
    return {
      ...u,
      contacted,
      responseRate: ratio(u.completed, contacted),
      refusalRate: ratio(u.refused, contacted),
      completionRate: ratio(u.completed, u.issued - u.ineligible),
    };
  });
}
