/**
 * The production server (`npm start`: node server.mjs on the build) started on a given
 * database and port, for the e2e suite, the crash test and the benchmarks. Spawned as
 * `node` itself (not through npm/npx), so SIGKILL hits the server and nothing in between.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

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
  /** Where the server's stdout goes (default: discarded). */
  stdout?: "ignore" | "inherit";
}): Promise<AppServer> {
  const buildDir = options.buildDir ?? process.env.BUILD_DIR ?? "build";
  return startServerProcess(
    [...(options.nodeArgs ?? []), "server.mjs", path.resolve(buildDir, "server/index.js")],
    options,
  );
}

/** Any server script run by node (args after node itself), with the same environment. */
export async function startServerProcess(
  args: string[],
  options: { databaseUrl: string; port: number; env?: Record<string, string>; stdout?: "ignore" | "inherit" },
): Promise<AppServer> {
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
    // The request log (one line per request) is part of production's cost; it is discarded unless asked for.
    stdio: ["ignore", options.stdout ?? "ignore", "pipe"],
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
