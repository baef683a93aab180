import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Interview, SyncResponse } from "../../app/domain/interviews/interview-schema";
import { signInThroughForm as signIn } from "../support/auth";
import { databaseNamed, integrity, type TestDatabase } from "../support/database";
import { addEnumeratorRound } from "../support/factories/accounts";
import {
  answerRowCount,
  fetchPackage,
  interviewMaker,
  storedResponses as storedResponsesOf,
} from "../support/factories/interviews";
import { withPrisma } from "../support/prisma";
import { seededDatabase } from "../support/seeded";
import { startAppServer, type AppServer } from "../support/server";

/**
 * Nothing acknowledged is lost (issue 7, docs/decisions/014-durability.md): clients upload
 * complete interviews to the production server, each under its own UUID; the server is
 * killed with SIGKILL in the middle of the load and started again on the same database;
 * every client retries, with the same UUID and content, whatever got no success answer.
 * Afterwards every interview that was ever acknowledged is stored exactly once with all its
 * answers, and nothing else is stored.
 *
 * Needs the production build (`npm run build`; BUILD_DIR chooses another). CRASH_PORT sets
 * the port (default 3161). On SQLite by default; on PostgreSQL under tests/support/cli/with-postgres.ts
 * (HAILONG_TEST_POSTGRES_URL: a fresh database on that server), as `npm run test:crash` runs it.
 */
const PORT = Number(process.env.CRASH_PORT ?? 3161);
const CLIENTS = 8;
const BEFORE_KILL = 40;
const TOTAL = 100;

let database: TestDatabase;
let server: AppServer;

// The demo data: a copy of the run's seeded template (tests/support/seeded.ts), or seeded here.
beforeAll(async () => {
  database = await seededDatabase(databaseNamed(`hailong_crash_${process.pid}`));
});

const storedResponses = (db: TestDatabase, roundCode: string) =>
  withPrisma(db.url, (prisma) => storedResponsesOf(prisma, roundCode));

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("keeps every acknowledged interview exactly once across a SIGKILL and a restart", async () => {
  const suffix = randomUUID().slice(0, 8);
  const enumerator = await withPrisma(database.url, (db) =>
    addEnumeratorRound(db, {
      roundCode: `bench-${suffix}`,
      email: `bench-${suffix}@hailong.test`,
      password: `bench-${suffix}-password`,
    }),
  );
  server = await startAppServer({ databaseUrl: database.url, port: PORT });
  const cookie = await signIn(server.url, enumerator.email, enumerator.password);
  const makeInterview = interviewMaker(
    await fetchPackage(server.url, cookie),
    enumerator.roundCode,
    enumerator.unitCode,
  );

  const sent = new Map<string, Interview>();
  const acknowledged = new Map<string, "stored" | "duplicate">();
  const refused: string[] = [];
  let failedAttempts = 0;
  let stopping = false;

  /** Upload one interview until the server says stored or duplicate; anything else is retried. */
  async function deliver(interview: Interview) {
    const body = JSON.stringify({ interviews: [interview] });
    for (;;) {
      try {
        const response = await fetch(`${server.url}/api/sync/interviews`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        if (response.status === 200) {
          const [result] = ((await response.json()) as SyncResponse).results;
          if (result.status === "stored" || result.status === "duplicate") {
            acknowledged.set(interview.id, result.status);
            return;
          }
          refused.push(`${interview.id}: ${result.status} ${result.message ?? ""}`);
          return;
        }
      } catch {
        // The server is down (connection refused or reset): retry below.
      }
      failedAttempts += 1;
      await sleep(100);
    }
  }

  async function client() {
    while (!stopping) {
      const interview = makeInterview();
      sent.set(interview.id, interview);
      await deliver(interview);
    }
  }

  const clients = Array.from({ length: CLIENTS }, client);
  while (acknowledged.size < BEFORE_KILL) await sleep(20);
  const ackedBeforeKill = acknowledged.size;
  await server.kill();
  const inFlightAtKill = sent.size - acknowledged.size;
  await sleep(500);
  server = await startAppServer({ databaseUrl: database.url, port: PORT });
  while (acknowledged.size < TOTAL) await sleep(20);
  stopping = true;
  await Promise.all(clients);
  await server.stop();

  const duplicates = [...acknowledged.values()].filter((s) => s === "duplicate").length;
  process.stdout.write(
    `crash test (${database.kind}): ${ackedBeforeKill} acknowledged before SIGKILL, ${inFlightAtKill} in flight at the kill, ` +
      `${acknowledged.size} acknowledged in all (${duplicates} as "duplicate": stored before the kill, answer lost), ` +
      `${failedAttempts} failed attempts retried\n`,
  );

  expect(refused).toEqual([]);
  // Clients retried until every interview they made was acknowledged.
  expect(acknowledged.size).toBe(sent.size);
  expect(inFlightAtKill).toBeGreaterThan(0);

  const stored = await storedResponses(database, enumerator.roundCode);
  const storedIds = stored.map((r) => r.id).sort();
  // Exactly once: the same set of ids, no id twice, nothing that was not sent.
  expect(new Set(storedIds).size).toBe(storedIds.length);
  expect(storedIds).toEqual([...acknowledged.keys()].sort());
  // Complete: every answer of every interview, and its content hash.
  const incomplete = stored.filter((r) => r.answers !== answerRowCount(sent.get(r.id)!) || !r.contentHash);
  expect(incomplete).toEqual([]);
  expect(await integrity(database)).toBe("ok");
});
