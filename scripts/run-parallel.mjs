#!/usr/bin/env node
// Runs npm scripts side by side and fails if any fails: `node scripts/run-parallel.mjs typecheck lint build`.
// `npm test` uses it for steps that do not depend on each other and are each single-threaded
// (tsc, eslint, vite's build), so the machine's two cores both work. Each script's output is
// held and printed whole when it ends, so the log reads as if they had run one after another.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error("Usage: node scripts/run-parallel.mjs <npm script>…");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(npm, ["run", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
      const chunks = [];
      child.stdout.on("data", (chunk) => chunks.push(chunk));
      child.stderr.on("data", (chunk) => chunks.push(chunk));
      child.on("close", (code, signal) => {
        process.stdout.write(Buffer.concat(chunks));
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        console.log(`[run-parallel] ${script}: ${code === 0 ? "ok" : `FAILED (${signal ?? `exit ${code}`})`} after ${seconds} s\n`);
        resolve(code === 0);
      });
    }),
);
const results = await Promise.all(runs);
process.exit(results.every(Boolean) ? 0 : 1);
