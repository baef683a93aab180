import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSqliteWriter } from "~/db/sqlite-writer.server";

/**
 * The process's SQLite writer thread (ADR 017), with the entry that registers the app's
 * jobs (sqlite-writer.worker.ts beside this file). The path is built at run time, not as
 * `new URL(…, import.meta.url)`, so that the bundler leaves it alone: the production build
 * starts `build/server/sqlite-writer.js` instead.
 */
const sourceEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "sqlite-writer.worker.ts");

export const { sqliteWrite, closeSqliteWriter } = createSqliteWriter({ sourceEntry });
