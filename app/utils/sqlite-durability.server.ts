import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { BUSY_TIMEOUT_MS, sqlitePragmas } from "./sqlite-pragmas";

// The levels and pragmas live in sqlite-pragmas.ts (no Prisma import), which the SQLite writer
// thread also loads (docs/decisions/017-fast-submission-path.md).
export { BUSY_TIMEOUT_MS, SQLITE_SYNCHRONOUS_LEVELS, sqlitePragmas, sqliteSynchronous, type SqliteSynchronous } from "./sqlite-pragmas";

/**
 * The better-sqlite3 adapter with the pragmas of sqlite-pragmas.ts run on its connection before the first
 * query (the adapter opens one connection per client, when Prisma connects).
 */
export function durableSqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(sqlitePragmas());
    return adapter;
  };
  return factory;
}
