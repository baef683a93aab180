import { Prisma } from "~/generated/prisma/client";
import { GROUP_ITEMS, GROUP_KEYS, type DashboardFilter } from "~/domain/results/filters";

/**
 * The questionnaires a dashboard view counts, as SQL for the aggregate queries
 * (round-aggregates.server.ts, dashboard.server.ts): submitted, not rejected in review
 * (COUNTED_IN_INDEX, docs/decisions/009), in the given units, narrowed by the filter's
 * mode, language and respondent groups. The filter's level and unit are not here: they
 * choose `unitIds`. Every value is a bound parameter; the SQL is the same on SQLite and
 * PostgreSQL.
 *
 * Selects "id", "unitId" and "submittedAt"; `unitIds` must not be empty (IN () is not SQL).
 */
export function countedResponsesSql(roundId: string, unitIds: readonly string[], filter: DashboardFilter): Prisma.Sql {
  const conditions = [
    Prisma.sql`r."roundId" = ${roundId}`,
    Prisma.sql`r."status" = 'submitted'`,
    Prisma.sql`(r."reviewStatus" IS NULL OR r."reviewStatus" <> 'rejected')`,
    Prisma.sql`r."unitId" IN (${Prisma.join(unitIds)})`,
  ];
  if (filter.mode) conditions.push(Prisma.sql`r."mode" = ${filter.mode}`);
  if (filter.language) conditions.push(Prisma.sql`r."language" = ${filter.language}`);
  for (const key of GROUP_KEYS) {
    const choice = filter[key];
    if (!choice) continue;
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Answer" p WHERE p."responseId" = r."id" AND p."itemCode" = ${GROUP_ITEMS[key]} AND p."choice" = ${choice})`,
    );
  }
  return Prisma.sql`SELECT r."id" AS "id", r."unitId" AS "unitId", r."submittedAt" AS "submittedAt" FROM "Response" r WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** Counts come back as bigint (COUNT, SUM in both databases) or number: always a number here. */
export const toNumber = (value: number | bigint | null): number => (value === null ? 0 : Number(value));
