import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import type { EnumeratorPackage, Interview, SyncResponse } from "../../app/domain/interviews/interview-schema";
import { completeAnswers } from "../support/factories/interview-answers";
import { DEMO_PASSWORD } from "../support/auth";
import { e2eDb } from "../support/e2e";
import { addEnumeratorRound } from "../support/factories/accounts";

/**
 * The enumerator sync API over HTTP (issue 5, ADR 008), without a browser page: an
 * enumerator of its own (so the offline-app spec's counts are untouched) signs in through
 * the real form, downloads the package, posts a batch twice and gets one row per
 * interview, survives an injected 503, and strangers get JSON 401 / 403.
 */
test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, "API only: one project is enough");

const UNIT = "huyen-tam-duong";
// Made anew by each set-up: with fullyParallel, one worker can run this file's tests as
// separate chunks and so run beforeAll more than once (a fixed suffix would hit UNIQUE Round.code).
let ROUND = "";
let EMAIL = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  ROUND = `e2e-sync-api-${suffix}`;
  EMAIL = `sync-api-${suffix}@hailong.test`;
  await addEnumeratorRound(e2eDb(), {
    roundCode: ROUND,
    email: EMAIL,
    password: DEMO_PASSWORD,
    unitCode: UNIT,
    title: "Sync API (e2e)",
    planReference: "E2E/SYNC",
    periodStart: new Date("2020-08-15"),
    name: "Sync API",
  });
});

async function signIn(request: APIRequestContext, email: string) {
  const response = await request.post("/login", {
    form: { email, password: DEMO_PASSWORD, redirectTo: "/account" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

/** A complete interview built from the package's instrument, ended just now after 15 minutes. */
function interviewFrom(pack: EnumeratorPackage): Interview {
  const answers = completeAnswers(pack.rounds.find((r) => r.code === ROUND)!.instrument.sections);
  const ended = new Date();
  return {
    id: randomUUID(),
    roundCode: ROUND,
    unitCode: UNIT,
    frameRowId: null,
    language: "vi",
    interpretedInto: null,
    startedAt: new Date(ended.getTime() - 15 * 60_000).toISOString(),
    endedAt: ended.toISOString(),
    location: null,
    answers,
  };
}

const storedCount = (ids: string[]) => e2eDb().response.count({ where: { id: { in: ids } } });

test("a batch posted twice is stored once; an injected failure stores nothing and a retry delivers", async ({
  request,
}) => {
  await signIn(request, EMAIL);
  const packageResponse = await request.get("/api/enumerator/package");
  expect(packageResponse.status()).toBe(200);
  expect(packageResponse.headers()["cache-control"]).toBe("no-store");
  const pack = (await packageResponse.json()) as EnumeratorPackage;
  expect(pack.user.email).toBe(EMAIL);
  expect(pack.rounds.map((r) => r.code)).toEqual([ROUND]);
  expect(pack.rounds[0].units.map((u) => u.code)).toEqual([UNIT]);

  const batch = [interviewFrom(pack), interviewFrom(pack)];
  const ids = batch.map((i) => i.id);
  const first = await request.post("/api/sync/interviews", { data: { interviews: batch } });
  expect(first.status()).toBe(200);
  expect(((await first.json()) as SyncResponse).results.map((r) => r.status)).toEqual(["stored", "stored"]);
  const again = await request.post("/api/sync/interviews", { data: { interviews: batch } });
  expect(((await again.json()) as SyncResponse).results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
  expect(await storedCount(ids)).toBe(2);

  const third = [interviewFrom(pack)];
  expect((await request.post("/api/test/fail-next-sync")).status()).toBe(200);
  const failed = await request.post("/api/sync/interviews", { data: { interviews: third } });
  expect(failed.status()).toBe(503);
  expect(await failed.json()).toEqual({ error: expect.stringContaining("Phiếu vẫn được giữ trên máy") });
  expect(await storedCount([third[0].id])).toBe(0);
  const retried = await request.post("/api/sync/interviews", { data: { interviews: third } });
  expect(((await retried.json()) as SyncResponse).results).toEqual([
    expect.objectContaining({ id: third[0].id, status: "stored" }),
  ]);
  expect(await storedCount([...ids, third[0].id])).toBe(3);

  const edited = { ...batch[0], language: "en" };
  const conflict = await request.post("/api/sync/interviews?lng=en", { data: { interviews: [edited] } });
  expect(((await conflict.json()) as SyncResponse).results[0]).toMatchObject({
    status: "conflict",
    message: expect.stringContaining("different content"),
  });

  const malformed = await request.post("/api/sync/interviews", {
    headers: { "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: expect.any(String) });
});

test("without a session both endpoints answer 401 JSON; a role that may not collect gets 403 JSON", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const response of [
    await anonymous.get("/api/enumerator/package"),
    await anonymous.post("/api/sync/interviews", { data: { interviews: [{}] } }),
  ]) {
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringContaining("đăng nhập") });
  }
  await anonymous.dispose();
  const viewer = await playwright.request.newContext({ baseURL });
  await signIn(viewer, "lanhdao@hailong.test");
  expect((await viewer.get("/api/enumerator/package")).status()).toBe(403);
  expect((await viewer.post("/api/sync/interviews", { data: { interviews: [{}] } })).status()).toBe(403);
  await viewer.dispose();
});
