/**
 * npm run bench:analysis — speed of the analysis on a province-sized round.
 *
 * Generates (seeded) 1,000,000 responses × 22 criteria over 47 units and times:
 *  - baseline: a bare loop summing the same answers in a Uint8Array (the floor any
 *    analysis must pay to read the data once), and the same over response objects;
 *  - computeRoundFromMatrix: everything in estimates 1–5 from the dense matrix;
 *  - computeRound: the same from RoundInput objects (validation + matrix + analysis);
 *  - the CLI on a CSV written to /tmp (process start, parse, analysis, JSON out).
 * Reports the median and minimum of several runs with the machine's details, since the
 * machine is shared and noisy: compare each time with the baseline of the same run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { computeRound, computeRoundFromMatrix } from "../analysis/compute-round";
import { toRoundMatrix } from "../analysis/round-matrix";
import type { RoundInput, RoundUnit } from "../analysis/types";
import { elementsJson, frameCsv, responsesCsv } from "../tests/fixtures/r/round-csv-writer";
import { ELEMENTS_2017, mulberry32, syntheticRound, type UnitPlan } from "../tests/fixtures/r/synthetic-round";

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const UNITS = { department: 15, district: 8, commune: 24 } as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = 20201516;

function units(): UnitPlan[] {
  const random = mulberry32(SEED);
  const total = UNITS.department + UNITS.district + UNITS.commune;
  const plans: UnitPlan[] = [];
  for (const [level, count] of Object.entries(UNITS) as [RoundUnit["level"], number][]) {
    for (let i = 1; i <= count; i++) {
      const h = plans.length;
      const n = Math.floor(RESPONSES / total) + (h < RESPONSES % total ? 1 : 0);
      plans.push({
        code: `${level.slice(0, 2).toUpperCase()}${String(i).padStart(2, "0")}`,
        level,
        population: Math.round(n * (1.5 + 3 * random())),
        n,
      });
    }
  }
  return plans;
}

/** Wall time, and CPU time of this process (user + system), which a loaded shared machine distorts less. */
function time<T>(label: string, f: () => T): { label: string; median: number; min: number; cpu: number; value: T } {
  const times: number[] = [];
  const cpu: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    value = f();
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    label,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    cpu: cpu[Math.floor(cpu.length / 2)],
    value,
  };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function main(): void {
  const started = performance.now();
  const input: RoundInput = syntheticRound({
    seed: SEED,
    elements: ELEMENTS_2017,
    notApplicable: Object.fromEntries(ELEMENTS_2017.E5.map((c) => [c, 0.2])),
    units: units(),
  });
  const matrix = toRoundMatrix(input);
  const K = matrix.criteria.length;
  console.error(`generated ${input.responses.length} responses in ${ms(performance.now() - started)}`);

  const results = [
    time("baseline: bare loop summing answers (Uint8Array)", () => {
      let sum = 0;
      const a = matrix.answers;
      for (let i = 0; i < a.length; i++) sum += a[i];
      return sum;
    }),
    time("baseline: bare loop summing answers (response objects)", () => {
      let sum = 0;
      for (const r of input.responses) for (const c of matrix.criteria) sum += r.answers[c] ?? 0;
      return sum;
    }),
    time("computeRoundFromMatrix (estimates 1–5 from the dense matrix)", () => computeRoundFromMatrix(input, matrix)),
    time("computeRound (from RoundInput objects, incl. checks)", () => computeRound(input)),
    time("computeRoundFromMatrix without the index intervals (ADR 010)", () =>
      computeRoundFromMatrix(input, matrix, { indexIntervals: false }),
    ),
  ];

  const dir = mkdtempSync(join(os.tmpdir(), "bench-analysis-"));
  const files = {
    responses: join(dir, "responses.csv"),
    frame: join(dir, "frame.csv"),
    elements: join(dir, "elements.json"),
    out: join(dir, "out.json"),
  };
  writeFileSync(files.responses, responsesCsv(input));
  writeFileSync(files.frame, frameCsv(input));
  writeFileSync(files.elements, elementsJson(input));
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
  const cliRuns = Math.min(RUNS, 3);
  const cliTimes: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        tsx,
        join(root, "analysis/cli.ts"),
        "--responses",
        files.responses,
        "--frame",
        files.frame,
        "--elements",
        files.elements,
        "--out",
        files.out,
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    cliTimes.push(performance.now() - start);
  }
  const startupTimes: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [tsx, "-e", "0"], { stdio: "ignore" });
    startupTimes.push(performance.now() - start);
  }
  const csvBytes = statSync(files.responses).size;
  rmSync(dir, { recursive: true, force: true });
  cliTimes.sort((a, b) => a - b);
  startupTimes.sort((a, b) => a - b);

  const cpus = os.cpus();
  const lines = [
    `Run ${new Date().toISOString()} — ${RESPONSES.toLocaleString("en")} responses × ${K} criteria, ${matrix.nUnits} units, ${RUNS} runs (CLI ${cliRuns}).`,
    "",
    `Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}.`,
    "",
    `Load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}.`,
    "",
    "| what | median | min | CPU median |",
    "|---|---:|---:|---:|",
    ...results.map((r) => `| ${r.label} | ${ms(r.median)} | ${ms(r.min)} | ${ms(r.cpu)} |`),
    `| CLI: \`tsx analysis/cli.ts\` on a ${(csvBytes / 2 ** 20).toFixed(0)} MiB CSV (start, parse, analyse, write JSON) | ${ms(cliTimes[Math.floor(cliTimes.length / 2)])} | ${ms(cliTimes[0])} | |`,
    `| baseline: \`tsx -e 0\` (process start only) | ${ms(startupTimes[Math.floor(startupTimes.length / 2)])} | ${ms(startupTimes[0])} | |`,
  ];
  const core = results[2];
  lines.push(
    "",
    `Analysis / bare-loop ratio: ${(core.median / results[0].median).toFixed(1)}× (matrix path), goal < 1 s: ${core.median < 1000 ? "met" : "NOT met"}.`,
  );
  console.log(lines.join("\n"));
}

main();
