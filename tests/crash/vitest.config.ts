import { defineConfig } from "vitest/config";

// The crash test (npm run test:crash): it starts the production build, so it runs after
// `npm run build`, apart from the unit and data-layer tests (vitest.config.ts).
export default defineConfig({
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname } },
  test: {
    include: ["tests/crash/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
