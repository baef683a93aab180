import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { interviewSchema, MAX_BATCH, type Interview, type SyncResult } from "~/domain/interviews/interview-schema";
import { missingSections, valuesFromFormData } from "~/features/enumerator/interview-values";
import { toUpload, type LocalInterview } from "~/features/enumerator/local-interview";
import {
  applyResults,
  backoffDelay,
  chunk,
  postBatch,
  sendable,
  syncOutbox,
  withUploadLock,
  type PostOutcome,
  type Refusal,
  type SyncDeps,
} from "~/features/enumerator/sync";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

// The phone's sync rules (app/features/enumerator/sync.ts) with a fake network and an in-memory
// outbox: this tests the client's logic; the server's store is tested on a real database
// in tests/data/interview-sync.test.ts, and the two together in the Playwright spec.

/** A complete SIPAS 2017 interview: every required question answered with its first choice or "4". */
function completeAnswers(): LocalInterview["answers"] {
  const answers: LocalInterview["answers"] = {};
  for (const section of sipas2017.sections) {
    const values: Record<string, string | string[]> = {};
    for (const item of section.items) {
      if (!item.required) continue;
      if (item.kind === "likert") values[item.code] = "4";
      if (item.kind === "single") values[item.code] = item.options![0].code;
      if (item.kind === "multi") values[item.code] = [item.options![0].code];
      if (item.kind === "text") values[item.code] = "ý kiến";
    }
    answers[section.code] = values;
  }
  return answers;
}

let clock = Date.parse("2026-11-20T08:00:00Z");
function interview(overrides: Partial<LocalInterview> = {}): LocalInterview {
  clock += 60_000;
  return {
    id: randomUUID(),
    roundCode: "lai-chau-2020",
    unitCode: "huyen-tam-duong",
    frameRowId: null,
    language: "vi",
    interpretedInto: null,
    startedAt: new Date(clock - 600_000).toISOString(),
    endedAt: new Date(clock).toISOString(),
    location: null,
    answers: completeAnswers(),
    state: "outbox",
    currentStep: "review",
    respondentName: null,
    unitName: "Huyện Tam Đường",
    lastRefusal: null,
    updatedAt: new Date(clock).toISOString(),
    ...overrides,
  };
}

/** An outbox in memory, applying confirm/refuse as LocalStore does. */
function memoryOutbox(
  items: LocalInterview[],
  post: (batch: Interview[]) => Promise<PostOutcome>,
  extra: Partial<SyncDeps> = {},
) {
  const kept = new Map(items.map((i) => [i.id, i]));
  const posted: Interview[][] = [];
  const waits: number[] = [];
  const deps: SyncDeps = {
    post: (batch) => {
      posted.push(batch);
      return post(batch);
    },
    confirm: async (list) => list.forEach((i) => kept.delete(i.id)),
    refuse: async (refusals: Refusal[]) =>
      refusals.forEach(({ interview: i, status, message }) =>
        kept.set(i.id, { ...i, lastRefusal: { status, message } }),
      ),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...extra,
  };
  return { kept, posted, waits, deps };
}

const storeAll = async (batch: Interview[]): Promise<PostOutcome> => ({
  kind: "results",
  results: batch.map((i) => ({ id: i.id, status: "stored" as const })),
});

describe("what the phone uploads", () => {
  it("is exactly the contract's interview, accepted by the server's schema", () => {
    const local = interview({
      interpretedInto: "hmn",
      frameRowId: "row-1",
      location: { latitude: 22.4, longitude: 103.5, accuracy: 12 },
    });
    const upload = toUpload(local);
    expect(Object.keys(upload).sort()).toEqual([
      "answers",
      "endedAt",
      "frameRowId",
      "id",
      "interpretedInto",
      "language",
      "location",
      "roundCode",
      "startedAt",
      "unitCode",
    ]);
    expect(interviewSchema.safeParse(upload).success).toBe(true);
    expect(missingSections(sipas2017, local)).toEqual([]);
  });

  it("reads a step form the way the survey's forms post it, and finds unanswered sections", () => {
    const e1 = sipas2017.sections.find((s) => s.code === "E1")!;
    const expectations = sipas2017.sections.find((s) => s.kind === "expectations")!;
    const form = new FormData();
    form.append(e1.items[0].code, "5");
    form.append(e1.items[1].code, "");
    expect(valuesFromFormData(e1, form)).toEqual({ [e1.items[0].code]: "5" });
    const multi = expectations.items.find((i) => i.kind === "multi")!;
    const checks = new FormData();
    checks.append(multi.code, multi.options![0].code);
    checks.append(multi.code, multi.options![2].code);
    expect(valuesFromFormData(expectations, checks)[multi.code]).toEqual([
      multi.options![0].code,
      multi.options![2].code,
    ]);
    const halfDone = interview({ answers: { ...completeAnswers(), E1: { [e1.items[0].code]: "5" } } });
    expect(missingSections(sipas2017, halfDone)).toEqual(["E1"]);
  });
});

