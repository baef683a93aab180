/**
 * npm run bench:pages (bench/page-weight.ts) — what every public page costs a phone: its HTML and the
 * CSS it links, gzipped (level 9, as a proxy's compression would), and the JavaScript it
 * loads, counted apart (the pages work without it). Runs the production build (BUILD_DIR)
 * on a fresh seeded database; the survey steps are read inside one questionnaire started
 * through the real form. The citizen survey's goal: HTML + CSS < 30 KB gzipped (issue 7).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startAppServer } from "../tests/support/server";
import { freshDatabase } from "./lib/database";

const PORT = 3166;
const ROUND = "lai-chau-2020";
const UNIT = "so-noi-vu";
const STEPS = ["profile", "E1", "E2", "E3", "E4", "E5", "expectations", "comment", "review"];
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const assetCache = new Map<string, number>();
async function assetSize(url: string): Promise<number> {
  if (!assetCache.has(url)) assetCache.set(url, gz(await (await fetch(url)).text()));
  return assetCache.get(url)!;
}

async function measure(base: string, page: string, cookie = "") {
  const response = await fetch(`${base}${page}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const js = new Set(
    [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((m) => m[1]),
  );
  let cssBytes = 0;
  for (const href of css) cssBytes += await assetSize(new URL(href, base).href);
  let jsBytes = 0;
  for (const src of js) jsBytes += await assetSize(new URL(src, base).href);
  return { page, status: response.status, html: gz(html), css: cssBytes, js: jsBytes };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hailong-page-weight-"));
  const database = await freshDatabase(path.join(dir, "pages.db"));
  const server = await startAppServer({ databaseUrl: database.url, port: PORT });
  try {
    const rows = [];
    for (const page of [
      "/",
      `/s/${ROUND}`,
      `/s/${ROUND}/${UNIT}`,
      "/i/LC2020-DEMO-NOIVU",
      "/i/LC2020-DEMO-EXPIRED",
      `/results/${ROUND}`,
      `/results/${ROUND}/${UNIT}`,
      `/public/${ROUND}`,
      "/login",
      "/enumerator",
    ]) {
      rows.push(await measure(server.url, page));
    }
    // One questionnaire, started through the form, then every step and the thank-you page.
    const start = await fetch(`${server.url}/s/${ROUND}/${UNIT}`, {
      method: "POST",
      body: new URLSearchParams({ responseId: crypto.randomUUID(), language: "vi" }),
      redirect: "manual",
    });
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    for (const step of STEPS) rows.push(await measure(server.url, `/s/${ROUND}/${UNIT}/${step}`, cookie));

    console.log(`Run ${new Date().toISOString()}, production build, demo data; gzip -9 sizes in KB.\n`);
    console.log("| page | status | HTML | CSS | HTML + CSS | JS (apart) |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const r of rows)
      console.log(
        `| \`${r.page}\` | ${r.status} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.html + r.css)} | ${kb(r.js)} |`,
      );
    const survey = rows.filter((r) => r.page.startsWith("/s/") || r.page.startsWith("/i/"));
    const worst = Math.max(...survey.map((r) => r.html + r.css));
    console.log(
      `\nCitizen survey pages: largest HTML + CSS ${kb(worst)} KB (goal < 30 KB): ${worst < 30 * 1024 ? "met" : "NOT met"}.`,
    );
  } finally {
    await server.stop();
    database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
