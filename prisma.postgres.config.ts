import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

// The Prisma CLI's view of the PostgreSQL twin of the schema (docs/decisions/015):
// `prisma generate --config prisma.postgres.config.ts` writes app/generated/prisma-pg. The
// migrations are applied by scripts/db-migrate.mjs, not by the Wasm schema engine, which
// cannot migrate PostgreSQL (docs/stack.md).
// The schema's env("DATABASE_URL") must resolve even where no PostgreSQL URL is set (the
// client is generated on every build; nothing here connects).
const url = /^postgres/i.test(process.env.DATABASE_URL ?? "")
  ? process.env.DATABASE_URL!
  : "postgresql://localhost/hailong";
process.env.DATABASE_URL = url;

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  adapter: async () => new PrismaPg({ connectionString: url }),
} satisfies PrismaConfig;
