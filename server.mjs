#!/usr/bin/env node
// The production HTTP server (`npm start`, and the one the end-to-end tests and benchmarks
// start): what remix-serve does (compression, static files, a request log, the Remix
// handler) plus what must happen before the app runs, which Remix 2 has no hook for:
//   - the security headers of every response, static files and resource routes included,
//     with a fresh CSP nonce per request handed to the app (entry.server.tsx, root.tsx);
//   - the Origin check of every state-changing request (403 before any action runs).
// The rules themselves live in app/security/ and come from the server build, so there is
// one copy of them. docs/decisions/013-hardening.md; docs/operations.md, "Security".
//
//   node server.mjs [path/to/build/server/index.js]     (default build/server/index.js)
//
// PORT (default 3000), HOST, TRUST_PROXY (Express's "trust proxy": the number of proxies in
// front, so that rate limits see the client's address), ORIGIN, COOKIE_SECURE.
// WEB_CONCURRENCY (default 1): that many server processes share the port (node:cluster), so a
// machine's cores all serve; each is an app instance of its own (nothing in memory is shared,
// ADR 013, ADR 017). The test hooks (HAILONG_TEST_HOOKS) need one process.
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import url from "node:url";

const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1);
if (cluster.isPrimary && processes > 1) {
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`[hailong] server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  }
} else {
  await serve();
}

async function serve() {
  process.env.NODE_ENV ??= "production";
  const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
  const build = await import(url.pathToFileURL(buildPath).href);
  const { securityHeaders, screenOrigin } = build.entry.module;
  installGlobals({ nativeFetch: build.future.v3_singleFetch });

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) {
    const hops = Number(process.env.TRUST_PROXY);
    app.set("trust proxy", Number.isInteger(hops) ? hops : process.env.TRUST_PROXY);
  }

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const https =
      req.secure || process.env.COOKIE_SECURE === "1" || req.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
    res.set(securityHeaders({ nonce, pathname: req.path, https }));
    const refusal = screenOrigin(req.method, req.path, (name) => req.get(name));
    if (refusal) {
      res.status(refusal.status).set(refusal.headers).send(refusal.body);
      return;
    }
    next();
  });

  app.use(compression());
  // The client assets sit beside the server build (<build>/client next to <build>/server).
  // `build.assetsBuildDirectory` is the path as it was at build time, relative to that
  // working directory, so a build made with another BUILD_DIR, or moved, would serve no CSS.
  const clientDir = path.resolve(path.dirname(buildPath), "../client");
  app.use(
    build.publicPath,
    express.static(existsSync(clientDir) ? clientDir : build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static("public", { maxAge: "1h" }));

  // The request log leaves out invitation tokens (/i/<token>, ?invitation=): a log is read by
  // more people than the invitation list.
  morgan.token("safe-url", (req) =>
    req.originalUrl.replace(/^\/i\/[^/?]+/, "/i/…").replace(/([?&]invitation=)[^&]*/g, "$1…"),
  );
  app.use(morgan(":method :safe-url :status :res[content-length] - :response-time ms"));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ clientIp: req.ip ?? req.socket.remoteAddress, cspNonce: res.locals.cspNonce }),
    }),
  );

  // Express's own error page shows the stack outside production: never show one.
  app.use((error, req, res, _next) => {
    console.error(`[hailong] ${req.method} ${req.path} failed:`, error);
    if (res.headersSent) return res.end();
    res
      .status(500)
      .type("text/plain; charset=utf-8")
      .send("Lỗi máy chủ. Xin thử lại sau. / Server error. Please try again later.");
  });

  const port = Number(process.env.PORT ?? 3000);
  const onListen = () => process.stdout.write(`[hailong] http://${process.env.HOST ?? "localhost"}:${port}\n`);
  const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
  // Keep idle connections open longer than a load balancer's idle timeout (60 s is common):
  // Node's default 5 s lets a client reuse a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close());
}
