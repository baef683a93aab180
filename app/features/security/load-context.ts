/**
 * What the HTTP server (server.mjs) hands every loader and action besides the request:
 * the client's address (for rate limits; the Request itself does not carry it) and the
 * nonce of this response's Content-Security-Policy. Both are absent under `remix vite:dev`.
 */
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
    cspNonce?: string;
  }
}

export {};
