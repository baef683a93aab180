import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The SQLite writer thread's code (app/models/sqlite-writer.worker.ts, ADR 017) as a second
 * entry of the server build, `<build>/server/sqlite-writer.js`, beside index.js, where
 * app/db/sqlite-writer.server.ts looks for it. Modules both entries use go to a shared chunk.
 */
function sqliteWriterEntry(): Plugin {
  let ssr = false;
  return {
    name: "hailong:sqlite-writer-entry",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    buildStart() {
      if (ssr)
        this.emitFile({
          type: "chunk",
          id: new URL("./app/models/sqlite-writer.worker.ts", import.meta.url).pathname,
          fileName: "sqlite-writer.js",
        });
    },
  };
}

// Every v3 future flag is on, so that the move to React Router 7 is a codemod
// (docs/decisions/001-remix-v2-on-vite.md).
export default defineConfig({
  plugins: [
    remix({
      // BUILD_DIR lets parallel checkouts of the test suite build side by side.
      buildDirectory: process.env.BUILD_DIR ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    sqliteWriterEntry(),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  server: { port: 3000 },
  build: { target: "es2019" },
});
