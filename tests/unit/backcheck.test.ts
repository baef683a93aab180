import { describe, expect, test } from "vitest";
import { backCheckSize, drawBackChecks, type BackCheckCandidate } from "~/domain/backchecks/backcheck";
import { buildDrawSchema, buildResultSchema } from "~/domain/backchecks/backcheck-schema";
import { describeDuration, describeFlag } from "~/features/review/review-display";
import { buildRejectSchema, parseReviewFilter } from "~/domain/review/review-schema";
import { translator } from "~/i18n";

const vi = translator("vi");
const en = translator("en");

function candidates(enumeratorId: string, n: number): BackCheckCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    enumeratorId,
    responseId: `${enumeratorId}-r${String(i).padStart(3, "0")}`,
  }));
}

describe("backCheckSize", () => {
  test("⌈share·n⌉, at least one when there is any, never more than there are", () => {
    expect(backCheckSize(0, 0.1)).toBe(0);
    expect(backCheckSize(1, 0.1)).toBe(1);
    expect(backCheckSize(4, 0.1)).toBe(1);
    expect(backCheckSize(11, 0.1)).toBe(2);
    expect(backCheckSize(25, 0.1)).toBe(3);
    expect(backCheckSize(3, 1)).toBe(3);
    expect(backCheckSize(3, 0.5)).toBe(2);
  });

  test("a product that floating point puts a hair above a whole number is not rounded up", () => {
    // 0.1 × 30 = 3.0000000000000004 in IEEE 754 doubles; 0.07 × 100 = 7.000000000000001.
    expect(backCheckSize(30, 0.1)).toBe(3);
    expect(backCheckSize(100, 0.07)).toBe(7);
  });
});

describe("drawBackChecks", () => {
  const pool = [...candidates("enum-a", 25), ...candidates("enum-b", 4), ...candidates("enum-c", 11)];

  test("draws the share of each enumerator, at least one each", () => {
    const picked = drawBackChecks(pool, 0.1, "seed-1");
    const per = (id: string) => picked.filter((p) => p.enumeratorId === id).length;
    expect([per("enum-a"), per("enum-b"), per("enum-c")]).toEqual([3, 1, 2]);
    expect(new Set(picked.map((p) => p.responseId)).size).toBe(picked.length);
  });

  test("the same seed and candidates give the same draw, whatever their order", () => {
    const a = drawBackChecks(pool, 0.1, "seed-1");
    const b = drawBackChecks([...pool].reverse(), 0.1, "seed-1");
    expect(b).toEqual(a);
    expect(drawBackChecks(pool, 0.1, "seed-2")).not.toEqual(a);
  });

  test("one enumerator's draw does not depend on the others' interviews", () => {
    const alone = drawBackChecks(candidates("enum-a", 25), 0.1, "seed-1");
    const together = drawBackChecks(pool, 0.1, "seed-1").filter((p) => p.enumeratorId === "enum-a");
    expect(together).toEqual(alone);
  });

  test("only candidates are drawn", () => {
    const ids = new Set(pool.map((p) => p.responseId));
    for (const p of drawBackChecks(pool, 0.5, "x")) expect(ids.has(p.responseId)).toBe(true);
    expect(drawBackChecks([], 0.1, "x")).toEqual([]);
  });
});

describe("flag texts", () => {
  test("too fast, with the measured pace and the threshold, Vietnamese decimals", () => {
    const flag = {
      code: "too_fast",
      detail: JSON.stringify({ seconds: 48, answered: 40, secondsPerItem: 1.2, threshold: 2 }),
    };
    expect(describeFlag(flag, "vi", vi)).toBe("Quá nhanh: 1,2 giây/câu (ngưỡng 2)");
    expect(describeFlag(flag, "en", en)).toBe("Too fast: 1.2 s per question (threshold 2)");
  });

  test("straight-lining, same minute (in Vietnam's time), outside the district", () => {
    expect(describeFlag({ code: "straight_line", detail: '{"value":5,"answered":22}' }, "vi", vi)).toBe(
      "Trả lời một kiểu: mọi tiêu chí đều là 5 (22 câu)",
    );
    const same = describeFlag(
      { code: "same_minute", detail: '{"minute":"2020-09-01T08:15","count":3,"threshold":3}' },
      "vi",
      vi,
    );
    expect(same).toMatch(/^Nhiều phiếu cùng phút: 3 phiếu kết thúc cùng phút .*15:15.* \(ngưỡng 3\)$/);
    expect(
      describeFlag(
        { code: "outside_district", detail: '{"latitude":21.5,"longitude":103.25,"district":"huyen-tam-duong"}' },
        "vi",
        vi,
      ),
    ).toBe("Vị trí ngoài huyện: vị trí 21,5, 103,25 ngoài huyen-tam-duong");
  });

  test("a malformed detail or an unknown code does not throw", () => {
    expect(describeFlag({ code: "too_fast", detail: "not json" }, "vi", vi)).toBe("Quá nhanh: — giây/câu (ngưỡng —)");
    expect(describeFlag({ code: "new_rule", detail: "{}" }, "vi", vi)).toBe("new_rule");
  });

  test("duration in minutes and seconds", () => {
    expect(describeDuration("2020-09-01T08:00:00Z", "2020-09-01T08:12:05Z", vi)).toBe("12 phút 5 giây");
    expect(describeDuration("2020-09-01T08:00:00Z", null, vi)).toBe("—");
  });
});

describe("forms", () => {
  test("rejecting needs a reason of at least 5 characters", () => {
    const schema = buildRejectSchema(vi);
    expect(schema.safeParse({ intent: "reject" }).error?.issues[0].message).toBe(
      "Xin ghi lý do loại phiếu (ít nhất 5 ký tự).",
    );
    expect(schema.safeParse({ intent: "reject", reason: "   ab  " }).success).toBe(false);
    expect(schema.safeParse({ intent: "reject", reason: " Người dân nói không được phỏng vấn " }).data?.reason).toBe(
      "Người dân nói không được phỏng vấn",
    );
  });

  test("a mismatch needs a note; other results do not", () => {
    const schema = buildResultSchema(vi);
    const id = "0b7c1c8e-6c4b-4f3e-9a43-1d2c3b4a5e6f";
    const mismatch = schema.safeParse({ intent: "result", backCheckId: id, result: "mismatch" });
    expect(mismatch.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["note", "Khi không khớp, xin ghi rõ điều gì không khớp."],
    ]);
    expect(schema.safeParse({ intent: "result", backCheckId: id, result: "confirmed" }).success).toBe(true);
    expect(schema.safeParse({ intent: "result", backCheckId: id, result: "maybe" }).success).toBe(false);
  });

  test("the draw's share is 1–100 percent, the seed optional and plain", () => {
    const schema = buildDrawSchema(vi);
    expect(schema.safeParse({ intent: "draw", sharePercent: "10" }).data).toEqual({ intent: "draw", sharePercent: 10 });
    expect(schema.safeParse({ intent: "draw", sharePercent: "0" }).success).toBe(false);
    expect(schema.safeParse({ intent: "draw", sharePercent: "101" }).success).toBe(false);
    expect(schema.safeParse({ intent: "draw", sharePercent: "10", seed: "phuc tra" }).success).toBe(false);
  });

  test("list filters: empty means all, junk is ignored", () => {
    expect(parseReviewFilter(new URLSearchParams("status=&flag=any&page=2"))).toEqual({ flag: "any", page: 2 });
    expect(parseReviewFilter(new URLSearchParams("status=bogus&enumerator=x&page=-3"))).toEqual({ page: 1 });
  });
});
