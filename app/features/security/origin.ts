/**
 * Cross-site request forgery: a state-changing request must come from one of our own
 * pages. The order of the checks follows Go's net/http CrossOriginProtection (Go 1.25,
 * https://words.filippo.io/csrf/): Sec-Fetch-Site when the browser sends it, else Origin,
 * else (our addition, the older way) Referer. A request with none of the three comes
 * from no browser (curl, a script, Playwright's request API): forgery needs a victim's
 * browser, which sends at least Origin on every POST, so such a request is let through.
 * docs/decisions/013-hardening.md.
 */
export type HeaderReader = (name: string) => string | null | undefined;

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Origins (scheme://host[:port]) that may post, from ORIGIN (comma-separated) when set:
 * behind a proxy that rewrites Host, say what the browser's address bar shows.
 */
export function allowedOrigins(env: string | undefined = process.env.ORIGIN): string[] {
  return (env ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, "").toLowerCase())
    .filter(Boolean);
}

/** The host this request was addressed to: the proxy's X-Forwarded-Host, else Host. */
function requestHost(header: HeaderReader): string | null {
  const forwarded = header("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || header("host") || "").toLowerCase() || null;
}

function originOf(value: string): { origin: string; host: string } | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return { origin: url.origin.toLowerCase(), host: url.host.toLowerCase() };
  } catch {
    return null;
  }
}

function matches(value: string, header: HeaderReader, allowed: string[]): boolean {
  const source = originOf(value);
  if (!source) return false;
  if (allowed.length > 0) return allowed.includes(source.origin);
  return source.host === requestHost(header);
}

export function checkRequestOrigin(method: string, header: HeaderReader, allowed = allowedOrigins()): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const site = header("sec-fetch-site")?.toLowerCase();
  const origin = header("origin");
  if (site === "same-origin" || site === "none") return { ok: true };
  if (site && !(origin && allowed.length > 0 && matches(origin, header, allowed))) {
    return { ok: false, reason: `sec-fetch-site ${site}` };
  }
  if (origin) {
    // "null": a sandboxed frame, a data: page or a no-referrer page posting: never ours.
    return matches(origin, header, allowed) ? { ok: true } : { ok: false, reason: "origin" };
  }
  const referer = header("referer");
  if (referer) return matches(referer, header, allowed) ? { ok: true } : { ok: false, reason: "referer" };
  return { ok: true };
}
