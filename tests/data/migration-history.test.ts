import { describe, expect, it } from "vitest";
import { checkHistory } from "../../scripts/migration-history.mjs";

/**
 * The SQLite and PostgreSQL migration histories are both derived from the one schema's
 * snapshots (docs/decisions/015-postgresql.md). This regenerates them and fails on any
 * difference: a schema edit without a migration, a hand-edited migration, or a PostgreSQL
 * migration missing or stale.
 */
// Provider-independent: run once, in the SQLite pass (the PostgreSQL pass sets this).
describe.skipIf(Boolean(process.env.HAILONG_TEST_POSTGRES_URL))("migration histories", () => {
  it("are exactly what the schema snapshots give, for SQLite and for PostgreSQL", async () => {
    const problems: string[] = await checkHistory();
    expect(problems).toEqual([]);
  }, 240_000);
});
