#!/usr/bin/env node
// Browser tests run on Debian's Chromium (Playwright's own browser downloads cannot be
// reached here: docs/stack.md). Use CHROMIUM_PATH when set; else /usr/bin/chromium;
// else install it with apt-get when running as root (CI and the project's machines);
// else say what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const wanted = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(wanted)) {
  console.log(`Chromium: ${wanted}`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error("Chromium is missing. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}
console.log("Chromium is missing: installing Debian's package (apt-get install chromium)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execSync("apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-noto-core", {
  stdio: "inherit",
  env,
});
if (!existsSync("/usr/bin/chromium")) {
  console.error("apt-get finished but /usr/bin/chromium is still missing.");
  process.exit(1);
}
