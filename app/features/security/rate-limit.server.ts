import { createHmac } from "node:crypto";
import { postgresDate, sqliteDate } from "~/db/db-dates";
import { prisma } from "~/db/prisma.server";
import { postgresPool, usesPostgres } from "~/db/direct-db.server";
import { sqliteWrite } from "~/models/sqlite-writer.server";
import { cookieSecrets } from "~/utils/secret.server";
import { maxFor, RATE_LIMITS, rateLimitsEnabled, windowStart, type RateLimitName } from "./rate-limits";

/**
 * Fixed-window counters in the RateLimitBucket table, so that every app instance behind a
 * load balancer counts in the same place (issue 7: nothing in process memory that another
 * instance would need). One statement counts a request against all its keys at once and
 * is atomic on SQLite and PostgreSQL alike (INSERT … ON CONFLICT … DO UPDATE … RETURNING,
 * both since SQLite 3.35): no read-then-write race between instances.
 */
export interface RateLimitHit {
  limit: RateLimitName;
  /** The IP address, token, email or user id counted (never stored: see bucketKey). */
  value: string;
}

export type RateLimitVerdict = { limited: false } | { limited: true; limit: RateLimitName; retryAfterSeconds: number };

/**
 * The bucket's key: the limit's name and a keyed SHA-256 (HMAC with the session secret) of
 * the value, so the table never holds an address or a token, and a leaked table cannot be
 * reversed by hashing every IPv4 address.
 */
export function bucketKey(limit: RateLimitName, value: string): string {
  const digest = createHmac("sha256", cookieSecrets()[0]).update(value).digest("hex");
  return `${limit}:${digest}`;
}

export async function countRequest(hits: RateLimitHit[], now = new Date()): Promise<RateLimitVerdict> {
  if (!rateLimitsEnabled() || hits.length === 0) return { limited: false };
  await sweepOldBuckets(now);
  // One row per key: PostgreSQL refuses an upsert that touches the same row twice.
  hits = [...new Map(hits.map((hit) => [bucketKey(hit.limit, hit.value), hit])).values()];
  const counted = await countInBuckets(
    hits.map((hit) => ({ key: bucketKey(hit.limit, hit.value), windowStart: windowStart(hit.limit, now) })),
  );
  const countByKey = new Map(counted.map((row) => [row.key, Number(row.count)]));
  for (const hit of hits) {
    if ((countByKey.get(bucketKey(hit.limit, hit.value)) ?? 0) > maxFor(hit.limit)) {
      const windowEnd = windowStart(hit.limit, now).getTime() + RATE_LIMITS[hit.limit].windowSeconds * 1000;
      return {
        limited: true,
        limit: hit.limit,
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
      };
    }
  }
  return { limited: false };
}

// A bucket whose window has passed starts again at 1 in the new window; otherwise +1.
const upsertSql = (values: string) => `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ${values}
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimitBucket"."windowStart" < excluded."windowStart" THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
    "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < excluded."windowStart" THEN excluded."windowStart" ELSE "RateLimitBucket"."windowStart" END
  RETURNING "key", "count"`;

/**
 * The one statement, without Prisma (a Prisma query cost more than the request it guards,
 * ADR 017): on PostgreSQL through the process's pool, on SQLite through the process's writer
 * thread (app/db/sqlite-writer.server.ts), where it joins the next group commit. DateTimes
 * as Prisma's adapters write them. On SQLite a commit holding only counters skips the fsync:
 * losing the last counts on a power cut forgives a few requests, while an fsync per counted
 * request halved the sync API's throughput.
 */
async function countInBuckets(
  rows: { key: string; windowStart: Date }[],
): Promise<{ key: string; count: number | bigint }[]> {
  if (usesPostgres()) {
    const values = rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::timestamp(3), 1)`).join(", ");
    const params = rows.flatMap((row) => [row.key, postgresDate(row.windowStart)]);
    return (await postgresPool().query<{ key: string; count: number }>(upsertSql(values), params)).rows;
  }
  const sql = upsertSql(rows.map(() => "(?, ?, 1)").join(", "));
  const params = rows.flatMap((row) => [row.key, sqliteDate(row.windowStart)]);
  return sqliteWrite<{ key: string; count: number }[]>({ kind: "statement", sql, params, durable: false });
}

/** The longest window: a bucket older than that counts for nothing. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowSeconds)) * 1000;
const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/**
 * Delete buckets whose window ended, at most once a minute per process (which instance
 * sweeps does not matter: any of them may, and a missed sweep only leaves dead rows).
 */
export async function sweepOldBuckets(now = new Date(), force = false): Promise<number> {
  if (!force && now.getTime() - lastSweep < SWEEP_EVERY_MS) return 0;
  lastSweep = now.getTime();
  const { count } = await prisma.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } },
  });
  return count;
}
