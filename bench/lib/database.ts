/**
 * The benchmarks' databases, on the test-support layer (tests/support/database.ts, which
 * holds create, migrate, seed, copy and drop for every suite): SQLite files, or PostgreSQL
 * databases on a server (default the local one, trust auth; BENCH_POSTGRES_URL), fresh
 * with the demo data, and copied through CREATE DATABASE … TEMPLATE.
 */
import {
  copyDatabase as copyTestDatabase,
  freshDatabase as freshTestDatabase,
  postgresDatabase,
  sqliteDatabase,
  type TestDatabase,
} from "../../tests/support/database";
import { addEnumeratorRound, type EnumeratorRound } from "../../tests/support/factories/accounts";
import { storedResponses as storedResponsesOf, type StoredResponse } from "../../tests/support/factories/interviews";
import { DEFAULT_POSTGRES_SERVER } from "../../tests/support/postgres";
import { withPrisma } from "../../tests/support/prisma";

export { integrity } from "../../tests/support/database";
export type BenchDatabase = TestDatabase;
export type BenchEnumerator = EnumeratorRound;
export type { StoredResponse };

/** BENCH_POSTGRES_URL, else the test suites' server (HAILONG_TEST_POSTGRES_URL), else the local one. */
export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL?.trim() || process.env.HAILONG_TEST_POSTGRES_URL?.trim() || DEFAULT_POSTGRES_SERVER;

/** A fresh PostgreSQL database `name` (dropped first if it exists), migrated and seeded with the demo data. */
export function freshPostgresDatabase(name: string): Promise<BenchDatabase> {
  return freshTestDatabase(postgresDatabase(POSTGRES_SERVER, name));
}

/** A fresh SQLite file at `file`, migrated and seeded with the demo data. */
export function freshDatabase(file: string): Promise<BenchDatabase> {
  return freshTestDatabase(sqliteDatabase(file));
}

/** Copy a prepared database: into the SQLite file `target`, or on PostgreSQL into the database named `target`. */
export function copyDatabase(from: BenchDatabase, target: string): Promise<BenchDatabase> {
  return copyTestDatabase(
    from,
    from.kind === "postgres" ? postgresDatabase(POSTGRES_SERVER, target) : sqliteDatabase(target),
  );
}

/** The stored questionnaires of a round, with their number of answer rows. */
export function storedResponses(database: BenchDatabase, roundCode: string): Promise<StoredResponse[]> {
  return withPrisma(database.url, (db) => storedResponsesOf(db, roundCode));
}

/** A collecting round on the demo questionnaire and an enumerator assigned to one of its units. Returns how to sign in. */
export function addEnumerator(database: BenchDatabase, suffix: string): Promise<BenchEnumerator> {
  return withPrisma(database.url, (db) =>
    addEnumeratorRound(db, {
      roundCode: `bench-${suffix}`,
      email: `bench-${suffix}@hailong.test`,
      password: `bench-${suffix}-password`,
    }),
  );
}
