/**
 * The dashboard's filters (a GET form, so every view is a link) and the small-group rule.
 * Pure: the database counts the questionnaires a filter keeps (models/counted-responses.server.ts
 * applies it in SQL) and analysis/ computes every number from those counts
 * (docs/decisions/011-dashboard.md, 016-dashboard-aggregates.md).
 */
import { z } from "zod";
import { UNIT_LEVELS, type UnitLevel } from "../../../analysis";

/**
 * Fewer respondents than this in a filtered view, or in one unit of a view filtered by a
 * respondent group, and the numbers are hidden: with a handful of answers a reader who
 * knows who came to the desk could tell what one person said. 10 is the usual floor of
 * statistical offices' disclosure rules for counts of people (e.g. the UK ONS "rule of
 * 10" for survey microdata outputs); documented in ADR 011.
 */
export const MIN_GROUP_SIZE = 10;

export const MODES = ["online", "enumerator", "phone", "paper"] as const;

/** Respondent groups and the profile items that hold them (SIPAS-2640 instrument). */
export const GROUP_ITEMS = { gender: "p01", age: "p02", ethnicity: "p03" } as const;
export type GroupKey = keyof typeof GROUP_ITEMS;
export const GROUP_KEYS = Object.keys(GROUP_ITEMS) as GroupKey[];

const optional = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined));

export const DashboardFilterSchema = z.object({
  level: z
    .enum(UNIT_LEVELS as [UnitLevel, ...UnitLevel[]])
    .optional()
    .catch(undefined),
  unit: optional,
  mode: z.enum(MODES).optional().catch(undefined),
  language: optional,
  gender: optional,
  age: optional,
  ethnicity: optional,
});
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

/** The filter a query string asks for; anything unknown or malformed is ignored, never an error page. */
export function parseFilter(params: URLSearchParams): DashboardFilter {
  const raw = Object.fromEntries([...params].filter(([key]) => key in DashboardFilterSchema.shape));
  const parsed = DashboardFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** True when the view is narrowed to a group of people (not only to units or channels). */
export function hasGroupFilter(filter: DashboardFilter): boolean {
  return GROUP_KEYS.some((key) => filter[key] !== undefined);
}

export function isFiltered(filter: DashboardFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}

/**
 * Which numbers a view may show, from its questionnaires per unit code (units with none
 * left out). The whole view is hidden below MIN_GROUP_SIZE; when a respondent group is
 * chosen, so is each unit with fewer of that group (a unit row is then a group of people too).
 */
export function smallGroups(perUnit: ReadonlyMap<string, number>, filter: DashboardFilter) {
  let total = 0;
  const hiddenUnits = new Set<string>();
  for (const [code, n] of perUnit) {
    total += n;
    if (hasGroupFilter(filter) && n < MIN_GROUP_SIZE) hiddenUnits.add(code);
  }
  return { viewHidden: total < MIN_GROUP_SIZE, hiddenUnits, perUnit };
}

/** The filter as a query string (for links that keep it), without empty values. */
export function filterQuery(filter: DashboardFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