describe("batches and backoff", () => {
  it("cuts the outbox into batches of at most MAX_BATCH, in order", () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const batches = chunk(items);
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH, MAX_BATCH, 3]);
    expect(batches.flat()).toEqual(items);
    expect(chunk([])).toEqual([]);
  });

  it("doubles the wait each retry, half fixed and half random, up to the cap", () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 1000, 30_000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 1000, 30_000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(10, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(10, 1000, 30_000, () => 0)).toBe(15_000);
  });

  it("sends only finished interviews the server has not refused, oldest first", () => {
    const later = interview();
    const earlier = { ...interview(), updatedAt: "2020-01-01T00:00:00.000Z" };
    const draft = interview({ state: "draft" });
    const refused = interview({ lastRefusal: { status: "invalid", message: "x" } });
    expect(sendable([later, draft, refused, earlier]).map((i) => i.id)).toEqual([earlier.id, later.id]);
  });
});

describe("applying the server's answers", () => {
  it("removes stored and duplicate, keeps conflict and invalid with the reason", () => {
    const [a, b, c, d] = [interview(), interview(), interview(), interview()];
    const results: SyncResult[] = [
      { id: a.id, status: "stored" },
      { id: b.id, status: "duplicate" },
      { id: c.id, status: "conflict", message: "Đã có phiếu này với nội dung khác." },
      { id: d.id, status: "invalid", message: "Thiếu câu trả lời." },
    ];
    const { confirmed, refused } = applyResults([a, b, c, d], results);
    expect(confirmed.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(refused.map((r) => [r.interview.id, r.status, r.message])).toEqual([
      [c.id, "conflict", "Đã có phiếu này với nội dung khác."],
      [d.id, "invalid", "Thiếu câu trả lời."],
    ]);
  });

  it("matches by id whatever the order, by position only for a result without an id, and keeps an interview with no result", () => {
    const [a, b, c] = [interview(), interview(), interview()];
    const { confirmed, refused } = applyResults(
      [a, b, c],
      [
        { id: b.id, status: "stored" },
        { id: null, status: "invalid", message: "unreadable" },
        { id: a.id, status: "stored" },
      ],
    );
    expect(confirmed.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(refused).toEqual([]);
    // c's slot holds a's result: c has no result of its own and stays untouched.
    const second = applyResults(
      [a, b, c],
      [
        { id: a.id, status: "stored" },
        { id: null, status: "invalid", message: "unreadable" },
        { id: "other", status: "stored" },
      ],
    );
    expect(second.refused.map((r) => r.interview.id)).toEqual([b.id]);
    expect(second.confirmed.map((i) => i.id)).toEqual([a.id]);
  });
});

describe("syncOutbox", () => {
  it("sends 23 interviews in three batches and clears them all", async () => {
    const items = Array.from({ length: 23 }, () => interview());
    const { kept, posted, deps } = memoryOutbox(items, storeAll);
    const summary = await syncOutbox(items, deps);
    expect(posted.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(kept.size).toBe(0);
    expect(summary).toEqual({ sent: 23, stored: 23, duplicate: 0, refused: 0, failure: null });
  });

  it("retries a batch lost in transit with growing waits, and a repeat answered duplicate is cleared too", async () => {
    const items = [interview(), interview()];
    let calls = 0;
    const { kept, waits, deps } = memoryOutbox(items, async (batch) => {
      calls++;
      if (calls === 1) return { kind: "retryable", reason: "network" };
      if (calls === 2) return { kind: "retryable", reason: "HTTP 503" };
      // The first try had in fact been stored: the server answers "already have it".
      return { kind: "results", results: batch.map((i) => ({ id: i.id, status: "duplicate" as const })) };
    });
    const retries: number[] = [];
    const summary = await syncOutbox(items, { ...deps, onRetry: ({ attempt }) => retries.push(attempt) });
    expect(calls).toBe(3);
    expect(waits).toEqual([750, 1500]);
    expect(retries).toEqual([1, 2]);
    expect(kept.size).toBe(0);
    expect(summary.duplicate).toBe(2);
  });

  it("gives up after the last try, keeps everything and says why; a later run delivers", async () => {
    const items = Array.from({ length: 12 }, () => interview());
    let down = true;
    const { kept, posted, waits, deps } = memoryOutbox(items, async (batch) =>
      down ? { kind: "retryable", reason: "HTTP 503: Máy chủ tạm thời không nhận phiếu" } : storeAll(batch),
    );
    const first = await syncOutbox(items, deps);
    expect(first.failure).toBe("HTTP 503: Máy chủ tạm thời không nhận phiếu");
    expect(posted).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(kept.size).toBe(12);
    down = false;
    const second = await syncOutbox([...kept.values()], deps);
    expect(second).toMatchObject({ sent: 12, stored: 12, failure: null });
    expect(kept.size).toBe(0);
  });

  it("stops at a fatal answer without retrying (signed out)", async () => {
    const items = [interview()];
    const { kept, posted, deps } = memoryOutbox(items, async () => ({ kind: "fatal", reason: "signed-out" }));
    expect((await syncOutbox(items, deps)).failure).toBe("signed-out");
    expect(posted).toHaveLength(1);
    expect(kept.size).toBe(1);
  });

  it("stores the good ones of a batch and keeps the bad one with its reason; the bad one is not resent until edited", async () => {
    const [good, bad] = [interview(), interview()];
    const { kept, posted, deps } = memoryOutbox([good, bad], async (batch) => ({
      kind: "results",
      results: batch.map((i) =>
        i.id === bad.id
          ? { id: i.id, status: "invalid" as const, message: "Thiếu E3" }
          : { id: i.id, status: "stored" as const },
      ),
    }));
    const summary = await syncOutbox([good, bad], deps);
    expect(summary).toMatchObject({ sent: 2, stored: 1, refused: 1 });
    expect([...kept.keys()]).toEqual([bad.id]);
    expect(kept.get(bad.id)!.lastRefusal).toEqual({ status: "invalid", message: "Thiếu E3" });
    await syncOutbox([...kept.values()], deps);
    expect(posted).toHaveLength(1);
  });
});

describe("postBatch classifies the server's answer", () => {
  const batch = [toUpload(interview())];
  const reply =
    (status: number, body: unknown, init: ResponseInit = {}) =>
    async () =>
      new Response(typeof body === "string" ? body : JSON.stringify(body), {
        status,
        headers: { "Content-Type": "application/json" },
        ...init,
      });

  it("posts the batch as JSON to the sync endpoint", async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const outcome = await postBatch(async (url, init) => {
      seen = { url, init };
      return new Response(JSON.stringify({ results: [{ id: batch[0].id, status: "stored" }] }), { status: 200 });
    }, batch);
    expect(seen?.url).toBe("/api/sync/interviews");
    expect(seen?.init.method).toBe("POST");
    expect(JSON.parse(String(seen?.init.body))).toEqual({ interviews: batch });
    expect(outcome).toEqual({ kind: "results", results: [{ id: batch[0].id, status: "stored" }] });
  });

  it("retries network errors, 5xx, 408 and 429, with the server's message", async () => {
    expect(await postBatch(async () => Promise.reject(new TypeError("Failed to fetch")), batch)).toEqual({
      kind: "retryable",
      reason: "network: Failed to fetch",
    });
    expect(await postBatch(reply(503, { error: "Bận" }), batch)).toEqual({
      kind: "retryable",
      reason: "HTTP 503: Bận",
    });
    expect(await postBatch(reply(502, "<html>bad gateway</html>"), batch)).toEqual({
      kind: "retryable",
      reason: "HTTP 502",
    });
    expect((await postBatch(reply(429, {}), batch)).kind).toBe("retryable");
    expect((await postBatch(reply(408, {}), batch)).kind).toBe("retryable");
  });

  it("does not retry 401 (signed out), 400, or a reply that does not match the batch", async () => {
    expect(await postBatch(reply(401, { error: "x" }), batch)).toEqual({ kind: "fatal", reason: "signed-out" });
    expect(await postBatch(reply(400, { error: "Không phải một lô" }), batch)).toEqual({
      kind: "fatal",
      reason: "HTTP 400: Không phải một lô",
    });
    expect(await postBatch(reply(200, { results: [] }), batch)).toEqual({ kind: "fatal", reason: "bad-reply" });
  });

  it("retries a 200 whose body was cut off (the server may have stored it: the repeat is a duplicate)", async () => {
    expect(await postBatch(reply(200, '{"results": [{"id"'), batch)).toEqual({
      kind: "retryable",
      reason: "reply cut off",
    });
  });
});

describe("one upload at a time", () => {
  it("skips a second upload while one runs in this tab (no Web Locks API)", async () => {
    let release!: () => void;
    const first = withUploadLock(undefined, () => new Promise<string>((resolve) => (release = () => resolve("done"))));
    expect(await withUploadLock(undefined, async () => "second")).toBe("busy");
    release();
    expect(await first).toBe("done");
    expect(await withUploadLock(undefined, async () => "third")).toBe("third");
  });
});
