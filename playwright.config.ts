import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests on Debian's Chromium (docs/decisions/001, docs/stack.md): the
 * production build, served on its own port with its own SQLite file, on a 360×640 phone
 * with JavaScript and without.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_PORT = String(PORT);
// The server and the tests sign session cookies with the same secret (tests/e2e/auth.ts).
process.env.SESSION_SECRET ??= "e2e-only-secret-not-for-production";
const NO_JS_SPECS = [
  "survey.spec.ts",
  "submission.spec.ts",
  "links.spec.ts",
  "dashboard.spec.ts",
  "report.spec.ts",
  "admin-rounds.spec.ts",
  "admin-units.spec.ts",
  "enumerator-offline.spec.ts",
].map((file) => `**/${file}`);

const phone = {
  viewport: { width: 360, height: 640 },
  // Layout is in CSS pixels, so the tests see the same page at 1×; rasterising 4× the
  // pixels in software (no GPU here) only made every page slower.
  deviceScaleFactor: 1,
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
  // Generous: CI shares 2 cores between the server, two browsers and the runner, and a
  // journey with several axe checks took over a minute there once. A slow machine must not
  // fail the build; speed is measured in bench/, not here.
  timeout: 120_000,
  expect: { timeout: 15_000 },
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
    // Without JavaScript: the pages people use (the citizen's survey and links, the
    // official's dashboard and report) and the staff forms that must keep what was typed
    // across a server round trip. Specs about roles, headers, personal data and the
    // enumerator's app test the server alone (or need JavaScript), so one project is enough.
    { name: "phone-no-js", use: { ...phone, javaScriptEnabled: false }, testMatch: NO_JS_SPECS },
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
