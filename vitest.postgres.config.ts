import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The data tests that run a second time on PostgreSQL (`npm run test:pg`, under
 * tests/support/cli/with-postgres.ts): those whose code path differs by provider — raw
 * SQL, a direct connection, or behaviour that is the database's own (transactions racing,
 * unique constraints). The rest of tests/data goes through Prisma's query API only, whose
 * PostgreSQL client is generated from the same schema (prisma/postgresql/, ADR 015); they
 * run on SQLite in `npm run test:unit`. A new data test that touches SQL or a provider goes
 * in this list.
 */
export const POSTGRES_DATA_TESTS: Record<string, string> = {
  "dashboard.test.ts":
    "dashboard.server's counts and comments are raw SQL (UNION ALL of filters), beside round-aggregates",
  "round-aggregates.test.ts": "aggregateRound's pair-count SQL must equal analysis/ on both databases",
  "results.test.ts": "getRoundResults reads through the aggregate SQL; hand-computed values",
  "review.test.ts": "rejected interviews leave the aggregate SQL by its reviewStatus filter; back-check draws",
  "draw.test.ts": "the draw writes groups and orders with one raw UPDATE … CASE",
  "frame-import.test.ts":
    "frame-rows-insert's raw INSERT/SELECT, the overlap query, DateTime stored as text by the SQL path",
  "interview-sync.test.ts":
    "the sync store has a PostgreSQL implementation of its own (one transaction per batch) and direct lookups",
  "rate-limit.test.ts": "the fixed-window upsert is direct SQL per provider (pg pool / SQLite writer thread)",
  "session.test.ts": "the session lookup is direct SQL per provider",
  "response.test.ts":
    "double taps and racing submits/starts rest on the database's transactions and unique constraints",
  "login.test.ts":
    "ten wrong passwords at once: the lock rests on each attempt's atomic claim (failedLogins + 1) in the database",
  "results-replica.test.ts": "DATABASE_REPLICA_URL exists only on PostgreSQL",
};

// Not mergeConfig: it would append this list to the base's include instead of replacing it.
export default defineConfig({
  ...base,
  test: { ...base.test, include: Object.keys(POSTGRES_DATA_TESTS).map((file) => `tests/data/${file}`) },
});
