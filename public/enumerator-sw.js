/*
 * The enumerator app's service worker (issue 5, ADR 008 "Phone"). Scope: /enumerator.
 *
 * It keeps the app's one page, the built JS/CSS that page references, the web app manifest
 * and icons, so that the app opens on a phone with no signal. The page is served network-first
 * (a fresh copy when there is a signal, with a short timeout for a weak one) and falls back to
 * the stored copy; hashed assets are served cache-first (their names change with their
 * content). Everything else, above all the sync POSTs and the package download, goes to the
 * network untouched: interviews live in IndexedDB, never in this cache.
 */
const CACHE_PREFIX = "hailong-enumerator-";
const SHELL_CACHE = CACHE_PREFIX + "shell-v1";
const ASSET_CACHE = CACHE_PREFIX + "assets-v1";
const APP_URL = "/enumerator";
const STATIC_FILES = [
  "/enumerator.webmanifest",
  "/icons/enumerator.svg",
  "/icons/enumerator-192.png",
  "/icons/enumerator-512.png",
];
/** A weak signal that answers nothing within this time counts as no signal. */
const NETWORK_TIMEOUT_MS = 4000;

/** Asset paths a page references: <script src>, <link href>, and the module imports Remix inlines. */
function assetPaths(html) {
  const paths = new Set();
  for (const match of html.matchAll(/["'](\/assets\/[^"'?#\s]+)["']/g)) paths.add(match[1]);
  return [...paths];
}

function cacheable(response) {
  return response && response.ok && response.type === "basic" && !response.redirected;
}

/** Fetch the page (signed in: the cookie goes along) and everything it needs, into the caches. */
async function precache() {
  const shell = await caches.open(SHELL_CACHE);
  const assets = await caches.open(ASSET_CACHE);
  await Promise.all(
    STATIC_FILES.map((url) =>
      fetch(url)
        .then((response) => (cacheable(response) ? shell.put(url, response) : undefined))
        .catch(() => undefined),
    ),
  );
  const page = await fetch(APP_URL, { credentials: "same-origin" });
  // Signed out (redirected to /login) or an error: keep whatever copy we had.
  if (!cacheable(page)) return;
  const html = await page.clone().text();
  const paths = assetPaths(html);
  await Promise.all(
    paths.map(async (path) => {
      if (await assets.match(path)) return;
      const response = await fetch(path);
      if (!cacheable(response)) throw new Error("asset " + path + " not cached");
      await assets.put(path, response);
    }),
  );
  // The page last, so a cached page never points at assets that are missing.
  await shell.put(APP_URL, page);
  // Assets of older builds are not needed by the new page: drop them, so the cache does
  // not grow with every deployment.
  const keep = new Set(paths);
  for (const request of await assets.keys()) {
    if (!keep.has(new URL(request.url).pathname)) await assets.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    precache()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(CACHE_PREFIX) && n !== SHELL_CACHE && n !== ASSET_CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "refresh-shell") event.waitUntil(precache().catch(() => undefined));
});

function offlinePage() {
  const body =
    '<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Hài Lòng</title><main><h1>Không có mạng</h1><p>Ứng dụng phỏng vấn chưa được lưu trên máy này. " +
    'Hãy mở trang /enumerator một lần khi có mạng.</p><p lang="en">No connection, and the interview app is not stored on this phone yet.</p></main></html>';
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * The page: the network when it answers in time (and refresh the stored copy), else the
 * stored copy. A redirect (signed out) goes to the browser as is: sign in again online.
 */
async function pageNetworkFirst(request) {
  const shell = await caches.open(SHELL_CACHE);
  const network = fetch(request).then(async (response) => {
    if (cacheable(response)) await shell.put(APP_URL, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    // A server in trouble (5xx) must not stop offline work either.
    if (response && response.status < 500) return response;
    if (response) return (await shell.match(APP_URL)) || response;
  } catch {
    // No network at all: fall through to the stored copy.
  }
  network.catch(() => undefined);
  return (await shell.match(APP_URL)) || offlinePage();
}

async function cacheFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(key, response.clone());
  return response;
}

/**
 * Remix asks /__manifest which routes the page's links lead to. Offline, the last answer
 * (or an empty one) keeps the page quiet instead of logging a failed fetch.
 */
async function routeManifest(request) {
  const shell = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (cacheable(response)) await shell.put(request.url, response.clone());
    return response;
  } catch {
    return (await shell.match(request.url)) || new Response("{}", { headers: { "Content-Type": "application/json" } });
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && (url.pathname === APP_URL || url.pathname === APP_URL + "/")) {
    event.respondWith(pageNetworkFirst(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request, ASSET_CACHE, url.pathname));
  } else if (STATIC_FILES.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, SHELL_CACHE, url.pathname));
  } else if (url.pathname === "/__manifest") {
    event.respondWith(routeManifest(request));
  }
});
