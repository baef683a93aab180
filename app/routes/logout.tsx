import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearAppMarkCookie } from "~/features/auth/app-mark.server";
import { getUser, signOut } from "~/features/auth/session.server";
import { recordAudit } from "~/models/audit.server";

/** Sign out this device (POST only: a link or an image cannot sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const cookie = await signOut(request);
  if (user) await recordAudit({ userId: user.id, action: "sign-out", entity: "session" });
  // The offline app's mark goes with the session, whichever page signed out (ADR 008).
  const headers = new Headers([
    ["Set-Cookie", cookie],
    ["Set-Cookie", clearAppMarkCookie()],
  ]);
  return redirect("/", { headers });
}

export async function loader() {
  return redirect("/");
}
