/**
 * npm run bench:frame-import (bench/frame-import.ts) — speed and memory of the sampling-frame import path.
 *
 * Runs each size of BENCH_FRAME_SIZES (default "200000,1000000") in its own child process,
 * so their peak RSS can be compared: memory that does not grow with the file gives the
 * same peak for both. For each size it writes an export of 47 units to /tmp, about 1% of rows bad
 * (unknown unit, missing phone, out of period, duplicate), builds a temporary SQLite
 * database from prisma/migrations (as tests/setup/global-db.ts does), then times
 * importFrameFile (stream + parse + validate + batched insert), accepting it, and a draw
 * of 625 + 50% reserves. Peak RSS is process.memoryUsage() sampled every 25 ms, so
 * "bounded memory" can be checked against the file size.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";

const ROWS = Number(process.env.BENCH_FRAME_ROWS ?? 0);
const dir = mkdtempSync(path.join(os.tmpdir(), "hailong-frame-bench-"));
const dbFile = path.join(dir, "bench.db");
const csvFile = path.join(dir, "frame.csv");
const UNIT_CODES = Array.from({ length: 47 }, (_, i) => `bench-unit-${String(i + 1).padStart(2, "0")}`);

async function writeCsv() {
  const out = createWriteStream(csvFile);
  out.write("\uFEFFdossier_code;unit_code;procedure;returned_at;name;phone;address\r\n");
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 100 === 99 ? Math.floor(i / 100) % 4 : -1;
    const unit = bad === 0 ? "khong-ton-tai" : UNIT_CODES[i % UNIT_CODES.length];
    const phone = bad === 1 ? "" : `09${String(i).padStart(8, "0")}`;
    const day =
      bad === 2
        ? "2019-12-31"
        : `2020-${String(8 + (i % 3)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const code = bad === 3 ? `HS-${i - 1}` : `HS-${i}`;
    const line = `${code};${unit};Thủ tục cấp giấy phép số ${i % 37};${day};Nguyễn Văn Người ${i};${phone};Thôn ${i % 90}, xã Bản Hon\r\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function main() {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: "pipe",
  });
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { prisma } = await import("~/db/prisma.server");
  const { importFrameFile, acceptFrameImport } = await import("~/models/frame.server");
  const { runDraw } = await import("~/models/draw.server");

  const instrument = await prisma.instrument.create({
    data: { code: "bench", version: 1, name: "{}", source: "bench", languages: "vi" },
  });
  const round = await prisma.round.create({
    data: {
      code: "bench",
      title: "Bench",
      periodStart: new Date("2020-01-01T00:00:00Z"),
      periodEnd: new Date("2020-12-31T00:00:00Z"),
      planReference: "bench",
      instrumentId: instrument.id,
      status: "draft",
      targetSampleSize: 625,
    },
  });
  for (const [h, code] of UNIT_CODES.entries()) {
    const unit = await prisma.unit.create({
      data: { code, name: code, level: "commune", validFrom: new Date("2019-01-01T00:00:00Z") },
    });
    await prisma.stratum.create({
      data: { roundId: round.id, unitId: unit.id, population: 4000, targetSize: 13 + (h < 14 ? 1 : 0) },
    });
  }
  await writeCsv();

  let peakRss = process.memoryUsage().rss;
  const baseRss = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  // RSS at each tenth of the file: a flat series is memory that does not grow with it.
  const rssAt: string[] = [];
  const onProgress = (rows: number) => {
    if (rows >= ((rssAt.length + 1) * ROWS) / 10) rssAt.push(`${Math.round(process.memoryUsage().rss / 1048576)}`);
  };
  const t0 = performance.now();
  const done = await importFrameFile({
    roundId: round.id,
    path: csvFile,
    fileName: "frame.csv",
    userId: null,
    onProgress,
  });
  const t1 = performance.now();
  await acceptFrameImport(round.id, done.id, null);
  const t2 = performance.now();
  await runDraw({ roundId: round.id, seed: "bench", reservePercent: 50, userId: null });
  const t3 = performance.now();
  clearInterval(sampler);

  const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? "?"} × ${cpus.length}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(`file: ${ROWS.toLocaleString("en")} rows, ${mb(statSync(csvFile).size)}`);
  console.log(
    `import (stream + validate + insert): ${((t1 - t0) / 1000).toFixed(1)} s, ${Math.round(ROWS / ((t1 - t0) / 1000)).toLocaleString("en")} rows/s; ${done.rowCount.toLocaleString("en")} good, ${done.badRowCount.toLocaleString("en")} bad`,
  );
  console.log(
    `accept: ${((t2 - t1) / 1000).toFixed(2)} s; draw (625 + 50% reserve over 47 units): ${((t3 - t2) / 1000).toFixed(2)} s`,
  );
  console.log(
    `RSS: ${mb(baseRss)} before, peak ${mb(peakRss)} (sampled every 25 ms); at each tenth of the file: ${rssAt.join(", ")} MB`,
  );
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

/** The parent: one child process per size, one after the other (the machine has 2 cores). */
function runSizes() {
  rmSync(dir, { recursive: true, force: true });
  const sizes = (process.env.BENCH_FRAME_SIZES ?? "200000,1000000").split(",").map(Number);
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")}`,
  );
  for (const size of sizes) {
    console.log(`\n— ${size.toLocaleString("en")} rows —`);
    execFileSync("npx", ["tsx", "bench/frame-import.ts"], {
      env: { ...process.env, BENCH_FRAME_ROWS: String(size) },
      stdio: "inherit",
    });
  }
  console.log(
    `\nload average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")}`,
  );
}

if (ROWS > 0) {
  main().catch((error) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
} else {
  runSizes();
}
