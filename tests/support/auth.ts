/**
 * Signing in for tests and benchmarks. Browser tests skip the sign-in form (docs/style.md:
 * fixtures log in by creating a session and setting the cookie): a Session row in the
 * database, and the cookie signed with the server's secret (SESSION_SECRET, set for both by
 * playwright.config.ts). Load tests and the sync-API spec sign in through the real form.
 */
import { createCookie } from "@remix-run/node";
import type { BrowserContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import type { TestPrisma } from "./prisma";

/** The demo accounts the seed creates, by role (README "Demo accounts"). */
export const DEMO_ACCOUNTS = {
  admin: "admin@hailong.test",
  supervisor: "giamsat@hailong.test",
  enumerator: "dieutra@hailong.test",
  viewer: "lanhdao@hailong.test",
} as const;
export const DEMO_PASSWORD = "HaiLong-demo-2020";
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** A new session of `userId`, valid for a day; returns its id. */
export async function createTestSession(db: TestPrisma, userId: string): Promise<string> {
  const id = randomBytes(32).toString("hex");
  const now = Date.now();
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: new Date(now),
      expiresAt: new Date(now + 86_400_000),
      lastSeenAt: new Date(now),
      device: "e2e",
    },
  });
  return id;
}

/** Sign a browser context in as `userId`: a session row and its signed cookie. */
export async function signInContextAs(context: BrowserContext, db: TestPrisma, userId: string, baseURL: string) {
  const sessionId = await createTestSession(db, userId);
  const cookie = createCookie("hl_session", { secrets: [process.env.SESSION_SECRET!] });
  const value = (await cookie.serialize(sessionId)).split(";")[0].split("=").slice(1).join("=");
  await context.addCookies([{ name: "hl_session", value, url: baseURL }]);
}

/** Sign a browser context in as a demo role. */
export async function signInContextAsRole(context: BrowserContext, db: TestPrisma, role: DemoRole, baseURL: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[role] }, select: { id: true } });
  await signInContextAs(context, db, user.id, baseURL);
}

/** Sign in through the real form of the server at `url`; returns the session cookie. */
export async function signInThroughForm(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/account" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (response.status !== 302 || !cookies.length) throw new Error(`sign-in failed: ${response.status}`);
  return cookies.join("; ");
}
