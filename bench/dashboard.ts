/**
 * npm run bench:dashboard — what reading a round for the dashboard costs, row by row against
 * the aggregate queries (docs/decisions/016-dashboard-aggregates.md):
 *  - old: every counted questionnaire's answers into Node (tests/support/round-responses.ts,
 *    the reader ADR 016 replaced, now the tests' reference), then computeRound;
 *  - new: the aggregate statement (app/models/round-aggregates.server.ts), then
 *    computeRoundFromAggregates; also a respondent-group view (women).
 * On the demo round (lai-chau-2020, 625 questionnaires) and a synthetic round of
 * BENCH_DASHBOARD_RESPONSES (default 20,000) over the same 47 units, on SQLite and, when
 * the local server answers (BENCH_POSTGRES_URL, default the docs/stack.md one), PostgreSQL.
 * Each database is built fresh (migrations, seed, then the synthetic round written through
 * the driver, bench/lib/synthetic-round.ts) and measured in its own process: median and
 * minimum wall time of BENCH_RUNS (default 5), and the median CPU time of the measuring
 * process, which on SQLite includes the database's work and so depends less on the
 * shared machine's load (on PostgreSQL the server's CPU is not in it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freshDatabase } from "./lib/database";
import { addSyntheticRoundPostgres, addSyntheticRoundSqlite } from "./lib/synthetic-round";

const RESPONSES = Number(process.env.BENCH_DASHBOARD_RESPONSES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SYNTHETIC = "bench-dashboard";
const SEED = 20200907;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const self = fileURLToPath(import.meta.url);

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

/** Wall and CPU time (this process: on SQLite that includes the database's work) of RUNS runs. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number[]; cpu: number[]; value: T }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    value = await work();
    const used = process.cpuUsage(cpuStart);
    ms.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms, cpu, value };
}

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const summary = (t: { ms: number[]; cpu: number[] }) =>
  `${median(t.ms)} | ${Math.round(Math.min(...t.ms))} | ${median(t.cpu)}`;

/** Child process: DATABASE_URL is set; time both paths on both rounds. */
async function measure(label: string) {
  const { prisma } = await import("~/db/prisma.server");
  const { computeRound, computeRoundFromAggregates } = await import("../analysis");
  const { getInstrument } = await import("~/models/instrument.server");
  const { aggregateRound } = await import("~/models/round-aggregates.server");
  const { loadRoundResponses, pickView, viewInput } = await import("../tests/support/round-responses");
  const rows: string[] = [];
  for (const code of ["lai-chau-2020", SYNTHETIC]) {
    const round = await prisma.round.findUniqueOrThrow({ where: { code } });
    const instrument = await getInstrument(round.instrumentId);
    const old = await timed(async () => {
      const loaded = await loadRoundResponses(round.id, instrument);
      return computeRound(viewInput(loaded, pickView(loaded, {}))).meta.n_responses;
    });
    const loaded = await loadRoundResponses(round.id, instrument);
    const all = pickView(loaded, {});
    const input = viewInput(loaded, all);
    const unitIds = all.units.map((u) => u.id);
    const queries = await timed(() => aggregateRound(round.id, instrument, { unitIds, filter: {} }));
    const compute = await timed(async () => computeRoundFromAggregates(input, queries.value));
    const fresh = await timed(
      async () =>
        computeRoundFromAggregates(input, await aggregateRound(round.id, instrument, { unitIds, filter: {} })).meta
          .n_responses,
    );
    const women = await timed(async () => {
      const view = viewInput(loaded, pickView(loaded, { gender: "female" }));
      return computeRoundFromAggregates(
        view,
        await aggregateRound(round.id, instrument, { unitIds, filter: { gender: "female" } }),
      ).meta.n_responses;
    });
    if (fresh.value !== old.value)
      throw new Error(`${code}: ${fresh.value} questionnaires by aggregates, ${old.value} the old way`);
    const n = `${code} (${old.value.toLocaleString("en")})`;
    rows.push(
      `| ${label} | ${n} | old: read answers + computeRound | ${summary(old)} |`,
      `| ${label} | ${n} | new: aggregate query | ${summary(queries)} |`,
      `| ${label} | ${n} | new: computeRoundFromAggregates | ${summary(compute)} |`,
      `| ${label} | ${n} | **new: query + compute** | ${summary(fresh)} |`,
      `| ${label} | ${n} | new: women only (${women.value.toLocaleString("en")}) | ${summary(women)} |`,
    );
  }
  await prisma.$disconnect();
  console.log(rows.join("\n"));
}

function child(url: string, label: string) {
  return execFileSync("npx", ["tsx", self, "--measure", label], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const server = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 3000 });
  try {
    await server.connect();
  } catch {
    return null;
  }
  const name = `hailong_bench_dashboard_${process.pid}`;
  await server.query(`CREATE DATABASE "${name}"`);
  await server.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  execFileSync("node", ["scripts/db-migrate.mjs"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "pipe" });
  await addSyntheticRoundPostgres(url.toString(), SYNTHETIC, RESPONSES, SEED);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main() {
  const cpu = os.cpus();
  const before = load();
  const dir = mkdtempSync(path.join(os.tmpdir(), "hailong-dashboard-bench-"));
  const out: string[] = [];
  try {
    const sqlite = await freshDatabase(path.join(dir, "dashboard.db"));
    addSyntheticRoundSqlite(sqlite.url, SYNTHETIC, RESPONSES, SEED);
    out.push(child(sqlite.url, "SQLite").trim());
    sqlite.drop();
    if (process.env.BENCH_POSTGRES !== "0") {
      const postgres = await postgresDatabase();
      if (postgres) {
        try {
          out.push(child(postgres.url, "PostgreSQL").trim());
        } finally {
          await postgres.drop();
        }
      } else console.log(`(PostgreSQL at ${POSTGRES} not reachable: skipped)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Run ${new Date().toISOString()}. Machine: ${cpu[0]?.model ?? "?"}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 20).toLocaleString("en")} MiB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`,
  );
  console.log(`Load average (1 / 5 / 15 min) before: ${before}; after: ${load()}. ${RUNS} runs each, ms.\n`);
  console.log(
    "| database | round (questionnaires) | step | median | min | CPU (median) |\n|---|---|---|---:|---:|---:|",
  );
  console.log(out.join("\n"));
}

if (process.argv[2] === "--measure") await measure(process.argv[3]);
else await main();
