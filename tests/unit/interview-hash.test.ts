import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, interviewContentHash } from "~/domain/interviews/interview-hash";
import { interviewContentHashSync } from "~/domain/interviews/interview-hash.server";
import type { Interview } from "~/domain/interviews/interview-schema";

const interview: Interview = {
  id: "0b6f5e1c-4a3c-4d55-9d0b-6e2f8f6c1a11",
  roundCode: "lai-chau-2020",
  unitCode: "huyen-tam-duong",
  frameRowId: null,
  language: "vi",
  interpretedInto: null,
  startedAt: "2026-11-20T08:00:00.000+07:00",
  endedAt: "2026-11-20T08:20:00.000+07:00",
  location: { latitude: 22.35, longitude: 103.6, accuracy: 30 },
  answers: { E1: { c02: "4", c01: "5" }, expectations: { x01: ["a", "b"] } },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order and leaves out undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it("gives the same text for any key order", () => {
    const reversed = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(interview).reverse())));
    expect(canonicalJson(reversed)).toBe(canonicalJson(interview));
  });

  it("escapes strings as JSON does, Vietnamese included", () => {
    expect(canonicalJson({ y: 'Cảm ơn "cán bộ"\n' })).toBe('{"y":"Cảm ơn \\"cán bộ\\"\\n"}');
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
});

describe("interviewContentHash", () => {
  it("is the SHA-256 of the canonical JSON, as node:crypto computes it", async () => {
    const expected = createHash("sha256").update(canonicalJson(interview), "utf8").digest("hex");
    expect(await interviewContentHash(interview)).toBe(expected);
    expect(interviewContentHashSync(interview)).toBe(expected);
  });

  it("changes when an answer changes, and not when only the key order does", async () => {
    const base = await interviewContentHash(interview);
    const reordered = {
      ...interview,
      answers: { expectations: interview.answers.expectations, E1: { c01: "5", c02: "4" } },
    };
    expect(await interviewContentHash(reordered)).toBe(base);
    const edited = { ...interview, answers: { ...interview.answers, E1: { c01: "5", c02: "3" } } };
    expect(await interviewContentHash(edited)).not.toBe(base);
    const choicesSwapped = { ...interview, answers: { ...interview.answers, expectations: { x01: ["b", "a"] } } };
    expect(await interviewContentHash(choicesSwapped)).not.toBe(base);
  });
});
