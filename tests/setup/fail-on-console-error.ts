import { afterEach, beforeEach, vi } from "vitest";

// docs/style.md: console.error in a test fails it unless the test expects it
// (a test that expects it replaces the spy with its own mock).
let spy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  spy.mockRestore();
});
