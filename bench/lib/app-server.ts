/**
 * The production server (`npm start`: node server.mjs on the build) started on a given
 * database and port, for the submission benchmark and the crash test. Spawned as `node`
 * itself (not through npm/npx), so SIGKILL hits the server and nothing in between.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { EnumeratorPackage, Interview } from "../../app/domain/interviews/interview-schema";

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** stderr so far (the server's errors), for a failing run's report. */
  errors(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no flush, as a crash or the OOM killer would. */
  kill(): Promise<void>;
}

/** Limits raised far above any benchmark's rate, so the limiter still runs (its cost is measured) but never refuses. */
export const RAISED_RATE_LIMITS = {
  RATE_LIMIT_SURVEY_IP: "1000000000",
  RATE_LIMIT_SURVEY_TOKEN: "1000000000",
  RATE_LIMIT_LOGIN_IP: "1000000000",
  RATE_LIMIT_LOGIN_EMAIL: "1000000000",
  RATE_LIMIT_SYNC_USER: "1000000000",
};

export async function startAppServer(options: {
  databaseUrl: string;
  port: number;
  buildDir?: string;
  env?: Record<string, string>;
  /** Options for node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}): Promise<AppServer> {
  const buildDir = options.buildDir ?? process.env.BUILD_DIR ?? "build";
  return startServerProcess([...(options.nodeArgs ?? []), "server.mjs", path.resolve(buildDir, "server/index.js")], options);
}

/** Any server script run by node (args after node itself), with the same environment. */
export async function startServerProcess(args: string[], options: { databaseUrl: string; port: number; env?: Record<string, string> }): Promise<AppServer> {
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...RAISED_RATE_LIMITS,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      SESSION_SECRET: process.env.SESSION_SECRET ?? "bench-only-secret-not-for-production",
      ...options.env,
    },
    // The request log (one line per request) is part of production's cost; it is discarded here.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child, () => stderr);
  return {
    url,
    process: child,
    errors: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer /healthz within 60 s: ${stderr()}`);
}

/** Sign in through the real form; returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/account" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (response.status !== 302 || !cookies.length) throw new Error(`sign-in failed: ${response.status}`);
  return cookies.join("; ");
}

export async function fetchPackage(url: string, cookie: string): Promise<EnumeratorPackage> {
  const response = await fetch(`${url}/api/enumerator/package`, { headers: { cookie } });
  if (!response.ok) throw new Error(`package: ${response.status}`);
  return (await response.json()) as EnumeratorPackage;
}

/**
 * Makes complete interviews for one round and unit, each with a new UUID: criteria 5 and 4
 * in turn, other questions their first option. Each ends a minute before the previous one,
 * so the quality rules see an enumerator's normal pace (no same-minute flags).
 */
export function interviewMaker(pack: EnumeratorPackage, roundCode: string, unitCode: string) {
  const round = pack.rounds.find((r) => r.code === roundCode);
  if (!round) throw new Error(`round ${roundCode} is not in the enumerator's package`);
  const answers: Interview["answers"] = {};
  let n = 0;
  for (const section of round.instrument.sections) {
    answers[section.code] = {};
    for (const item of section.items) {
      if (item.kind === "likert") answers[section.code][item.code] = n++ % 2 ? "4" : "5";
      if (item.kind === "single") answers[section.code][item.code] = item.options![0].code;
      if (item.kind === "multi") answers[section.code][item.code] = [item.options![0].code];
      if (item.kind === "text") answers[section.code][item.code] = "Cán bộ nhiệt tình, thủ tục nhanh.";
    }
  }
  const base = Date.now();
  let made = 0;
  return (): Interview => {
    made += 1;
    const ended = base - made * 60_000;
    return {
      id: crypto.randomUUID(),
      roundCode,
      unitCode,
      frameRowId: null,
      language: "vi",
      interpretedInto: null,
      startedAt: new Date(ended - 15 * 60_000).toISOString(),
      endedAt: new Date(ended).toISOString(),
      location: null,
      answers,
    };
  };
}

/** Answer rows a complete interview of this package's round stores (for checks). */
export function answerRowCount(interview: Interview): number {
  return Object.values(interview.answers).reduce(
    (sum, values) => sum + Object.values(values).reduce((s, v) => s + (Array.isArray(v) ? v.length : v === "" ? 0 : 1), 0),
    0,
  );
}
