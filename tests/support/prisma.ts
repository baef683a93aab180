/**
 * A Prisma client on any test database, built as the app builds its own
 * (app/db/prisma.server.ts): the generated SQLite client on the app's SQLite adapter (its
 * pragmas and busy timeout, transactions begun IMMEDIATE, so a test writing beside the
 * server waits its turn like the app does), or the PostgreSQL twin of the client on the pg
 * adapter. Both have the same models and methods, so a spec or factory is written once for
 * both databases; only the provider differs, hence the one cast (as in db.server.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../app/generated/prisma/client";
import { PrismaClient as PostgresClient } from "../../app/generated/prisma-pg/client";
import { isPostgresUrl } from "../../app/db/database-url";
import { durableSqliteAdapter } from "../../app/db/sqlite-durability.server";

export type TestPrisma = PrismaClient;

export function prismaFor(url: string): TestPrisma {
  if (isPostgresUrl(url))
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  return new PrismaClient({ adapter: durableSqliteAdapter(url) });
}

/** Run `work` with a client on `url`, then disconnect it. */
export async function withPrisma<T>(url: string, work: (db: TestPrisma) => Promise<T>): Promise<T> {
  const db = prismaFor(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
