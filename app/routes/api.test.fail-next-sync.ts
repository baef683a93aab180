import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError } from "~/features/auth/api-guard.server";
import { getUser } from "~/features/auth/session.server";
import { failNextSyncs, testHooksEnabled } from "~/features/interviews/test-hooks.server";

/**
 * POST /api/test/fail-next-sync — for end-to-end tests only (ADR 008): the signed-in
 * user's next sync request(s) answer 503 before storing anything. Body (optional JSON)
 * `{"count": n}`, 1 to 10, default 1. A 404 unless the server runs with HAILONG_TEST_HOOKS=1.
 */
const BodySchema = z.object({ count: z.number().int().min(1).max(10).default(1) });

export async function action({ request }: ActionFunctionArgs) {
  if (!testHooksEnabled()) return jsonError(404, "Not found");
  const user = await getUser(request);
  if (!user) return jsonError(401, "Not signed in");
  const text = await request.text();
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    return jsonError(400, "Body must be JSON");
  }
  const body = BodySchema.safeParse(raw);
  if (!body.success) return jsonError(400, "count must be an integer from 1 to 10");
  failNextSyncs(user.id, body.data.count);
  return Response.json({ failNext: body.data.count }, { headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return jsonError(404, "Not found");
}
