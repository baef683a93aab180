import { pingDatabase } from "~/models/health.server";

/** Liveness and database reachability, for load balancers and the test runner. */
export async function loader() {
  await pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
