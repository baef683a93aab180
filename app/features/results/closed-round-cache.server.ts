/**
 * A closed round takes no more answers, so what the dashboard reads and computes from it
 * is kept for CLOSED_ROUND_CACHE_MS: the previous round is recomputed by every dashboard
 * page, with the page's filter (docs/benchmarks.md). Short, because a late review decision
 * can still change it. Entries are small (a view's RoundResult and counts, or a round's
 * units: O(H·K), never the questionnaires, ADR 016); at most MAX_CACHED_ENTRIES, the
 * oldest dropped first. A collecting round is always read afresh.
 */
const CLOSED_ROUND_CACHE_MS = 5 * 60_000;
const MAX_CACHED_ENTRIES = 200;

const entries = new Map<string, { at: number; value: Promise<unknown> }>();

export function rememberClosedRound<T>(
  round: { id: string; status: string },
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (round.status !== "closed") return load();
  const fullKey = `${round.id}|${key}`;
  const hit = entries.get(fullKey);
  if (hit && Date.now() - hit.at < CLOSED_ROUND_CACHE_MS) return hit.value as Promise<T>;
  entries.delete(fullKey);
  const value = load();
  entries.set(fullKey, { at: Date.now(), value });
  value.catch(() => entries.delete(fullKey));
  // Maps keep insertion order: the first key is the oldest entry.
  while (entries.size > MAX_CACHED_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** A stable cache key for a scope (unit ids, or null for every unit) and a filter. */
export function scopeKey(unitIds: readonly string[] | null, filter: Record<string, string | undefined> = {}): string {
  const units = unitIds ? [...unitIds].sort().join(",") : "*";
  const filterPart = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return `${units}|${filterPart}`;
}
