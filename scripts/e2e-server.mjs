#!/usr/bin/env node
// The server the end-to-end tests talk to: a fresh SQLite file or PostgreSQL database (migrations + demo seed +
// the test fixtures of tests/e2e/fixtures.ts), then the production build on E2E_PORT.
// Needs `npm run build` first (npm test does it).
import { execSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
// One database and build per port, so parallel runs (E2E_PORT, BUILD_DIR) do not collide.
const db = path.resolve(`tests/.tmp/e2e-${port}.db`);
const buildDir = process.env.BUILD_DIR ?? "build";
mkdirSync(path.dirname(db), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
// With HAILONG_TEST_POSTGRES_URL the same suite runs on PostgreSQL: a fresh database per
// port on that server (docs/decisions/015-postgresql.md).
const postgresServer = process.env.HAILONG_TEST_POSTGRES_URL?.trim();
let databaseUrl = `file:${db}`;
if (postgresServer) {
  const name = `hailong_e2e_${port}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresServer);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}
// HAILONG_TEST_HOOKS: failure injection for the sync tests (app/routes/api.test.fail-next-sync.ts); never in production.
const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: port, HOST: "127.0.0.1", HAILONG_TEST_HOOKS: "1" };
execSync("node scripts/db-migrate.mjs && npx tsx prisma/seed.ts && npx tsx tests/e2e/fixtures.ts", { stdio: "inherit", env });
// The production server (server.mjs, as `npm start`). Every test comes from 127.0.0.1:
// per-address limits raised; per-token and per-email limits stay as in production
// (tests/e2e/security-headers.spec.ts runs into them on keys of its own).
Object.assign(env, { RATE_LIMIT_SURVEY_IP: "1000000", RATE_LIMIT_LOGIN_IP: "1000000" });
const server = spawn("node", ["server.mjs", `./${buildDir}/server/index.js`], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
