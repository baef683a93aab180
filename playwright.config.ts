import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests on Debian's Chromium (docs/decisions/001, ../shared/STACK.md): the
 * production build, served on its own port with its own SQLite file, on a 360×640 phone
 * with JavaScript and without.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_PORT = String(PORT);
// The server and the tests sign session cookies with the same secret (tests/e2e/auth.ts).
process.env.SESSION_SECRET ??= "e2e-only-secret-not-for-production";
const phone = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "phone-js", use: { ...phone, javaScriptEnabled: true } },
    { name: "phone-no-js", use: { ...phone, javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/healthz`,
    // Migrations, the demo seed (1,250 questionnaires) and the fixtures: about a minute on
    // PostgreSQL on a quiet machine, several on a loaded one.
    timeout: 300_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT), SESSION_SECRET: process.env.SESSION_SECRET },
    // The server's request log would bury the test report; its errors (stderr) still show.
    stdout: "ignore",
    stderr: "pipe",
  },
});
