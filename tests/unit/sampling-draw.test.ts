/** The draw's PRNG and sampling: reproducible, exact sizes, reserve order; response rates. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawStratum, frameFingerprint, reserveSize } from "~/domain/sampling/draw-plan";
import { mulberry32, newSeed, partialShuffle, stratumState } from "~/domain/sampling/prng";
import { responseRates } from "~/domain/sampling/response-rates";

const rows = Array.from({ length: 200 }, (_, i) => ({
  id: `id-${i}`,
  dossierCode: `HS-${String(i).padStart(4, "0")}`,
}));

describe("mulberry32", () => {
  it("gives the reference sequence for state 0 and stays in [0, 1)", () => {
    // First outputs of mulberry32(0) ×2^32, as printed by the gist's JavaScript version.
    const r = mulberry32(0);
    const first = [r(), r(), r()].map((u) => Math.round(u * 4294967296));
    expect(first).toEqual([1144304738, 1416247, 958946056]);
    const s = mulberry32(12345);
    for (let i = 0; i < 10_000; i++) {
      const u = s();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
  it("derives each unit's state from SHA-256(seed:unit)", () => {
    const expected = createHash("sha256").update("abc:so-noi-vu").digest().readUInt32BE(0);
    expect(stratumState("abc", "so-noi-vu")).toBe(expected);
    expect(stratumState("abc", "so-y-te")).not.toBe(expected);
  });
  it("generates 16-hex-digit seeds", () => {
    expect(newSeed(new Uint8Array([0, 1, 2, 255, 16, 32, 64, 128]))).toBe("000102ff10204080");
    expect(newSeed()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("partial Fisher–Yates", () => {
  it("draws k distinct items and is uniform enough", () => {
    const counts = new Array(10).fill(0);
    const random = mulberry32(42);
    for (let rep = 0; rep < 20_000; rep++)
      for (const x of partialShuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, random)) counts[x] += 1;
    // Each item is chosen with probability 3/10: 6,000 expected, sd ≈ 65.
    for (const c of counts) expect(Math.abs(c - 6000)).toBeLessThan(400);
    expect(new Set(partialShuffle(rows, 50, mulberry32(1))).size).toBe(50);
  });
});

describe("drawStratum", () => {
  it("is reproducible and does not depend on the order rows are read in", () => {
    const a = drawStratum("so-noi-vu", rows, 20, 10, "seed-1");
    const b = drawStratum("so-noi-vu", [...rows].reverse(), 20, 10, "seed-1");
    expect(b).toEqual(a);
    expect(drawStratum("so-noi-vu", rows, 20, 10, "seed-2").main).not.toEqual(a.main);
  });
  it("has exact sizes, no overlap, and the reserve continues the same random order", () => {
    const d = drawStratum("u", rows, 30, 15, "s");
    expect(d.main).toHaveLength(30);
    expect(d.reserve).toHaveLength(15);
    expect(new Set([...d.main, ...d.reserve]).size).toBe(45);
    const longer = drawStratum("u", rows, 30, 40, "s");
    expect(longer.main).toEqual(d.main);
    expect(longer.reserve.slice(0, 15)).toEqual(d.reserve);
  });
  it("cuts the reserve, then the main sample, when the frame is small", () => {
    const small = rows.slice(0, 25);
    expect(drawStratum("u", small, 20, 10, "s")).toMatchObject({ main: expect.any(Array), reserve: expect.any(Array) });
    expect(drawStratum("u", small, 20, 10, "s").reserve).toHaveLength(5);
    expect(drawStratum("u", small, 30, 10, "s").main).toHaveLength(25);
  });
  it("sizes the reserve as ⌈n·p/100⌉", () => {
    expect(reserveSize(15, 50)).toBe(8);
    expect(reserveSize(20, 0)).toBe(0);
  });
  it("fingerprints the frame from the imports' fingerprints in order", () => {
    const h = (s: string) => createHash("sha256").update(s).digest("hex");
    expect(frameFingerprint(["a", "b"], h)).toBe(h("a\nb"));
    expect(frameFingerprint(["b", "a"], h)).not.toBe(frameFingerprint(["a", "b"], h));
  });
});

describe("responseRates", () => {
  it("counts outcomes of issued people only, per unit", () => {
    const rates = responseRates([
      { unitCode: "A", drawGroup: "main", outcome: "completed" },
      { unitCode: "A", drawGroup: "main", outcome: "completed" },
      { unitCode: "A", drawGroup: "main", outcome: "refused" },
      { unitCode: "A", drawGroup: "main", outcome: "unreachable" },
      { unitCode: "A", drawGroup: "main", outcome: "ineligible" },
      { unitCode: "A", drawGroup: "substitute", outcome: "completed" },
      { unitCode: "A", drawGroup: "substitute", outcome: null },
      { unitCode: "A", drawGroup: "reserve", outcome: null },
      { unitCode: "B", drawGroup: "main", outcome: null },
    ]);
    expect(rates).toEqual([
      {
        unitCode: "A",
        issued: 7,
        completed: 3,
        refused: 1,
        unreachable: 1,
        ineligible: 1,
        pending: 1,
        contacted: 4,
        responseRate: 0.75,
        refusalRate: 0.25,
        completionRate: 0.5,
      },
      {
        unitCode: "B",
        issued: 1,
        completed: 0,
        refused: 0,
        unreachable: 0,
        ineligible: 0,
        pending: 1,
        contacted: 0,
        responseRate: null,
        refusalRate: null,
        completionRate: 0,
      },
    ]);
  });
});
