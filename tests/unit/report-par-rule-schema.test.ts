import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import {
  buildParRuleSchema,
  parseStoredRule,
  storedParams,
  toParRuleDefinition,
} from "~/domain/report/par-rule-schema";

const schema = buildParRuleSchema(translator("vi"));
const parse = (fields: Record<string, unknown>) =>
  schema.safeParse({ intent: "save", year: "2020", level: "district", ...fields });
const messages = (r: ReturnType<typeof parse>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("the PAR rule form", () => {
  it("reads decimals typed with a comma and builds a linear rule", () => {
    const r = parse({ kind: "linear", maxPoints: "7,5", from: "50", to: "100" });
    expect(r.success && toParRuleDefinition(r.data)).toEqual({ kind: "linear", maxPoints: 7.5, from: 50, to: 100 });
  });

  it("requires the linear fields and an upper index above the lower one", () => {
    expect(messages(parse({ kind: "linear", maxPoints: "", from: "80", to: "60" }))).toEqual([
      "maxPoints: Ô này là bắt buộc với cách tính đã chọn.",
      "to: Mức trên phải lớn hơn mức dưới.",
    ]);
  });

  it("drops empty threshold rows, sorts the steps and refuses half-filled or duplicate rows", () => {
    const ok = parse({
      kind: "thresholds",
      steps: [
        { min: "90", points: "4" },
        { min: "", points: "" },
        { min: "80", points: "2,5" },
      ],
    });
    expect(ok.success && toParRuleDefinition(ok.data)).toEqual({
      kind: "thresholds",
      steps: [
        { min: 80, points: 2.5 },
        { min: 90, points: 4 },
      ],
    });
    expect(messages(parse({ kind: "thresholds", steps: [{ min: "90", points: "" }] }))).toEqual([
      "steps.0.points: Ô này là bắt buộc với cách tính đã chọn.",
    ]);
    expect(
      messages(
        parse({
          kind: "thresholds",
          steps: [
            { min: "90", points: "1" },
            { min: "90", points: "2" },
          ],
        }),
      ),
    ).toEqual(["steps: Hai ngưỡng không được có cùng mức chỉ số."]);
    expect(messages(parse({ kind: "thresholds", steps: [] }))).toEqual([
      "steps: Nhập ít nhất một ngưỡng (chỉ số từ và số điểm).",
    ]);
  });

  it("refuses a bad year, a number out of range and text", () => {
    expect(messages(parse({ year: "20", kind: "linear", maxPoints: "abc", from: "-1", to: "100" }))).toEqual([
      "year: Nhập năm gồm 4 chữ số, từ 2000 đến 2100.",
      "maxPoints: Nhập một số, ví dụ 7,5.",
      "from: Nhập số từ 0 đến 100.",
    ]);
  });
});

describe("stored rules", () => {
  it("round-trip through the JSON column, and a broken row reads as no rule", () => {
    const rule = { kind: "thresholds" as const, steps: [{ min: 70, points: 3 }] };
    expect(parseStoredRule(rule.kind, storedParams(rule))).toEqual(rule);
    expect(parseStoredRule("linear", '{"maxPoints":2,"from":90,"to":50}')).toBeNull();
    expect(parseStoredRule("linear", "not json")).toBeNull();
    expect(parseStoredRule("curve", "{}")).toBeNull();
  });
});
