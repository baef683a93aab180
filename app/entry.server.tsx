import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { randomBytes } from "node:crypto";
import { NonceProvider } from "~/features/security/nonce";

// The HTTP server (server.mjs) takes these from the build: one copy of the rules it applies
// to every response and request before the app runs (docs/decisions/013-hardening.md).
export { securityHeaders } from "~/features/security/headers";
export { screenOrigin } from "~/features/security/refusal";

const ABORT_DELAY = 5_000;

/**
 * Remix's default server entry, with one change: `handleError` logs real failures (method,
 * path and the error, never the query string or form data, which may carry answers) and
 * stays quiet for 404s and aborted requests. People never see the stack: the root
 * ErrorBoundary shows a plain message.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const { pathname } = new URL(request.url);
  console.error(`[hailong] ${request.method} ${pathname} failed:`, error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The nonce of the CSP header server.mjs already sent; under `remix vite:dev` (no CSP) any.
  const nonce = loadContext.cspNonce ?? randomBytes(16).toString("base64");
  // Crawlers get the whole page at once; browsers get it streamed as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error("[hailong] render failed:", error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
