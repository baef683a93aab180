import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./database-url";

/**
 * The one Prisma client of the process, on the driver adapter (no native engine: see
 * docs/decisions/002-prisma-6-wasm-engines.md). Kept on globalThis in development so
 * that Vite's hot reload does not open a new connection per edit.
 */
function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
}

const globalForPrisma = globalThis as unknown as { __hailongPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.__hailongPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__hailongPrisma = prisma;
