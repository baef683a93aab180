import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { postgresPool } from "./direct-db.server";
import { durableSqliteAdapter } from "./sqlite-durability.server";

/**
 * The one Prisma client of the process, on the driver adapter (no native engine: see
 * docs/decisions/002-prisma-6-wasm-engines.md). Kept on globalThis in development so
 * that Vite's hot reload does not open a new connection per edit. The SQLite file is opened
 * in WAL mode with a chosen synchronous level (docs/decisions/014-durability.md).
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (isPostgresUrl(url)) {
    // The PostgreSQL client is generated from the PostgreSQL twin of the same schema
    // (prisma/postgresql/schema.prisma, docs/decisions/015), so its models and methods are
    // the SQLite client's; only the provider differs, hence the one cast. Its pool is the
    // process's one pool, which the sync API's store also uses (direct-db.server.ts);
    // $disconnect ends it.
    return new PostgresClient({
      adapter: new PrismaPg(postgresPool(), { disposeExternalPool: true }),
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: durableSqliteAdapter(databaseUrl()) });
}

const globalForPrisma = globalThis as unknown as { __hailongPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.__hailongPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__hailongPrisma = prisma;

let replica: PrismaClient | undefined;

/**
 * Where the results pages and the report read their aggregates (ADR 016): a PostgreSQL
 * read replica named by `DATABASE_REPLICA_URL`, or the primary when it is unset. Only
 * those reads go there — they are the heavy ones, and a few seconds of replication lag
 * in a dashboard is harmless — while sessions, review and every write stay on the primary.
 * SQLite has no replicas, so the setting is refused with a SQLite primary.
 */
export function resultsReader(): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL?.trim();
  if (!url) return prisma;
  if (!isPostgresUrl(url) || !isPostgresUrl(databaseUrl())) {
    throw new Error("DATABASE_REPLICA_URL must be a postgresql:// URL, beside a PostgreSQL DATABASE_URL");
  }
  replica ??= new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  return replica;
}

/** Close the replica's connections (tests, and a clean shutdown). */
export async function disconnectResultsReader(): Promise<void> {
  await replica?.$disconnect();
  replica = undefined;
}
