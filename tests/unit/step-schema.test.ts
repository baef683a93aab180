import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import type { SectionDefinition } from "~/domain/instruments/instrument-definition";
import { buildStepSchema, MAX_COMMENT_LENGTH } from "~/domain/survey/step-schema";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

// The step schema is what stands between a citizen's form post and the database, in the
// browser and in the action alike. These tests post real FormData through conform's
// parseWithZod, exactly as the route does, against the real SIPAS 2017 sections.

const vi = translator("vi");
const REQUIRED_VI = "Xin chọn một câu trả lời cho câu này.";
const INVALID_VI = "Lựa chọn này không có trong danh sách. Xin chọn lại.";

function section(code: string): SectionDefinition {
  const found = sipas2017.sections.find((s) => s.code === code);
  if (!found) throw new Error(`no section ${code} in sipas2017`);
  return found;
}

function formDataFrom(fields: Record<string, string | string[]>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) formData.append(name, v);
  }
  return formData;
}

/** Post a step as the route does; `error` is the field errors, undefined on success. */
function parse(target: SectionDefinition, fields: Record<string, string | string[]>, t = vi) {
  const submission = parseWithZod(formDataFrom(fields), { schema: buildStepSchema(target, t) });
  return { ...submission, error: submission.status === "error" ? submission.error : undefined };
}

function parseStep(code: string, fields: Record<string, string | string[]>, t = vi) {
  return parse(section(code), fields, t);
}

/** E1 is c01..c04, all likert, all required. */
const E1_COMPLETE = { c01: "5", c02: "4", c03: "1", c04: "3" };

const PROFILE_COMPLETE = {
  p01: "female",
  p02: "35-49",
  p03: section("profile").items[2].options![0].code,
  p04: section("profile").items[3].options![0].code,
  p05: section("profile").items[4].options![0].code,
  p06: section("profile").items[5].options![0].code,
  p07: "in-person",
};

describe("buildStepSchema: an element step (likert)", () => {
  it("accepts a complete step and yields the answers as posted", () => {
    // The form also posts the button's intent: it is not an answer and is dropped.
    const submission = parseStep("E1", { ...E1_COMPLETE, intent: "next" });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual(E1_COMPLETE);
  });

  it('accepts "9" (not applicable) as an answer to a required criterion', () => {
    const submission = parseStep("E1", { ...E1_COMPLETE, c02: "9" });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.c02).toBe("9");
  });

  it("reports a missing answer on that criterion only, in Vietnamese", () => {
    const { c03: _omitted, ...rest } = E1_COMPLETE;
    const submission = parseStep("E1", rest);
    expect(submission.status).toBe("error");
    expect(submission.error).toEqual({ c03: [REQUIRED_VI] });
  });

  it("treats an empty radio value as missing", () => {
    const submission = parseStep("E1", { ...E1_COMPLETE, c04: "" });
    expect(submission.error).toEqual({ c04: [REQUIRED_VI] });
  });

  it.each(["0", "6", "abc", "4.5", " 4", "-1"])("rejects %j as a likert answer", (bad) => {
    const submission = parseStep("E1", { ...E1_COMPLETE, c01: bad });
    expect(submission.status).toBe("error");
    expect(Object.keys(submission.error ?? {})).toEqual(["c01"]);
  });

  it("lists every missing criterion of an empty step", () => {
    const submission = parseStep("E1", {});
    expect(submission.error).toEqual({
      c01: [REQUIRED_VI],
      c02: [REQUIRED_VI],
      c03: [REQUIRED_VI],
      c04: [REQUIRED_VI],
    });
  });
});

