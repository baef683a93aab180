import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret that signs cookies: SESSION_SECRET (comma-separated to rotate), or, when it
 * is unset, a random one kept in data/.session-secret so a single machine needs no
 * configuration and restarts keep people's progress. Several instances must share
 * SESSION_SECRET (docs/operations.md, "Deploying at scale").
 */
export function cookieSecrets(): string[] {
  const fromEnv = process.env.SESSION_SECRET?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  const file = path.resolve("data", ".session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return [readFileSync(file, "utf8").trim()];
}
