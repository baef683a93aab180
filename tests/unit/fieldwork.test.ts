import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "~/utils/csv";
import { GRACE_DAYS, invitationExpiry } from "~/domain/invitations/invitation-rules";
import { newInvitationToken, TOKEN_PATTERN } from "~/domain/invitations/invitation-token.server";
import { answerKey, computeMismatches, rowsFromKey } from "~/domain/paper/mismatch";
import { buildPaperSchema } from "~/features/paper/paper-schema";
import { progressRow, progressTotals } from "~/domain/progress/progress";
import { translator } from "~/i18n";
import type { AnswerRow } from "~/domain/survey/answers";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

describe("invitation tokens", () => {
  it("are 16 base32 characters (80 bits) and do not repeat", () => {
    const tokens = Array.from({ length: 2000 }, newInvitationToken);
    for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("use every letter of the alphabet (no modulo bias hiding part of it)", () => {
    const seen = new Set(Array.from({ length: 500 }, newInvitationToken).join(""));
    expect(seen.size).toBe(32);
  });

  it("expire the grace period after the round's end, or after today when issued late", () => {
    const end = new Date("2030-10-31T00:00:00Z");
    const now = new Date("2030-09-01T00:00:00Z");
    expect(invitationExpiry(end, now).toISOString()).toBe(
      new Date(end.getTime() + GRACE_DAYS * 86_400_000).toISOString(),
    );
    const late = new Date("2031-01-01T00:00:00Z");
    expect(invitationExpiry(end, late).getTime()).toBe(late.getTime() + GRACE_DAYS * 86_400_000);
  });
});

describe("CSV for text messages", () => {
  it("neutralises cells that a spreadsheet would run as a formula", () => {
    expect(escapeCsvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(escapeCsvCell("+84912345678")).toBe("'+84912345678");
    expect(escapeCsvCell("-1")).toBe("'-1");
    expect(escapeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvCell("0912345678")).toBe("0912345678");
  });

  it("quotes commas, quotes and line breaks, and writes empty cells for null", () => {
    expect(escapeCsvCell("Sở Nội vụ, Lai Châu")).toBe('"Sở Nội vụ, Lai Châu"');
    expect(escapeCsvCell("a\nb")).toBe('"a\nb"');
    expect(escapeCsvCell(null)).toBe("");
    expect(toCsv(["phone", "link"], [["+84 1", "http://x/i/A"]])).toBe("\uFEFFphone,link\r\n'+84 1,http://x/i/A\r\n");
  });
});

const row = (itemCode: string, part: Partial<AnswerRow>): AnswerRow => ({
  itemCode,
  choice: "",
  value: null,
  text: null,
  ...part,
});

describe("double-entry mismatches", () => {
  const codes = ["p01", "c01", "c02", "x01", "y01"];
  const first = [
    row("p01", { choice: "male" }),
    row("c01", { value: 4 }),
    row("c02", { value: 9 }),
    row("x01", { choice: "b" }),
    row("x01", { choice: "a" }),
    row("y01", { text: "Tốt " }),
  ];

  it("finds nothing when the two keyings agree (multi as a set, text trimmed)", () => {
    const second = [
      row("y01", { text: "Tốt" }),
      row("x01", { choice: "a" }),
      row("x01", { choice: "b" }),
      row("c02", { value: 9 }),
      row("c01", { value: 4 }),
      row("p01", { choice: "male" }),
    ];
    expect(computeMismatches(codes, first, second)).toEqual([]);
  });

  it("lists differing items in instrument order, blank for a missing answer", () => {
    const second = [
      row("p01", { choice: "female" }),
      row("c01", { value: 4 }),
      row("x01", { choice: "a" }),
      row("y01", { text: "Tốt" }),
    ];
    expect(computeMismatches(codes, first, second)).toEqual([
      { itemCode: "p01", first: "male", second: "female" },
      { itemCode: "c02", first: "9", second: "" },
      { itemCode: "x01", first: "a,b", second: "a" },
    ]);
  });

  it("turns an accepted key back into answer rows", () => {
    expect(rowsFromKey({ code: "c01", kind: "likert" }, "5")).toEqual([row("c01", { value: 5 })]);
    expect(rowsFromKey({ code: "x01", kind: "multi" }, "a,b")).toEqual([
      row("x01", { choice: "a" }),
      row("x01", { choice: "b" }),
    ]);
    expect(rowsFromKey({ code: "c01", kind: "likert" }, "")).toEqual([]);
    expect(answerKey(rowsFromKey({ code: "y01", kind: "text" }, "Tốt"), "y01")).toBe("Tốt");
  });
});

describe("progress arithmetic", () => {
  it("remaining is target minus completed, never negative, refusals not subtracted", () => {
    expect(progressRow({ target: 10, completed: 3, inProgress: 2, refused: 4 }).remaining).toBe(7);
    expect(progressRow({ target: 5, completed: 8, inProgress: 0, refused: 0 }).remaining).toBe(0);
  });

  it("totals add the rows; a unit over target does not reduce another's remaining", () => {
    const rows = [
      progressRow({ target: 5, completed: 8, inProgress: 1, refused: 0 }),
      progressRow({ target: 10, completed: 4, inProgress: 0, refused: 2 }),
    ];
    expect(progressTotals(rows)).toEqual({ target: 15, completed: 12, inProgress: 1, refused: 2, remaining: 6 });
  });
});

describe("paper form schema", () => {
  const schema = buildPaperSchema(sipas2017, translator("vi"));
  it("merges every section's own schema: typed digits 1–5 and 9 pass, 0 and 6 do not", () => {
    const result = schema.safeParse({
      responseId: crypto.randomUUID(),
      unit: "u",
      serial: "a-12",
      c01: "0",
      c02: "6",
      c03: "9",
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => i.path[0]);
    expect(issues).toContain("c01");
    expect(issues).toContain("c02");
    expect(issues).not.toContain("c03");
    expect(issues).toContain("p01");
  });
  it("upper-cases the serial and refuses odd characters", () => {
    const bad = schema.safeParse({ serial: "12/3" });
    expect(bad.error!.issues.some((i) => i.path[0] === "serial")).toBe(true);
  });
});
