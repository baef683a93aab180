/**
 * The limits on public endpoints, per fixed window. Generous on purpose: a commune's
 * citizens may answer together behind one NAT (a group session at the one-stop office),
 * and the limits are there to stop floods and token guessing, not people. Each maximum can
 * be changed with its environment variable (docs/operations.md, "Security"); RATE_LIMITS=off turns
 * them all off (benchmarks that measure the app without them).
 * docs/decisions/013-hardening.md has the reasoning behind each number.
 */
export interface RateLimit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
  env: string;
}

export const RATE_LIMITS = {
  /** Every request under /s/ and /i/ from one address: ~40 people answering at once. */
  surveyIp: { max: 600, windowSeconds: 60, env: "RATE_LIMIT_SURVEY_IP" },
  /** One invitation token: one person needs ~25 requests for the whole questionnaire. */
  surveyToken: { max: 120, windowSeconds: 60, env: "RATE_LIMIT_SURVEY_TOKEN" },
  /** Sign-in attempts from one address (each costs an argon2 hash). */
  loginIp: { max: 60, windowSeconds: 600, env: "RATE_LIMIT_LOGIN_IP" },
  /** Sign-in attempts for one email, on top of the account lock after five failures. */
  loginEmail: { max: 10, windowSeconds: 900, env: "RATE_LIMIT_LOGIN_EMAIL" },
  /** Sync uploads by one signed-in user (a phone retrying with backoff stays far below). */
  syncUser: { max: 120, windowSeconds: 60, env: "RATE_LIMIT_SYNC_USER" },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export function rateLimitsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RATE_LIMITS !== "off";
}

/** The maximum in force: the environment variable when it is a positive integer. */
export function maxFor(name: RateLimitName, env: NodeJS.ProcessEnv = process.env): number {
  const limit = RATE_LIMITS[name];
  const value = Number(env[limit.env]);
  return Number.isInteger(value) && value > 0 ? value : limit.max;
}

/** The start of the fixed window that `now` falls in (windows aligned on the epoch). */
export function windowStart(name: RateLimitName, now: Date): Date {
  const ms = RATE_LIMITS[name].windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}
