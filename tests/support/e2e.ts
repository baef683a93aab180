/**
 * The database of the e2e server (tests/support/cli/e2e-server.ts), one per port: the SQLite
 * file tests/.tmp/hailong_e2e_<port>.db, or with HAILONG_TEST_POSTGRES_URL the PostgreSQL database
 * hailong_e2e_<port> on that server (docs/decisions/015-postgresql.md). Specs set up rows
 * and check what was stored through Prisma (`e2eDb()`), so each is written once for both.
 */
import type { BrowserContext } from "@playwright/test";
import { signInContextAs, signInContextAsRole, type DemoRole } from "./auth";
import { databaseNamed, type TestDatabase } from "./database";
import { prismaFor, type TestPrisma } from "./prisma";

export function e2ePort(): string {
  return process.env.E2E_PORT ?? "3100";
}

export function e2eDatabase(): TestDatabase {
  return databaseNamed(`hailong_e2e_${e2ePort()}`);
}

let client: TestPrisma | null = null;
/** One Prisma client per test worker on the e2e database (the worker's exit closes it). */
export function e2eDb(): TestPrisma {
  client ??= prismaFor(e2eDatabase().url);
  return client;
}

/** Sign the browser context in as a demo role (auth.ts), on the e2e database. */
export function signInAs(context: BrowserContext, role: DemoRole, baseURL: string) {
  return signInContextAsRole(context, e2eDb(), role, baseURL);
}

/** Sign the browser context in as any user of the e2e database. */
export function signInUser(context: BrowserContext, userId: string, baseURL: string) {
  return signInContextAs(context, e2eDb(), userId, baseURL);
}
