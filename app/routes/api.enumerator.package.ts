import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPermission } from "~/features/auth/api-guard.server";
import { translator } from "~/i18n";
import { getEnumeratorPackage } from "~/models/enumerator-package.server";
import { getLanguage } from "~/utils/language.server";

/**
 * GET /api/enumerator/package — what the enumerator's phone takes offline (issue 5,
 * ADR 008): `EnumeratorPackage` (app/domain/interviews/interview-schema.ts). It holds contact data
 * of the enumerator's own people, so it is never cached (`no-store`). 401 JSON when not
 * signed in, 403 JSON when the role may not collect interviews.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(await getLanguage(request));
  const user = await requireApiPermission(request, "collect:interviews", t, {
    unauthenticated: "sync.unauthenticated",
    forbidden: "sync.forbidden",
  });
  return Response.json(await getEnumeratorPackage(user), { headers: { "Cache-Control": "no-store" } });
}
