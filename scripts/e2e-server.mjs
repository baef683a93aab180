#!/usr/bin/env node
// The server the end-to-end tests talk to: a fresh SQLite file (migrations + demo seed +
// the test fixtures of tests/e2e/fixtures.ts), then the production build on E2E_PORT.
// Needs `npm run build` first (npm test does it).
import { execSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
// One database and build per port, so parallel runs (E2E_PORT, BUILD_DIR) do not collide.
const db = path.resolve(`tests/.tmp/e2e-${port}.db`);
const buildDir = process.env.BUILD_DIR ?? "build";
mkdirSync(path.dirname(db), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
const env = { ...process.env, DATABASE_URL: `file:${db}`, NODE_ENV: "production", PORT: port, HOST: "127.0.0.1" };
execSync("npx prisma migrate deploy && npx tsx prisma/seed.ts && npx tsx tests/e2e/fixtures.ts", { stdio: "inherit", env });
const server = spawn("npx", ["remix-serve", `./${buildDir}/server/index.js`], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
