import http from "node:http";

/**
 * An open-loop load at a constant rate (as wrk2 does), for "N per second with p99 under X":
 * request k is due at start + k / rate, whatever happened to the ones before it, and its
 * latency is counted from when it was due, not from when it was sent. So a server that
 * stalls is charged for every request that should have gone out meanwhile (no "coordinated
 * omission"). autocannon's own rate option is a per-second quota per connection: every
 * connection fires its whole quota back to back at the top of each second, which measures
 * bursts, not a rate.
 *
 * Requests go over keep-alive connections opened as needed (up to `maxConnections`; one
 * that would need more waits, and the wait counts in its latency).
 */
export interface OpenLoopOptions {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  /** The body of each request, made when it is due. */
  body: () => string;
  ratePerSecond: number;
  seconds: number;
  maxConnections: number;
  onResponse?: (status: number, body: string) => void;
}

export interface OpenLoopResult {
  /** Requests due in the window; all are sent, and all finished or failed before this returns. */
  due: number;
  completed: number;
  errors: number;
  non2xx: number;
  /** From the first request due to the last one finished, in seconds. */
  duration: number;
  /** Milliseconds from due to finished, per completed request. */
  latencies: number[];
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxConnections });
  const target = new URL(options.url);
  const interval = 1000 / options.ratePerSecond;
  const total = Math.round(options.ratePerSecond * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = options.body();
      const request = http.request(
        target,
        { method: options.method, agent, headers: { ...options.headers, "content-length": Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            latencies.push(performance.now() - due);
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) non2xx += 1;
            options.onResponse?.(status, Buffer.concat(chunks).toString("utf8"));
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors += 1;
        resolve();
      });
      request.end(body);
    });

  for (let k = 0; k < total; k++) {
    const due = start + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  const duration = (performance.now() - start) / 1000;
  agent.destroy();
  return { due: total, completed: latencies.length, errors, non2xx, duration, latencies };
}

/** The q-quantile (0–1) of the values, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
