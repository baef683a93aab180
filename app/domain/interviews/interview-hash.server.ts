import { createHash } from "node:crypto";
import { canonicalJson } from "./interview-hash";
import type { Interview } from "./interview-schema";

/**
 * The same content hash as `interviewContentHash` (SHA-256 hex of the canonical JSON), with
 * node:crypto, synchronously: on the server, Web Crypto's promise per digest cost more than
 * the digest itself (a CPU profile of the sync API, docs/decisions/017).
 */
export function interviewContentHashSync(interview: Interview): string {
  return createHash("sha256").update(canonicalJson(interview), "utf8").digest("hex");
}
