import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";

/**
 * Per test file: a fresh copy of the migrated template database, named in DATABASE_URL
 * before any module creates the Prisma client. Files that do not touch the database pay
 * only a file copy.
 */
const template = process.env.HAILONG_TEMPLATE_DB ?? path.resolve("tests/.tmp/template.db");
const file = path.resolve(`tests/.tmp/test-${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});
