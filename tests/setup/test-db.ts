import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { copyDatabase, databaseFromUrl, databaseNamed } from "../support/database";

/**
 * Per test file: a fresh copy of the migrated template database (global-db.ts), named in
 * DATABASE_URL before any module creates the Prisma client. Files that do not touch the
 * database pay only a file copy (SQLite) or a template copy (PostgreSQL).
 */
const template = databaseFromUrl(process.env.HAILONG_TEMPLATE_DB!);
// The run's id first (global-db.ts), so its teardown finds copies a file did not remove.
const name = `hailong_t_${process.env.HAILONG_TEST_RUN ?? "0"}_${randomUUID().replace(/-/g, "")}`;
const database = await copyDatabase({ ...template, drop: async () => {} }, databaseNamed(name));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { prisma } = await import("~/db/prisma.server");
  await prisma.$disconnect();
  const { closeSqliteWriter } = await import("~/models/sqlite-writer.server");
  await closeSqliteWriter();
  await database.drop();
});
