/**
 * The e2e data (migrations, the demo seed of prisma/seed.ts, the e2e fixtures of
 * factories/), built once per `npm test` and copied for each server that needs it: the e2e
 * server on SQLite and on PostgreSQL, the crash test on both. Seeding takes tens of seconds
 * (1,250 questionnaires written through Prisma); a copy takes well under one (SQLite: a file
 * copy; PostgreSQL: CREATE DATABASE … TEMPLATE). The specs assert numbers computed from
 * this data, so it is the full demo, not a smaller fixture: what they see is unchanged.
 *
 * scripts/test.mjs builds the templates (tests/support/cli/seeded.ts build) and names them
 * in HAILONG_SEEDED_SQLITE / HAILONG_SEEDED_POSTGRES; without them (a spec run alone) each
 * server seeds its own database.
 */
import { copyDatabase, freshDatabase, type TestDatabase } from "./database";
import { seedE2eFixtures } from "./factories/e2e-seed";
import { seedPersonalData } from "./factories/people";
import { withPrisma } from "./prisma";

/** Build the e2e data into `database` (dropped first). */
export async function buildSeededDatabase(database: TestDatabase): Promise<TestDatabase> {
  await freshDatabase(database);
  await withPrisma(database.url, async (db) => {
    await seedE2eFixtures(db);
    await seedPersonalData(db);
  });
  return database;
}

/** The prepared template of this kind, if the run built one. */
export function seededTemplate(kind: TestDatabase["kind"]): TestDatabase | null {
  const url = (kind === "sqlite" ? process.env.HAILONG_SEEDED_SQLITE : process.env.HAILONG_SEEDED_POSTGRES)?.trim();
  if (!url) return null;
  // Never dropped by a consumer: the run that built it removes it.
  return { kind, url, drop: async () => {} };
}

/** `target` with the e2e data: a copy of the run's template, or seeded here when there is none. */
export async function seededDatabase(target: TestDatabase): Promise<TestDatabase> {
  const template = seededTemplate(target.kind);
  return template ? copyDatabase(template, target) : buildSeededDatabase(target);
}
