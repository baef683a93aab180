import { defineConfig } from "vitest/config";

// Unit and data-layer tests. The Remix Vite plugin is left out on purpose: these
// tests import plain modules, and the plugin refuses to run outside `remix vite:*`.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["analysis/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/data/**/*.test.ts"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/test-db.ts", "tests/setup/fail-on-console-error.ts"],
    // Machines are shared and noisy: a test that needs 1 s alone can need 10 under load.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2 } },
  },
});
