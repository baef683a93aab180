import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
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
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  server: { port: 3000 },
  build: { target: "es2019" },
});
