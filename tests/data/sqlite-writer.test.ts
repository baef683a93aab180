import { describe, expect, it } from "vitest";
import { prisma } from "~/db/prisma.server";
import { closeSqliteWriter, sqliteWrite } from "~/models/sqlite-writer.server";

/**
 * The SQLite writer thread (app/utils/sqlite-writer.*, ADR 017), on the test file's own
 * database, through the real thread (from source, via tsx). The sync store's own behaviour
 * through it is in interview-sync.test.ts.
 */
const insertBucket = (key: string) =>
  sqliteWrite<unknown[]>({
    kind: "statement",
    sql: `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (?, ?, 1) RETURNING "key"`,
    params: [key, new Date().toISOString().replace("Z", "+00:00")],
    durable: true,
  });

describe.skipIf(Boolean(process.env.HAILONG_TEST_POSTGRES_URL))("the SQLite writer thread", () => {
  it("runs jobs sent together in one transaction, and a failing job rolls back alone", async () => {
    const [first, broken, last] = await Promise.allSettled([
      insertBucket("writer:first"),
      sqliteWrite({ kind: "statement", sql: `INSERT INTO "NoSuchTable" VALUES (1)`, params: [], durable: true }),
      insertBucket("writer:last"),
    ]);
    expect(first).toEqual({ status: "fulfilled", value: [{ key: "writer:first" }] });
    expect(broken.status).toBe("rejected");
    expect(String((broken as PromiseRejectedResult).reason)).toMatch(/no such table/);
    expect(last).toEqual({ status: "fulfilled", value: [{ key: "writer:last" }] });
    const keys = await prisma.rateLimitBucket.findMany({ where: { key: { startsWith: "writer:" } }, orderBy: { key: "asc" } });
    expect(keys.map((k) => k.key)).toEqual(["writer:first", "writer:last"]);
  });

  it("answers a job's error by its kind and message, and goes on", async () => {
    await insertBucket("writer:twice");
    await expect(insertBucket("writer:twice")).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(await insertBucket("writer:after")).toEqual([{ key: "writer:after" }]);
  });

  it("a Prisma transaction that reads, then writes, is not refused because the writer thread committed meanwhile", async () => {
    // A deferred transaction's first write, after a read, could not take the lock the writer
    // holds (SQLITE_BUSY at once, no busy wait for an upgrade, shown as "Operation has timed
    // out") or would find its snapshot stale (SQLITE_BUSY_SNAPSHOT); Prisma's transactions
    // therefore begin IMMEDIATE (ADR 017).
    let counted: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.rateLimitBucket.findMany({ where: { key: "writer:tx" } });
      counted = insertBucket("writer:during-tx");
      await new Promise((resolve) => setTimeout(resolve, 100));
      await tx.rateLimitBucket.create({ data: { key: "writer:tx", windowStart: new Date(), count: 1 } });
    });
    await counted;
    const keys = await prisma.rateLimitBucket.findMany({ where: { key: { in: ["writer:tx", "writer:during-tx"] } }, orderBy: { key: "asc" } });
    expect(keys.map((k) => k.key)).toEqual(["writer:during-tx", "writer:tx"]);
  });

  it("fails the jobs waiting on a thread that stops, and the next write starts a new thread", async () => {
    const refused = expect(insertBucket("writer:cut")).rejects.toThrow(/closed/);
    await closeSqliteWriter();
    await refused;
    expect(await insertBucket("writer:restarted")).toEqual([{ key: "writer:restarted" }]);
  });
});
