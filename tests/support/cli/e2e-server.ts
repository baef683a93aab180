/**
 * The server the end-to-end tests talk to (playwright.config.ts' webServer): the e2e
 * database of this port (e2e.ts) made fresh with the e2e data (seeded.ts: a copy
 * of the run's template, or seeded here), then the production build (BUILD_DIR, default
 * build/) on E2E_PORT. Needs `npm run build` first (npm test does it).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { e2eDatabase, e2ePort } from "../e2e";
import { seededDatabase } from "../seeded";

const database = await seededDatabase(e2eDatabase());
const buildDir = process.env.BUILD_DIR ?? "build";
// HAILONG_TEST_HOOKS: failure injection for the sync tests (app/routes/api.test.fail-next-sync.ts); never in production.
// Every test comes from 127.0.0.1: per-address limits raised; per-token and per-email limits
// stay as in production (tests/e2e/security-headers.spec.ts runs into them on keys of its own).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NODE_ENV: "production" as const,
  PORT: e2ePort(),
  HOST: "127.0.0.1",
  HAILONG_TEST_HOOKS: "1",
  RATE_LIMIT_SURVEY_IP: "1000000",
  RATE_LIMIT_LOGIN_IP: "1000000",
};
const server = spawn(process.execPath, ["server.mjs", path.resolve(buildDir, "server/index.js")], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
