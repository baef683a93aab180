import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Vitest global setup: build one SQLite file from the committed migrations (the real
 * schema, no mocked Prisma). Each test file copies it (tests/setup/test-db.ts), so tests
 * never see each other's rows. STYLE.md, after Epic Stack's tests/setup/db-setup.ts.
 */
export default function setup() {
  // One template per run, so two runs in the same tree do not delete each other's.
  const TEMPLATE_DB = path.resolve(`tests/.tmp/template-${process.pid}.db`);
  process.env.HAILONG_TEMPLATE_DB = TEMPLATE_DB;
  mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  rmSync(TEMPLATE_DB, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  return () => rmSync(TEMPLATE_DB, { force: true });
}
