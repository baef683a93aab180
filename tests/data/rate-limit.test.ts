import { afterEach, describe, expect, test } from "vitest";
import { bucketKey, countRequest, sweepOldBuckets } from "~/features/security/rate-limit.server";
import { maxFor, RATE_LIMITS, windowStart } from "~/features/security/rate-limits";
import { usesPostgres } from "~/db/direct-db.server";
import { prisma } from "~/db/prisma.server";
import { sqliteWrite } from "~/models/sqlite-writer.server";

// A fixed instant in the middle of a one-minute window (and of the longer windows).
const T0 = new Date("2026-11-27T10:00:20.000Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * On SQLite the writer thread answers a count before its group's COMMIT (app/db/sqlite-writer-thread.ts),
 * so a read through Prisma's own connection right after could miss it under load (CI read 3 for 4).
 * A durable job is answered after the COMMIT of its group, which comes after the counts' group:
 * wait for one before reading what was counted.
 */
async function counted() {
  if (!usesPostgres()) await sqliteWrite({ kind: "statement", sql: "SELECT 1", params: [], durable: true });
}

afterEach(async () => {
  delete process.env.RATE_LIMIT_SURVEY_TOKEN;
  delete process.env.RATE_LIMITS;
  await counted();
  await prisma.rateLimitBucket.deleteMany();
});

describe("fixed-window rate limits in the database", () => {
  test("a token is let through up to the limit, then refused until its window ends", async () => {
    process.env.RATE_LIMIT_SURVEY_TOKEN = "3";
    const hit = [{ limit: "surveyToken" as const, value: "LC2020-ABC" }];
    for (let i = 0; i < 3; i++) expect(await countRequest(hit, later(i))).toEqual({ limited: false });
    // The window is 10:00:00–10:01:00; the 4th request at 10:00:23 waits 37 s.
    expect(await countRequest(hit, later(3))).toEqual({ limited: true, limit: "surveyToken", retryAfterSeconds: 37 });
    expect(await countRequest(hit, later(39))).toMatchObject({ limited: true });
    // The next window starts again from one.
    expect(await countRequest(hit, later(40))).toEqual({ limited: false });
    await counted();
    const bucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: bucketKey("surveyToken", "LC2020-ABC") } });
    expect(bucket.count).toBe(1);
    expect(bucket.windowStart.toISOString()).toBe("2026-11-27T10:01:00.000Z");
  });

  test("each key counts on its own, and one over its limit refuses the request", async () => {
    process.env.RATE_LIMIT_SURVEY_TOKEN = "2";
    const ip = { limit: "surveyIp" as const, value: "203.0.113.7" };
    await countRequest([ip, { limit: "surveyToken", value: "T-1" }], T0);
    await countRequest([ip, { limit: "surveyToken", value: "T-1" }], T0);
    expect(await countRequest([ip, { limit: "surveyToken", value: "T-1" }], T0)).toMatchObject({ limited: true, limit: "surveyToken" });
    // Another token from the same address is fine: the address is far below its 600.
    expect(await countRequest([ip, { limit: "surveyToken", value: "T-2" }], T0)).toEqual({ limited: false });
    await counted();
    const ipBucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: bucketKey("surveyIp", "203.0.113.7") } });
    expect(ipBucket.count).toBe(4);
  });

  test("the table holds keyed hashes, never an address or a token", async () => {
    await countRequest([{ limit: "surveyIp", value: "198.51.100.23" }, { limit: "surveyToken", value: "SECRET-TOKEN-9" }], T0);
    await counted();
    const keys = (await prisma.rateLimitBucket.findMany()).map((b) => b.key);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).toMatch(/^(surveyIp|surveyToken):[0-9a-f]{64}$/);
      expect(key).not.toContain("198.51.100.23");
      expect(key).not.toContain("SECRET-TOKEN-9");
    }
  });

  test("concurrent requests are all counted (one atomic statement each)", async () => {
    const hit = [{ limit: "loginEmail" as const, value: "someone@example.vn" }];
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => countRequest(hit, T0)));
    await counted();
    const bucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: bucketKey("loginEmail", "someone@example.vn") } });
    expect(bucket.count).toBe(40);
    // Exactly the first maxFor(…) were let through, whatever the order.
    expect(verdicts.filter((v) => !v.limited)).toHaveLength(maxFor("loginEmail"));
  });

  test("old buckets are swept, current ones kept", async () => {
    // Written directly: countRequest itself sweeps now and then.
    await prisma.rateLimitBucket.create({ data: { key: bucketKey("surveyIp", "192.0.2.1"), windowStart: windowStart("surveyIp", T0), count: 5 } });
    await prisma.rateLimitBucket.create({ data: { key: bucketKey("surveyIp", "192.0.2.2"), windowStart: windowStart("surveyIp", later(19 * 60)), count: 5 } });
    expect(await sweepOldBuckets(later(5 * 60), true)).toBe(0);
    // 20 minutes on, the first window (10:00) is older than the longest window (15 min).
    expect(await sweepOldBuckets(later(20 * 60), true)).toBe(1);
    await counted();
    const left = await prisma.rateLimitBucket.findMany();
    expect(left.map((b) => b.key)).toEqual([bucketKey("surveyIp", "192.0.2.2")]);
  });

  test("RATE_LIMITS=off counts nothing; a bad override falls back to the default", async () => {
    process.env.RATE_LIMITS = "off";
    expect(await countRequest([{ limit: "surveyIp", value: "192.0.2.9" }], T0)).toEqual({ limited: false });
    await counted();
    expect(await prisma.rateLimitBucket.count()).toBe(0);
    process.env.RATE_LIMIT_SURVEY_TOKEN = "lots";
    expect(maxFor("surveyToken")).toBe(RATE_LIMITS.surveyToken.max);
    expect(windowStart("loginEmail", T0).toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });
});
