import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-*/",
      "backups/",
      "node_modules/",
      "app/generated/",
      "test-results/",
      "playwright-report/",
      "tests/.tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Tool configuration in CommonJS (dependency-cruiser reads .cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    // Command-line programs and scripts talk to their user on the console.
    files: ["scripts/**", "prisma/seed.ts", "bench/**", "analysis/cli.ts", "tests/support/cli/**"],
    rules: { "no-console": "off" },
  },
  {
    // One direction between the test-support layer and the benchmarks: bench/ may import
    // tests/support/, nothing in tests/ imports bench/ (what both need lives in tests/support/).
    files: ["tests/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/bench", "**/bench/**"],
              message: "tests/ must not import bench/: move what both need into tests/support/.",
            },
          ],
        },
      ],
    },
  },
  // Last: turns off every stylistic rule that would fight Prettier (npm run format).
  prettier,
);
