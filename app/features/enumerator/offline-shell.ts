/**
 * The service worker that keeps the app's page and assets on the phone
 * (public/enumerator-sw.js). Its scope is /enumerator: it serves nothing else.
 */
export const SERVICE_WORKER_URL = "/enumerator-sw.js";
export const SERVICE_WORKER_SCOPE = "/enumerator";
/** Every cache the worker makes starts with this (sign-out deletes them all). */
export const CACHE_PREFIX = "hailong-enumerator-";

export function registerOfflineShell() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE }).catch(() => {
    // Without a worker the app still runs while this page stays open; the home view says
    // whether the page is kept for offline use.
  });
}

/** After a download: fetch the page and its assets again, so the offline copy is the newest. */
export function refreshOfflineShell() {
  navigator.serviceWorker?.controller?.postMessage({ type: "refresh-shell" });
}

/** Whether this page is controlled by the worker (so a reload without signal works). */
export function isOfflineReady(): boolean {
  return Boolean(typeof navigator !== "undefined" && navigator.serviceWorker?.controller);
}

/** Sign-out: the cached page holds the account's name, so the caches and the worker go too. */
export async function removeOfflineShell() {
  if (typeof caches !== "undefined") {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX)).map((n) => caches.delete(n)));
  }
  const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
  await Promise.all(
    registrations.filter((r) => new URL(r.scope).pathname.startsWith(SERVICE_WORKER_SCOPE)).map((r) => r.unregister()),
  );
}
