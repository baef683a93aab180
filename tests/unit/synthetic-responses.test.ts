import { describe, expect, it } from "vitest";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import {
  generateSyntheticResponses,
  NOT_APPLICABLE,
  type SyntheticResponse,
  type SyntheticUnit,
} from "../../prisma/seed-data/synthetic-responses";

// The Lai Châu 2020 shape: 625 = 15 departments × 15 + 8 districts × 20 + 24 communes × 10.
function units625(): SyntheticUnit[] {
  const units: SyntheticUnit[] = [];
  for (let i = 1; i <= 15; i++) units.push({ code: `dept-${i}`, level: "department", targetSize: 15 });
  for (let i = 1; i <= 8; i++) units.push({ code: `district-${i}`, level: "district", targetSize: 20 });
  for (let i = 1; i <= 24; i++) units.push({ code: `commune-${i}`, level: "commune", targetSize: 10 });
  return units;
}

const elements = sipas2017.sections.filter((section) => section.kind === "element");
const criterionElement = new Map(elements.flatMap((e) => e.items.map((item) => [item.code, e.code] as const)));

/** docs/method/sipas.md §2 defaults: item index = % of 4–5 among 1..5; element and unit = plain means. */
function unitIndex(responses: SyntheticResponse[]): number {
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  return mean(
    elements.map((element) =>
      mean(
        element.items.map((item) => {
          const values = responses
            .flatMap((r) => r.answers)
            .filter((a) => a.itemCode === item.code && a.value !== NOT_APPLICABLE)
            .map((a) => a.value!);
          return (100 * values.filter((v) => v >= 4).length) / values.length;
        }),
      ),
    ),
  );
}

