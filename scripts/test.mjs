#!/usr/bin/env node
// `npm test`: every check of the project, in phases, each timed; a table of the durations at
// the end. The same checks as ever (typecheck, lint, build, vitest on SQLite, the data tests
// that touch SQL on PostgreSQL, the crash test on both, Playwright on SQLite, the sync and
// dashboard specs on PostgreSQL); what makes it fit in CI's budget on 2 cores:
// - steps that do not depend on each other run side by side (tsc, eslint and vite's build are
//   each single-threaded), their output held and printed whole when each ends;
// - the e2e data (migrations, the demo seed, the e2e fixtures) is built once, into a SQLite
//   file and a PostgreSQL database, while the static checks and unit tests run; the e2e
//   servers and the crash test copy it (tests/support/seeded.ts) instead of seeding 4 times.
// A phase that fails stops the run (later phases would only repeat its error) unless
// HAILONG_TEST_KEEP_GOING=1 (every phase runs, the run still fails); the table still
// prints. Its "cpu s" column is the CPU time the phase's processes used (user + system, from
// /proc: the part of a phase's time that another engineer's load on the machine does not
// inflate; the background seeding's CPU lands in the phase during which it ends).
// PostgreSQL that cannot be reached fails the run (tests/support/cli/with-postgres.ts).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const seeded = `hailong_seeded_${process.pid}`;
const env = { ...process.env };

/** Run one command; resolve with its exit status and (when held) its output. */
function run(command, args, { hold = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: hold ? ["ignore", "pipe", "pipe"] : "inherit", env });
    const chunks = [];
    if (hold) {
      child.stdout.on("data", (chunk) => chunks.push(chunk));
      child.stderr.on("data", (chunk) => chunks.push(chunk));
    }
    child.on("close", (code, signal) =>
      resolve({ ok: code === 0, why: signal ?? `exit ${code}`, output: Buffer.concat(chunks).toString() }),
    );
  });
}

const rows = [];
const clock = () => performance.now() / 1000;
/** CPU seconds of the finished child processes (cutime + cstime of /proc/self/stat), or NaN off Linux. */
function childCpu() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}
const started = clock();

/** A phase: commands side by side (one is just a command); held output when more than one. */
async function phase(name, commands) {
  console.log(`\n=== ${name}\n`);
  const begin = clock();
  const cpu = childCpu();
  const results = await Promise.all(
    commands.map(async ([command, ...args]) => {
      const result = await run(command, args, { hold: commands.length > 1 });
      if (commands.length > 1) process.stdout.write(result.output);
      if (!result.ok) console.error(`\n*** ${[command, ...args].join(" ")}: FAILED (${result.why})`);
      return result.ok;
    }),
  );
  const ok = results.every(Boolean);
  rows.push({ name, seconds: clock() - begin, cpu: childCpu() - cpu, ok });
  return ok;
}

/** The e2e data, built in the background from the moment the clients are generated. */
function buildSeeded() {
  const begin = clock();
  return run(npx, ["tsx", "tests/support/cli/seeded.ts", "build", seeded], { hold: true }).then((result) => {
    rows.push({
      name: "seed the e2e data (SQLite + PostgreSQL, in the background)",
      seconds: clock() - begin,
      cpu: NaN,
      ok: result.ok,
    });
    if (!result.ok) {
      console.error(`\n*** building the e2e data FAILED (${result.why}):\n${result.output}`);
      return false;
    }
    for (const line of result.output.trim().split("\n")) {
      const match = /^(HAILONG_SEEDED_(?:SQLITE|POSTGRES))=(.+)$/.exec(line);
      if (match) env[match[1]] = match[2];
    }
    return true;
  });
}

function table() {
  const width = Math.max(...rows.map((r) => r.name.length), 5);
  const line = (name, seconds, cpu, result) =>
    `${name.padEnd(width)}  ${seconds.padStart(7)}  ${cpu.padStart(5)}  ${result}`;
  const cpuText = (cpu) => (Number.isNaN(cpu) ? "" : cpu.toFixed(0));
  console.log(`\n${line("phase", "seconds", "cpu s", "result")}`);
  for (const r of rows) console.log(line(r.name, r.seconds.toFixed(0), cpuText(r.cpu), r.ok ? "ok" : "FAILED"));
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    line(
      "total (wall clock)",
      (clock() - started).toFixed(0),
      cpuText(childCpu()),
      rows.every((r) => r.ok) ? "ok" : "FAILED",
    ),
  );
  console.log(`load average at the end: ${load}`);
}

async function main() {
  if (!(await phase("Prisma clients (db:generate)", [[npm, "run", "db:generate"]]))) return false;
  const seeding = buildSeeded();
  const steps = [
    () =>
      phase("typecheck + lint + format + build", [
        [npm, "run", "typecheck"],
        [npm, "run", "lint"],
        [npm, "run", "format:check"],
        [npm, "run", "build:app"],
      ]),
    () => phase("vitest: unit, analysis and data tests on SQLite", [[npm, "run", "test:unit"]]),
    () => phase("vitest: data tests on PostgreSQL (vitest.postgres.config.ts)", [[npm, "run", "test:pg"]]),
    async () => (await seeding) && phase("crash test on SQLite and PostgreSQL", [[npm, "run", "test:crash"]]),
    () => phase("Playwright e2e on SQLite (phone-js, phone-no-js)", [[npm, "run", "test:e2e"]]),
    () => phase("Playwright e2e on PostgreSQL (sync + dashboard)", [[npm, "run", "test:e2e:pg"]]),
  ];
  const keepGoing = process.env.HAILONG_TEST_KEEP_GOING === "1";
  let ok = true;
  for (const step of steps) {
    if (await step()) continue;
    ok = false;
    if (!keepGoing) break;
  }
  await seeding;
  return ok;
}

const ok = await main();
await run(npx, ["tsx", "tests/support/cli/seeded.ts", "drop", seeded], { hold: true });
table();
process.exit(ok ? 0 : 1);
