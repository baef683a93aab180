/**
 * npm run bench:submit — complete submissions per second against the production build
 * (node server.mjs on BUILD_DIR, default build/), beside a baseline measured in the same run.
 *
 * A complete submission is one enumerator interview (profile, E1–E5, expectations, comment:
 * every question answered) uploaded to POST /api/sync/interviews — the one request that
 * stores a whole questionnaire; the citizen's own path takes ~10 requests (a step per page).
 * Each scenario gets a fresh copy of one seeded database (migrations + demo data + a
 * collecting round with an enumerator) and its own server process; autocannon runs in this
 * process on the same 2 cores, so the load generator's CPU is part of every number.
 * SQLite and PostgreSQL (a local server, BENCH_POSTGRES_URL, bench/lib/database.ts) both run
 * by default; BENCH_DATABASE=sqlite or postgres runs one. The PostgreSQL server's own CPU is
 * not in "server CPU" (that is the Node process only).
 * Rate limits stay on, raised far above the load (tests/support/server.ts), so their
 * database lookups are measured. After each run the stored rows are counted, so
 * "responses/s" is what the database holds, not what the client believes.
 *
 * Scenarios: the baseline (bench/baseline-server.ts: node:http + the app's own store,
 * storeInterviews) and the app, each with 1 and 10 interviews per request in one process,
 * and with 10 in two (WEB_CONCURRENCY=2, node:cluster: one per core; CPU counts both); on
 * SQLite at SQLITE_SYNCHRONOUS=FULL (the default) and NORMAL; and the app offered a fixed
 * BENCH_RATE interviews per second (default 1,000, the goal; `-at1000` in the name) at a
 * constant rate (bench/lib/open-loop.ts), in batches of 10 and one by one. BENCH_SECONDS (default 15),
 * BENCH_CONNECTIONS (default 10), BENCH_SCENARIOS (comma-separated names) choose.
 * BENCH_CPU_PROF=<dir> runs the app's server under `node --cpu-prof` into that folder.
 */
import autocannon, { type Result as AutocannonResult } from "autocannon";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Interview } from "~/domain/interviews/interview-schema";
import { openLoop, quantile } from "./lib/open-loop";
import { signInThroughForm as signIn } from "../tests/support/auth";
import { fetchPackage, interviewMaker } from "../tests/support/factories/interviews";
import { startAppServer, startServerProcess, type AppServer } from "../tests/support/server";
import {
  addEnumerator,
  copyDatabase,
  freshDatabase,
  freshPostgresDatabase,
  storedResponses,
  type BenchDatabase,
  type BenchEnumerator,
} from "./lib/database";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const APP_PORT = 3162;
const BASELINE_PORT = 3163;

type DatabaseKind = "sqlite" | "postgres";

interface Scenario {
  name: string;
  database: DatabaseKind;
  server: "app" | "baseline";
  batch: number;
  /** Server processes sharing the port (WEB_CONCURRENCY). */
  processes: number;
  /** SQLite's synchronous level; PostgreSQL runs with its defaults (fsync, synchronous_commit on). */
  synchronous: "FULL" | "NORMAL" | null;
  /**
   * Interviews per second to offer at a constant rate (bench/lib/open-loop.ts, in requests
   * of `batch`), or null for autocannon's closed loop, as fast as the server answers. A
   * closed loop's latency is only its connections divided by its throughput (Little's law);
   * at a constant rate it is what a phone syncing at that moment waits, counted from when its
   * request was due.
   */
  rate: number | null;
}

/** The databases and levels every scenario runs on, with the tag its name carries. */
const DATABASES = [
  ["sqlite", "FULL", "full"],
  ["sqlite", "NORMAL", "normal"],
  ["postgres", null, "pg"],
] as const;

/** Each server at 1 process, and at 2 (WEB_CONCURRENCY=2: node:cluster, one per core) for batches of 10. */
const SCENARIOS: Scenario[] = DATABASES.flatMap(([database, synchronous, tag]) =>
  (
    [
      [1, 1],
      [10, 1],
      [10, 2],
    ] as const
  ).flatMap(([batch, processes]) =>
    (["baseline", "app"] as const).map((server) => ({
      name: `${server}-${tag}${batch > 1 ? `-batch${batch}` : ""}${processes > 1 ? `-x${processes}` : ""}`,
      database,
      server,
      batch,
      processes,
      synchronous,
      rate: null,
    })),
  ),
);

/**
 * The goal's own question (issue 7): 1,000 complete submissions per second with p99 under
 * 100 ms. Offered at that rate, in batches of 10 (as the phone syncs) and one by one.
 */
const RATE = Number(process.env.BENCH_RATE ?? 1000);
SCENARIOS.push(
  ...DATABASES.flatMap(([database, synchronous, tag]) =>
    ([10, 1] as const).map((batch) => ({
      name: `app-${tag}${batch > 1 ? `-batch${batch}` : ""}-at${RATE}`,
      database,
      server: "app" as const,
      batch,
      processes: 1,
      synchronous,
      rate: RATE,
    })),
  ),
);

