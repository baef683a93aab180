import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { databaseUrl } from "./app/db/database-url";

// Prisma's native engines cannot be downloaded on these machines, so the CLI runs on
// the Wasm schema engine through the better-sqlite3 adapter (docs/decisions/002).
// Sets DATABASE_URL when it is unset, so the schema's env("DATABASE_URL") resolves.
const url = databaseUrl();

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: async () => new PrismaBetterSQLite3({ url }),
} satisfies PrismaConfig;
