import type { EnumeratorPackage } from "~/domain/interviews/interview-schema";
import type { LocalStore } from "./local-store";

export const PACKAGE_URL = "/api/enumerator/package";

export type DownloadState =
  | { phase: "idle" }
  | { phase: "loading" }
  | { phase: "done" }
  | { phase: "failed"; reason: "offline" | "signed-out" | "server" };

/**
 * Fetch the enumerator's package and keep it in IndexedDB, then ask the browser to keep
 * this site's storage persistent (not evicted under storage pressure; the answer is shown,
 * since a browser may refuse: https://web.dev/articles/persistent-storage).
 */
export async function downloadPackage(store: LocalStore, report: (state: DownloadState) => void): Promise<void> {
  report({ phase: "loading" });
  let response: Response;
  try {
    response = await fetch(PACKAGE_URL, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return report({ phase: "failed", reason: "offline" });
  }
  if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
    return report({ phase: "failed", reason: "signed-out" });
  }
  let body: EnumeratorPackage;
  try {
    if (!response.ok) throw new Error(String(response.status));
    body = (await response.json()) as EnumeratorPackage;
    if (body.version !== 1 || !Array.isArray(body.rounds)) throw new Error("not a package");
  } catch {
    return report({ phase: "failed", reason: "server" });
  }
  const persisted = await askPersistence();
  await store.savePackage({ package: body, downloadedAt: new Date().toISOString(), persisted });
  report({ phase: "done" });
}

async function askPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