interface Outcome {
  scenario: Scenario;
  requestsPerSecond: number;
  responsesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  notStored: number;
  stored: number;
  /** Server process CPU time (user + system) per stored response: independent of other load. */
  cpuMsPerResponse: number;
  /** SQLite: the write-ahead log's size at the end, in MB (the checkpoints keep it small). */
  walMegabytes: number | null;
}

/** CPU seconds (user + system) a process and its child processes (cluster workers) have used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  const stat = (id: string) => readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1].split(" ");
  let total = 0;
  for (const id of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = stat(id);
      // fields[1] is the parent's pid; utime and stime are in clock ticks (USER_HZ = 100).
      if (id === String(pid) || fields[1] === String(pid)) total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** What a load run measured, closed loop (autocannon) or open loop (a fixed rate). */
interface Measured {
  requests: number;
  duration: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  acknowledged: number;
  notStored: number;
}

/** Counts the interviews a sync response acknowledged as stored, and those it did not. */
function acknowledgements() {
  const counts = { acknowledged: 0, notStored: 0 };
  const onResponse = (status: number, body: string) => {
    if (status !== 200) return;
    for (const r of (JSON.parse(body) as { results: { status: string }[] }).results) {
      if (r.status === "stored") counts.acknowledged += 1;
      else counts.notStored += 1;
    }
  };
  return { counts, onResponse };
}

async function measure(
  url: string,
  headers: Record<string, string>,
  batch: number,
  make: () => Interview,
  seconds: number,
  rate: number | null,
): Promise<Measured> {
  const { counts, onResponse } = acknowledgements();
  if (rate === null) {
    const result = await load(url, headers, batch, make, seconds, onResponse);
    const { p50, p99, max } = result.latency;
    return {
      requests: result.requests.total,
      duration: result.duration,
      p50,
      p99,
      max,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      ...counts,
    };
  }
  const result = await openLoop({
    url: `${url}/api/sync/interviews`,
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: () => JSON.stringify({ interviews: Array.from({ length: batch }, make) }),
    ratePerSecond: rate / batch,
    seconds,
    maxConnections: 64,
    onResponse,
  });
  const ms = (q: number) => Math.round(quantile(result.latencies, q));
  return {
    requests: result.completed,
    duration: result.duration,
    p50: ms(0.5),
    p99: ms(0.99),
    max: ms(1),
    errors: result.errors,
    non2xx: result.non2xx,
    ...counts,
  };
}

function load(
  url: string,
  headers: Record<string, string>,
  batch: number,
  make: () => Interview,
  seconds: number,
  onResponse: (status: number, body: string) => void = () => {},
) {
  return new Promise<AutocannonResult>((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/sync/interviews`,
        method: "POST",
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
        headers: { ...headers, "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ interviews: Array.from({ length: batch }, make) }),
            }),
            onResponse,
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function runScenario(
  scenario: Scenario,
  template: BenchDatabase,
  enumerator: BenchEnumerator,
  dir: string,
): Promise<Outcome> {
  const copy =
    scenario.database === "postgres"
      ? `hailong_bench_${scenario.name.replace(/-/g, "_")}`
      : path.join(dir, `${scenario.name}.db`);
  const database = await copyDatabase(template, copy);
  const env = {
    SQLITE_SYNCHRONOUS: scenario.synchronous ?? "FULL",
    BENCH_USER_EMAIL: enumerator.email,
    WEB_CONCURRENCY: String(scenario.processes),
  };
  let server: AppServer;
  let headers: Record<string, string> = {};
  if (scenario.server === "app") {
    const profile = process.env.BENCH_CPU_PROF;
    const nodeArgs = profile
      ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`, `--cpu-prof-name=${scenario.name}.cpuprofile`]
      : [];
    server = await startAppServer({ databaseUrl: database.url, port: APP_PORT, env, nodeArgs });
    headers = { cookie: await signIn(server.url, enumerator.email, enumerator.password) };
  } else {
    // tsx as a loader of this node process (its CLI would run the server in a child, out of reach of cpuSeconds).
    server = await startServerProcess(["--import", "tsx", "bench/baseline-server.ts"], {
      databaseUrl: database.url,
      port: BASELINE_PORT,
      env,
    });
  }
  try {
    // The package comes from the app in both cases (the baseline has no such route).
    const pack = await packageFor(enumerator, template);
    const make = interviewMaker(pack, enumerator.roundCode, enumerator.unitCode);
    await load(server.url, headers, scenario.batch, make, 2); // warm-up: JIT, caches, the WAL file
    const before = (await storedResponses(database, enumerator.roundCode)).length;
    const cpuBefore = cpuSeconds(server.process.pid);
    const measured = await measure(server.url, headers, scenario.batch, make, SECONDS, scenario.rate);
    const cpuUsed = cpuSeconds(server.process.pid) - cpuBefore;
    const stored = (await storedResponses(database, enumerator.roundCode)).length - before;
    return {
      scenario,
      requestsPerSecond: measured.requests / measured.duration,
      responsesPerSecond: stored / measured.duration,
      p50: measured.p50,
      p99: measured.p99,
      max: measured.max,
      errors: measured.errors,
      non2xx: measured.non2xx,
      // Stored may exceed acknowledged: requests in flight when autocannon stops still commit.
      notStored: measured.notStored + Math.max(0, measured.acknowledged - stored),
      stored,
      cpuMsPerResponse: stored ? (cpuUsed * 1000) / stored : NaN,
      walMegabytes:
        scenario.database === "sqlite" && existsSync(`${copy}-wal`) ? statSync(`${copy}-wal`).size / 1048576 : null,
    };
  } finally {
    await server.stop();
    if (server.errors().trim()) process.stderr.write(`${scenario.name} server stderr:\n${server.errors()}\n`);
    await database.drop();
  }
}

