import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, sqlitePragmas } from "./sqlite-pragmas";

/**
 * The better-sqlite3 adapter with the pragmas of sqlite-pragmas.ts run on its connection
 * before the first query (the adapter opens one connection per client, when Prisma connects),
 * and its transactions begun IMMEDIATE.
 *
 * Why IMMEDIATE: the adapter begins a deferred transaction (`BEGIN`). A transaction that
 * reads, then writes, must then upgrade its read lock while other connections write — the
 * SQLite writer thread commits rate-limit counts and interviews at any moment (ADR 017). If
 * that thread holds the write lock, SQLite refuses the upgrade at once (SQLITE_BUSY: no busy
 * wait for an upgrade, it could deadlock; Prisma shows "Operation has timed out"); if it has
 * committed since the read, the snapshot is stale (SQLITE_BUSY_SNAPSHOT); either way the
 * request fails. `BEGIN IMMEDIATE` takes the write lock first, waiting for it with
 * the busy timeout like any write, so neither can happen
 * (https://www.sqlite.org/lang_transaction.html, https://www.sqlite.org/rescode.html#busy_snapshot).
 * The adapter has no option for it: its connection's `prepare("BEGIN")` is answered with
 * `BEGIN IMMEDIATE` (tests/data/sqlite-writer.test.ts fails without it).
 */
export function durableSqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(sqlitePragmas());
    beginImmediate((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  };
  return factory;
}

function beginImmediate(client: Database.Database) {
  if (typeof client?.prepare !== "function")
    throw new Error("durableSqliteAdapter: the adapter's connection is not where it was (adapter upgraded?)");
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) =>
    prepare(sql.trim().toUpperCase() === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
}