describe("generateSyntheticResponses", () => {
  const units = units625();
  const responses = generateSyntheticResponses(units, sipas2017, 2020);
  const byUnit = new Map(units.map((u) => [u.code, responses.filter((r) => r.unitCode === u.code)]));
  const likert = responses.flatMap((r) => r.answers.filter((a) => criterionElement.has(a.itemCode)));

  it("gives the same output for the same seed and a different one for another seed", () => {
    expect(generateSyntheticResponses(units, sipas2017, 2020)).toEqual(responses);
    expect(generateSyntheticResponses(units, sipas2017, 2021)).not.toEqual(responses);
  });

  it("fills every target slot, with unique v4-shaped ids", () => {
    expect(responses).toHaveLength(625);
    for (const unit of units) expect(byUnit.get(unit.code)).toHaveLength(unit.targetSize);
    expect(new Set(responses.map((r) => r.id)).size).toBe(625);
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(responses.filter((r) => !v4.test(r.id))).toEqual([]);
  });

  it("answers every criterion once per response with 1..5 or 9, never 0", () => {
    const expected = [...criterionElement.keys()].join();
    for (const r of responses) {
      const codes = r.answers.filter((a) => criterionElement.has(a.itemCode)).map((a) => a.itemCode);
      if (codes.join() !== expected) expect(codes).toEqual([...criterionElement.keys()]);
    }
    // One assertion over the set of values seen, not 13,750 expect calls (slow on a busy machine).
    expect([...new Set(likert.map((a) => a.value))].sort()).toEqual([1, 2, 3, 4, 5, NOT_APPLICABLE]);
    expect(likert.filter((a) => a.choice !== "")).toEqual([]);
  });

  it("keeps 'not applicable' rare, and most common for feedback handling (E5)", () => {
    const naShare = (element: string) => {
      const answers = likert.filter((a) => criterionElement.get(a.itemCode) === element);
      return answers.filter((a) => a.value === NOT_APPLICABLE).length / answers.length;
    };
    for (const element of ["E1", "E2", "E3", "E4"]) {
      expect(naShare(element)).toBeGreaterThan(0.01);
      expect(naShare(element)).toBeLessThan(0.05);
    }
    expect(naShare("E5")).toBeGreaterThan(0.08);
    expect(naShare("E5")).toBeLessThan(0.25);
    const overall = likert.filter((a) => a.value === NOT_APPLICABLE).length / likert.length;
    expect(overall).toBeGreaterThan(0.02);
    expect(overall).toBeLessThan(0.08);
  });

  it("spreads unit indices around the national level, departments above communes", () => {
    const index = new Map(units.map((u) => [u.code, unitIndex(byUnit.get(u.code)!)]));
    const values = [...index.values()];
    const levelMean = (level: SyntheticUnit["level"]) => {
      const xs = units.filter((u) => u.level === level).map((u) => index.get(u.code)!);
      return xs.reduce((sum, x) => sum + x, 0) / xs.length;
    };
    const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThan(50);
    expect(Math.min(...values)).toBeLessThan(75);
    expect(Math.max(...values)).toBeGreaterThan(90);
    expect(Math.max(...values)).toBeLessThan(100);
    expect(mean).toBeGreaterThan(80);
    expect(mean).toBeLessThan(90);
    expect(levelMean("department")).toBeGreaterThan(levelMean("commune"));
  });

  it("rates civil servants (E3) highest and feedback handling (E5) lowest", () => {
    const share = (element: string) => {
      const answers = likert.filter((a) => criterionElement.get(a.itemCode) === element && a.value !== NOT_APPLICABLE);
      return answers.filter((a) => a.value! >= 4).length / answers.length;
    };
    const shares = ["E1", "E2", "E3", "E4", "E5"].map(share);
    expect(Math.max(...shares)).toBe(share("E3"));
    expect(Math.min(...shares)).toBe(share("E5"));
  });

  it("answers profile items with one option code each, and x01 with 1–3 distinct options", () => {
    const profile = sipas2017.sections.find((s) => s.kind === "profile")!;
    const x01 = sipas2017.sections.flatMap((s) => s.items).find((i) => i.code === "x01")!;
    for (const r of responses) {
      for (const item of profile.items) {
        const answers = r.answers.filter((a) => a.itemCode === item.code);
        expect(answers).toHaveLength(1);
        expect(answers[0].value).toBeNull();
        expect(item.options!.map((o) => o.code)).toContain(answers[0].choice);
      }
      const chosen = r.answers.filter((a) => a.itemCode === "x01").map((a) => a.choice);
      expect(chosen.length).toBeGreaterThanOrEqual(1);
      expect(chosen.length).toBeLessThanOrEqual(3);
      expect(new Set(chosen).size).toBe(chosen.length);
      for (const code of chosen) expect(x01.options!.map((o) => o.code)).toContain(code);
    }
    const rural = responses.filter((r) => r.answers.some((a) => a.itemCode === "p06" && a.choice === "rural"));
    expect(rural.length / responses.length).toBeGreaterThan(0.5);
  });

  it("leaves a comment in about 15% of responses, a few with a phone number", () => {
    const comments = responses.flatMap((r) => r.answers.filter((a) => a.itemCode === "y01"));
    expect(comments.length / responses.length).toBeGreaterThan(0.1);
    expect(comments.length / responses.length).toBeLessThan(0.2);
    const withPhone = comments.filter((a) => /0\d{2,3}[ .]?\d{3}[ .]?\d{3}/.test(a.text!));
    expect(withPhone.length).toBeGreaterThan(0);
    expect(withPhone.length).toBeLessThan(comments.length / 2);
  });

  it("dates responses within 15/8–31/10/2020, each taking 4–20 minutes", () => {
    const start = Date.parse("2020-08-15T00:00:00+07:00");
    const end = Date.parse("2020-11-01T00:00:00+07:00");
    for (const r of responses) {
      expect(r.startedAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(r.submittedAt.getTime()).toBeLessThan(end);
      const minutes = (r.submittedAt.getTime() - r.startedAt.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(4);
      expect(minutes).toBeLessThanOrEqual(20);
    }
    expect(responses.filter((r) => r.language === "vi").length).toBeGreaterThan(600);
  });
});
