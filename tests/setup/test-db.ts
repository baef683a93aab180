import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, postgresTestServer, postgresUrlFor } from "./postgres";

/**
 * Per test file: a fresh copy of the migrated template database, named in DATABASE_URL
 * before any module creates the Prisma client. Files that do not touch the database pay
 * only a file copy (SQLite) or a template copy (PostgreSQL, see global-db.ts).
 */
const server = postgresTestServer();
const template = process.env.HAILONG_TEMPLATE_DB ?? path.resolve("tests/.tmp/template.db");
// The run's id first (global-db.ts), so its teardown finds copies a file did not remove.
const run = process.env.HAILONG_TEST_RUN ?? "0";
const id = randomUUID();
let cleanUp: () => Promise<void> | void;
if (server) {
  const name = `hailong_t_${run}_${id.replace(/-/g, "")}`;
  await createPostgresDatabase(server, name, template);
  process.env.DATABASE_URL = postgresUrlFor(server, name);
  cleanUp = () => dropPostgresDatabase(server, name);
} else {
  const file = path.resolve(`tests/.tmp/test-${run}-${id}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  cleanUp = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  };
}

afterAll(async () => {
  const { prisma } = await import("~/db/prisma.server");
  await prisma.$disconnect();
  const { closeSqliteWriter } = await import("~/models/sqlite-writer.server");
  await closeSqliteWriter();
  await cleanUp();
});