let cachedPackage: Awaited<ReturnType<typeof fetchPackage>> | null = null;
async function packageFor(enumerator: BenchEnumerator, template: BenchDatabase) {
  if (cachedPackage) return cachedPackage;
  const server = await startAppServer({ databaseUrl: template.url, port: APP_PORT + 1 + 1 });
  try {
    cachedPackage = await fetchPackage(server.url, await signIn(server.url, enumerator.email, enumerator.password));
    return cachedPackage;
  } finally {
    await server.stop();
  }
}

async function main() {
  const wanted = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim());
  const databases = (process.env.BENCH_DATABASE ?? "sqlite,postgres").split(",").map((d) => d.trim());
  const scenarios = SCENARIOS.filter((s) => databases.includes(s.database) && (!wanted || wanted.includes(s.name)));
  const dir = mkdtempSync(path.join(os.tmpdir(), "hailong-submit-bench-"));
  const cpus = os.cpus();
  const load0 = os.loadavg();
  console.log(
    `machine: ${cpus[0]?.model ?? "?"} × ${cpus.length}, ${Math.round(os.totalmem() / 1048576)} MB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `load average at start: ${load0.map((l) => l.toFixed(1)).join(", ")}; ${CONNECTIONS} connections, ${SECONDS} s per scenario`,
  );
  try {
    const templates = new Map<DatabaseKind, { template: BenchDatabase; enumerator: BenchEnumerator }>();
    for (const kind of new Set(scenarios.map((s) => s.database))) {
      const template =
        kind === "postgres"
          ? await freshPostgresDatabase("hailong_bench_template")
          : await freshDatabase(path.join(dir, "template.db"));
      templates.set(kind, { template, enumerator: await addEnumerator(template, "load") });
    }
    const outcomes: Outcome[] = [];
    for (const scenario of scenarios) {
      const { template, enumerator } = templates.get(scenario.database)!;
      const outcome = await runScenario(scenario, template, enumerator, dir);
      outcomes.push(outcome);
      console.log(
        `${scenario.name}: ${outcome.stored} stored, ${outcome.responsesPerSecond.toFixed(1)} responses/s, p50 ${outcome.p50} ms, p99 ${outcome.p99} ms, ` +
          `errors ${outcome.errors}, non-2xx ${outcome.non2xx}, server CPU ${outcome.cpuMsPerResponse.toFixed(2)} ms/response, WAL ${outcome.walMegabytes?.toFixed(1) ?? "—"} MB (load ${os.loadavg()[0].toFixed(1)})`,
      );
    }
    console.log(
      "\n| database | scenario | synchronous | processes | interviews/request | offered/s | requests/s | complete responses/s | p50 ms | p99 ms | max ms | errors | non-2xx | not stored | server CPU ms/response | WAL MB |",
    );
    console.log("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const o of outcomes) {
      const s = o.scenario;
      console.log(
        `| ${s.database === "postgres" ? "PostgreSQL" : "SQLite"} | ${s.server === "app" ? "app: POST /api/sync/interviews" : "baseline: node:http + same store"} | ${s.synchronous ?? "—"} | ${s.processes} | ${s.batch} | ${s.rate ?? "max"} | ${o.requestsPerSecond.toFixed(0)} | ${o.responsesPerSecond.toFixed(0)} | ${o.p50} | ${o.p99} | ${o.max} | ${o.errors} | ${o.non2xx} | ${o.notStored} | ${o.cpuMsPerResponse.toFixed(2)} | ${o.walMegabytes?.toFixed(1) ?? "—"} |`,
      );
    }
    console.log(
      `\nload average at end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")}`,
    );
    for (const { template } of templates.values()) await template.drop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
