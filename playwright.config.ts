import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests on Debian's Chromium (docs/decisions/001, docs/stack.md): the
 * production build, served on its own port with its own SQLite file, on a 360×640 phone
 * with JavaScript and without.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_PORT = String(PORT);
// The server and the tests sign session cookies with the same secret (tests/support/auth.ts).
process.env.SESSION_SECRET ??= "e2e-only-secret-not-for-production";
// Without JavaScript (ADR 019): the citizen's pages (survey, submission, links) and the forms
// that must keep what was typed across a server round trip (the report and PAR rules, the
// round and its frame, units), and the enumerator page's notice that it needs JavaScript.
const NO_JS_SPECS = [
  "survey.spec.ts",
  "submission.spec.ts",
  "links.spec.ts",
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
  // Two on 2 cores: the phase is CPU-bound (a third worker made each test slower and the
  // phase no shorter: 360 s either way). E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS) || 2,
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
    // Recording a trace costs ~20 % of the e2e CPU (two specs: 117 → 94 test-seconds without),
    // so CI keeps a screenshot of a failure instead; locally every failure keeps its trace.
    // E2E_TRACE=retain-on-failure (or on) brings traces back in CI.
    trace:
      (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ??
      (process.env.CI ? "off" : "retain-on-failure"),
    screenshot: "only-on-failure",
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
    // Without JavaScript: NO_JS_SPECS above. Specs about roles, headers, personal data, the
    // dashboard and the enumerator's app test the server alone (or need JavaScript), so one
    // project is enough for them.
    { name: "phone-no-js", use: { ...phone, javaScriptEnabled: false }, testMatch: NO_JS_SPECS },
  ],
  webServer: {
    // The e2e data: a copy of the run's template (npm test builds it once, tests/support/seeded.ts)
    // in under a second; run alone, the server seeds its own (migrations, the demo seed of
    // 1,250 questionnaires, the fixtures): about a minute on PostgreSQL on a quiet machine,
    // several on a loaded one.
    command: "node --import tsx tests/support/cli/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT), SESSION_SECRET: process.env.SESSION_SECRET },
    // The server's request log would bury the test report; its errors (stderr) still show.
    stdout: "ignore",
    stderr: "pipe",
  },
});
