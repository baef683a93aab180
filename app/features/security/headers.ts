/**
 * The security headers of every response (documents, data requests, resource routes,
 * static files): one function, applied by the HTTP server (server.mjs) before anything
 * else answers. Pure, so tests check it without a server. Why each header:
 * docs/decisions/013-hardening.md.
 */
export interface SecurityHeaderOptions {
  /** The per-request nonce that Remix's inline scripts carry (entry.server.tsx, root.tsx). */
  nonce: string;
  pathname: string;
  /** Served over HTTPS (COOKIE_SECURE=1, X-Forwarded-Proto: https, or a TLS socket). */
  https: boolean;
}

/**
 * No inline script runs unless it carries this request's nonce; no inline style at all
 * (style attributes included: the pages use classes and SVG attributes instead).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** One year; no includeSubDomains: the province's other sites are not ours to pin. */
const HSTS = "max-age=31536000";

export function securityHeaders({ nonce, pathname, https }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    // An invitation link carries its token in the path: send no referrer from /i/ at all.
    // Elsewhere same-origin: our own pages get it, other sites never do (a token in
    // ?invitation= on the survey pages stays with us).
    "Referrer-Policy": pathname.startsWith("/i/") ? "no-referrer" : "same-origin",
    // The enumerator app reads the position of an interview; nothing else is used.
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // For browsers older than CSP's frame-ancestors.
    "X-Frame-Options": "DENY",
  };
  if (https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
