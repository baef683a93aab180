import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError, requireApiPermission } from "~/features/auth/api-guard.server";
import { MAX_BATCH, syncRequestSchema, type SyncResponse } from "~/domain/interviews/interview-schema";
import { consumeSyncFailure } from "~/features/interviews/test-hooks.server";
import { translator } from "~/i18n";
import { syncInterviews } from "~/models/interview-sync.server";
import { getLanguage } from "~/utils/language.server";
import { limitSync } from "~/features/security/limit.server";

/**
 * POST /api/sync/interviews — the enumerator's phone uploads queued interviews (issue 5,
 * ADR 008). Body `{ "interviews": [Interview, …] }`, 1 to MAX_BATCH; messages in the
 * language of `?lng=` or the lng cookie (default vi).
 *
 * - 200 `SyncResponse`: one result per interview, in order: stored | duplicate | conflict |
 *   invalid (with `reasons`). Some may be invalid while the others are stored.
 * - 400 `{error}`: the body is not JSON or not a batch. 401 / 403 `{error}`: not signed in /
 *   may not collect. 503 `{error}`: nothing was stored; keep everything and retry later.
 *
 * Test hook (only when the server runs with HAILONG_TEST_HOOKS=1, as the e2e server does):
 * after `POST /api/test/fail-next-sync` by the same signed-in user (optional JSON body
 * `{"count": n}`, default 1), that user's next n sync requests answer 503 before storing
 * anything. A request with the header `x-test-fail: batch` fails the same way.
 */
const MAX_BODY_CHARS = 2_000_000;

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await getLanguage(request));
  if (request.method !== "POST") return jsonError(405, t("sync.badBody", { max: MAX_BATCH }));
  const user = await requireApiPermission(request, "collect:interviews", t, {
    unauthenticated: "sync.unauthenticated",
    forbidden: "sync.forbidden",
  });
  await limitSync(request, user.id);
  if (consumeSyncFailure(user.id, request)) return jsonError(503, t("sync.testFailure"));
  const text = await request.text();
  let body: unknown;
  try {
    body = text.length <= MAX_BODY_CHARS ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const batch = syncRequestSchema.safeParse(body);
  if (!batch.success) return jsonError(400, t("sync.badBody", { max: MAX_BATCH }));
  try {
    const response: SyncResponse = { results: await syncInterviews(batch.data.interviews, user, t) };
    return Response.json(response, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Only the error's kind: the batch holds answers and the frame rows point at people.
    console.error(`sync: batch failed (${(error as { code?: string }).code ?? (error as Error)?.name ?? "unknown"})`);
    return jsonError(503, t("sync.serverError"));
  }
}

export function loader() {
  return jsonError(405, "POST only");
}
