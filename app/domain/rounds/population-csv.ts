import Papa from "papaparse";

export type PopulationCsvResult =
  | { ok: true; values: Map<string, number> }
  | { ok: false; line: number; reason: "unknown-unit" | "bad-number" | "bad-row" };

/**
 * N_h pasted as CSV, one unit a line: `unit_code,population` (a header line with these
 * names is skipped; comma, semicolon or tab). Runs in the browser and on the server, so
 * a mistake is reported with its line before anything is sent.
 */
export function parsePopulationCsv(text: string, knownCodes: ReadonlySet<string>): PopulationCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: true,
  });
  const values = new Map<string, number>();
  for (let i = 0; i < parsed.data.length; i++) {
    const [rawCode, rawN, ...rest] = parsed.data[i].map((c) => c.trim());
    const line = i + 1;
    if (i === 0 && /^unit_code$/i.test(rawCode ?? "")) continue;
    if (!rawCode || rawN === undefined || rest.some((c) => c !== "")) return { ok: false, line, reason: "bad-row" };
    if (!knownCodes.has(rawCode)) return { ok: false, line, reason: "unknown-unit" };
    const n = Number(rawN.replace(/[\s.]/g, ""));
    if (!Number.isInteger(n) || n < 1) return { ok: false, line, reason: "bad-number" };
    values.set(rawCode, n);
  }
  return { ok: true, values };
}
