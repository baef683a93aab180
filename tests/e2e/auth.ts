import { createCookie } from "@remix-run/node";
import type { BrowserContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { openTestDb } from "./db";

/** The demo accounts the seed creates, by role (README "Demo accounts"). */
export const DEMO_ACCOUNTS = {
  admin: "admin@hailong.test",
  supervisor: "giamsat@hailong.test",
  enumerator: "dieutra@hailong.test",
  viewer: "lanhdao@hailong.test",
} as const;
export const DEMO_PASSWORD = "HaiLong-demo-2020";
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/**
 * Sign a browser context in as a demo role without the sign-in form (docs/style.md: fixtures
 * log in by creating a session and setting the cookie): a Session row in the e2e
 * database, and the cookie signed with the server's secret (playwright.config.ts).
 */
export async function signInAs(context: BrowserContext, role: DemoRole, baseURL: string) {
  const db = openTestDb();
  const id = randomBytes(32).toString("hex");
  try {
    const user = db.prepare('SELECT id FROM "User" WHERE email = ?').get(DEMO_ACCOUNTS[role]) as { id: string };
    // Prisma's SQLite adapter stores DateTime as ISO text.
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    const now = Date.now();
    db.prepare(
      "INSERT INTO Session (id, userId, createdAt, expiresAt, lastSeenAt, device) VALUES (?, ?, ?, ?, ?, 'e2e')",
    ).run(id, user.id, iso(now), iso(now + 86_400_000), iso(now));
  } finally {
    db.close();
  }
  const cookie = createCookie("hl_session", { secrets: [process.env.SESSION_SECRET!] });
  const value = (await cookie.serialize(id)).split(";")[0].split("=").slice(1).join("=");
  await context.addCookies([{ name: "hl_session", value, url: baseURL }]);
}
