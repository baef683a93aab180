import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

// `npm run backup` copies the live database while the app writes to it, and `npm run
// restore` puts a copy back (docs/decisions/014-durability.md). The writes here come from
// this process (the app's Prisma client) while the scripts run in their own processes, as
// they would beside a serving app.

const run = promisify(execFile);
const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
const SEEDED = 5_000;
const dir = mkdtempSync(path.join(os.tmpdir(), "hailong-backup-test-"));
const liveFile = process.env.DATABASE_URL!.slice("file:".length);

interface BackupResult {
  path: string;
  bytes: number;
  counts: Record<string, number>;
}

let survey: Awaited<ReturnType<typeof createSurvey>>;

/** One questionnaire and its 22 answers in one transaction, as a submission writes them. */
async function writeResponse() {
  await prisma.response.create({
    data: {
      id: randomUUID(),
      roundId: survey.round.id,
      unitId: survey.units.dept.id,
      mode: "online",
      language: "vi",
      status: "submitted",
      currentStep: "done",
      startedAt: new Date(),
      submittedAt: new Date(),
      answers: { createMany: { data: CRITERIA.map((itemCode, i) => ({ itemCode, value: 1 + (i % 5) })) } },
    },
  });
}

beforeAll(async () => {
  survey = await createSurvey({ units: [{ key: "dept", level: "department", population: 100 }] });
  await writeResponse();
  // Enough rows that the copy takes a while: questionnaires copied from the one above, with
  // its answers, generated in SQL (one statement each, so seeding takes well under a second).
  await prisma.$executeRawUnsafe(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED})
    INSERT INTO "Response" ("id", "roundId", "unitId", "mode", "language", "status", "currentStep", "startedAt", "updatedAt", "submittedAt")
    SELECT 'seed-' || n.i, r."roundId", r."unitId", r."mode", r."language", r."status", r."currentStep", r."startedAt", r."updatedAt", r."submittedAt"
    FROM n, (SELECT * FROM "Response" LIMIT 1) AS r`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value")
    SELECT r."id", a."itemCode", a."choice", a."value" FROM "Response" AS r, (SELECT * FROM "Answer" WHERE "responseId" = (SELECT "id" FROM "Response" WHERE "id" NOT LIKE 'seed-%' LIMIT 1)) AS a
    WHERE r."id" LIKE 'seed-%'`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, args: string[], databaseUrl = process.env.DATABASE_URL!) {
  return run("node", [`scripts/${name}.mjs`, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/** Questionnaires in a database file that do not have all their answers (a torn write). */
function incompleteResponses(db: Database.Database): number {
  return db
    .prepare(`SELECT COUNT(*) FROM "Response" AS r WHERE (SELECT COUNT(*) FROM "Answer" AS a WHERE a."responseId" = r."id") <> ${CRITERIA.length}`)
    .pluck()
    .get() as number;
}

// SQLite's backup; PostgreSQL deployments use pg_dump (docs/operations.md, "Backups and durability"),
// so the PostgreSQL pass of the data tests (docs/decisions/015) skips this file.
describe.skipIf(Boolean(process.env.HAILONG_TEST_POSTGRES_URL))("npm run backup while the app writes", () => {
  let backup: BackupResult;
  let before = 0;
  let after = 0;

  beforeAll(async () => {
    before = await prisma.response.count();
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await writeResponse();
        // The adapter answers synchronously, so without this the loop would be all
        // microtasks and never let the event loop see the backup process exit.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      const { stdout } = await script("backup", ["--dir", dir, "--json"]);
      backup = JSON.parse(stdout) as BackupResult;
    } finally {
      writing = false;
      await writer;
    }
    after = await prisma.response.count();
  });

  it("copies a consistent snapshot: whole transactions only, between the counts before and after", () => {
    expect(path.basename(backup.path)).toMatch(/^hailong-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    // The app kept writing while the backup process ran.
    expect(after).toBeGreaterThan(before);
    const db = new Database(backup.path, { readonly: true });
    try {
      expect(db.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
      const responses = db.prepare(`SELECT COUNT(*) FROM "Response"`).pluck().get() as number;
      expect(responses).toBe(backup.counts.Response);
      expect(responses).toBeGreaterThanOrEqual(before);
      expect(responses).toBeLessThanOrEqual(after);
      expect(backup.counts.Answer).toBe(responses * CRITERIA.length);
      expect(incompleteResponses(db)).toBe(0);
    } finally {
      db.close();
    }
  });

  it("restores into a new file, checked and with the same rows", async () => {
    const restored = path.join(dir, "restored.db");
    const { stdout } = await script("restore", [backup.path], `file:${restored}`);
    expect(stdout).toContain("integrity_check ok");
    const db = new Database(restored, { readonly: true });
    try {
      expect(db.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
      expect(db.prepare(`SELECT COUNT(*) FROM "Response"`).pluck().get()).toBe(backup.counts.Response);
      expect(db.prepare(`SELECT COUNT(*) FROM "Answer"`).pluck().get()).toBe(backup.counts.Answer);
      expect(incompleteResponses(db)).toBe(0);
    } finally {
      db.close();
    }
  });

  it("keeps the replaced database aside", async () => {
    const target = path.join(dir, "replaced.db");
    const old = new Database(target);
    old.exec(`CREATE TABLE "Old" (x); INSERT INTO "Old" VALUES (1);`);
    old.close();
    await script("restore", [backup.path], `file:${target}`);
    const aside = readdirSync(dir).filter((name) => name.startsWith("replaced.db.before-restore-"));
    expect(aside).toHaveLength(1);
    const kept = new Database(path.join(dir, aside[0]), { readonly: true });
    expect(kept.prepare(`SELECT COUNT(*) FROM "Old"`).pluck().get()).toBe(1);
    kept.close();
    const now = new Database(target, { readonly: true });
    expect(now.prepare(`SELECT COUNT(*) FROM "Response"`).pluck().get()).toBe(backup.counts.Response);
    now.close();
  });

  it("refuses while the database is open in another process (the app)", async () => {
    await prisma.response.count(); // this process holds the live file open
    await expect(script("restore", [backup.path])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("stop the app") });
    expect(existsSync(liveFile)).toBe(true);
    expect(await prisma.response.count()).toBe(after);
  });

  it("refuses a file that is not a sound database, and leaves the current one alone", async () => {
    const target = path.join(dir, "untouched.db");
    const keep = new Database(target);
    keep.exec(`CREATE TABLE "Keep" (x)`);
    keep.close();
    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, "SQLite format 3\0 but not really".repeat(200));
    await expect(script("restore", [garbage], `file:${target}`)).rejects.toMatchObject({ code: 1 });
    const partialBackup = path.join(dir, "not-hailong.db");
    new Database(partialBackup).exec(`CREATE TABLE "Other" (x)`);
    await expect(script("restore", [partialBackup], `file:${target}`)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("not a Hài Lòng database"),
    });
    const still = new Database(target, { readonly: true });
    expect(still.prepare(`SELECT name FROM sqlite_master`).pluck().all()).toEqual(["Keep"]);
    still.close();
  });
});