describe("buildStepSchema: the profile step (single choice)", () => {
  it("accepts a complete profile", () => {
    const submission = parseStep("profile", PROFILE_COMPLETE);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual(PROFILE_COMPLETE);
  });

  it("rejects an option code that is not in the item's list", () => {
    const submission = parseStep("profile", { ...PROFILE_COMPLETE, p01: "other" });
    expect(submission.error).toEqual({ p01: [INVALID_VI] });
  });

  it("rejects an option code of another item", () => {
    // "in-person" is a p07 option, not an age band.
    const submission = parseStep("profile", { ...PROFILE_COMPLETE, p02: "in-person" });
    expect(submission.error).toEqual({ p02: [INVALID_VI] });
  });

  it("reports a missing single choice with the required message", () => {
    const { p06: _omitted, ...rest } = PROFILE_COMPLETE;
    expect(parseStep("profile", rest).error).toEqual({ p06: [REQUIRED_VI] });
  });
});

describe("buildStepSchema: the expectations step (multi, at most 3)", () => {
  it("turns a single checked box into a one-element array", () => {
    const submission = parseStep("expectations", { x01: "lower-fees" });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ x01: ["lower-fees"] });
  });

  it("accepts up to maxChoices boxes, in the order posted", () => {
    const submission = parseStep("expectations", { x01: ["it-use", "attitude", "shorter-time"] });
    expect(submission.status === "success" && submission.value).toEqual({
      x01: ["it-use", "attitude", "shorter-time"],
    });
  });

  it("accepts no box at all (the item is optional)", () => {
    const submission = parseStep("expectations", {});
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ x01: [] });
  });

  it("rejects more than maxChoices with the Vietnamese message", () => {
    const submission = parseStep("expectations", { x01: ["it-use", "attitude", "shorter-time", "lower-fees"] });
    expect(submission.error).toEqual({ x01: ["Xin chọn không quá 3 ý."] });
  });

  it("requires at least one box when the item is required", () => {
    // No SIPAS 2017 item is a required multi; later instruments may have one.
    const required: SectionDefinition = {
      ...section("expectations"),
      items: section("expectations").items.map((item) => ({ ...item, required: true })),
    };
    expect(parse(required, {}).error).toEqual({ x01: [REQUIRED_VI] });
  });

  it("rejects an unknown option code among valid ones", () => {
    const submission = parseStep("expectations", { x01: ["attitude", "free-coffee"] });
    expect(submission.status).toBe("error");
    expect(Object.values(submission.error ?? {}).flat()).toEqual([INVALID_VI]);
  });
});

describe("buildStepSchema: the comment step (text)", () => {
  it("accepts a comment and trims it", () => {
    const submission = parseStep("comment", { y01: "  Cán bộ nhiệt tình.  " });
    expect(submission.status === "success" && submission.value).toEqual({ y01: "Cán bộ nhiệt tình." });
  });

  it("accepts an empty comment (the item is optional)", () => {
    expect(parseStep("comment", { y01: "" }).status).toBe("success");
    expect(parseStep("comment", {}).status).toBe("success");
  });

  it(`accepts exactly ${MAX_COMMENT_LENGTH} characters and rejects one more`, () => {
    expect(parseStep("comment", { y01: "ý".repeat(MAX_COMMENT_LENGTH) }).status).toBe("success");
    const submission = parseStep("comment", { y01: "ý".repeat(MAX_COMMENT_LENGTH + 1) });
    expect(submission.error).toEqual({ y01: ["Ý kiến dài quá 2000 ký tự. Xin rút gọn."] });
  });
});

describe("buildStepSchema in English", () => {
  const en = translator("en");

  it("gives the English messages", () => {
    expect(parseStep("E1", { c01: "5", c02: "4", c03: "3" }, en).error).toEqual({
      c04: ["Please choose an answer to this question."],
    });
    expect(parseStep("profile", { ...PROFILE_COMPLETE, p01: "x" }, en).error).toEqual({
      p01: ["This choice is not in the list. Please choose again."],
    });
    expect(parseStep("expectations", { x01: ["it-use", "attitude", "shorter-time", "lower-fees"] }, en).error).toEqual({
      x01: ["Please choose at most 3."],
    });
    expect(parseStep("comment", { y01: "a".repeat(MAX_COMMENT_LENGTH + 1) }, en).error).toEqual({
      y01: ["Your comment is longer than 2000 characters. Please shorten it."],
    });
  });
});
