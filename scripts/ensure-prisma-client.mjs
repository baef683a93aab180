#!/usr/bin/env node
// Run before the commands that import the app's Prisma clients without building first
// (`npm run db:seed`, `db:setup`, `dev` and the `bench:*` scripts): right after `npm ci`,
// app/generated does not exist yet, and tsx would fail with "Cannot find package '~'".
//
// - Generates each client (app/generated/prisma for SQLite, app/generated/prisma-pg for
//   PostgreSQL; docs/decisions/015-postgresql.md) that is missing or older than its schema.
//   `prisma generate` runs offline on these machines (docs/stack.md).
// - `--build`: also requires the production build the command serves (BUILD_DIR, default
//   build/) and, when it is missing, says what to run instead of starting a server that
//   cannot load it.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

const clients = [
  { schema: "prisma/schema.prisma", output: "app/generated/prisma", args: ["generate"] },
  {
    schema: "prisma/postgresql/schema.prisma",
    output: "app/generated/prisma-pg",
    args: ["generate", "--config", "prisma.postgres.config.ts"],
  },
];

function fail(message) {
  console.error(message);
  process.exit(1);
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : undefined;
}

for (const client of clients) {
  const generated = mtime(path.join(root, client.output, "client.ts"));
  const schema = mtime(path.join(root, client.schema));
  if (generated !== undefined && schema !== undefined && generated >= schema) continue;
  if (!existsSync(prismaBin)) fail("The Prisma CLI is missing: run `npm ci` first.");
  console.log(
    generated === undefined
      ? `${client.output} is missing: generating it (npx prisma ${client.args.join(" ")})…`
      : `${client.output} is older than ${client.schema}: generating it again…`,
  );
  try {
    execFileSync(prismaBin, client.args, { cwd: root, stdio: "inherit" });
  } catch {
    fail(`prisma generate failed; run \`npm run db:generate\` and read its error.`);
  }
}

if (process.argv.includes("--build")) {
  const buildDir = process.env.BUILD_DIR ?? "build";
  const serverEntry = path.resolve(root, buildDir, "server", "index.js");
  if (!existsSync(serverEntry)) {
    fail(
      `No production build at ${path.relative(root, serverEntry)}: run \`npm run build\` first` +
        (process.env.BUILD_DIR ? ` (with BUILD_DIR=${process.env.BUILD_DIR}).` : ` (BUILD_DIR picks another folder).`),
    );
  }
}
