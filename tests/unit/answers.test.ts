import { describe, expect, it } from "vitest";
import type { SectionDefinition } from "~/domain/instruments/instrument-definition";
import {
  answerRowsFromValues,
  incompleteSections,
  valuesFromAnswerRows,
  type AnswerRow,
} from "~/domain/survey/answers";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

// answers.ts is the seam between a step's form values and the Answer rows the results
// are computed from: a value lost or doubled here is a wrong index later.

function section(code: string): SectionDefinition {
  const found = sipas2017.sections.find((s) => s.code === code);
  if (!found) throw new Error(`no section ${code} in sipas2017`);
  return found;
}

const PROFILE_VALUES = {
  p01: "male",
  p02: "over-60",
  p03: section("profile").items[2].options![1].code,
  p04: section("profile").items[3].options![2].code,
  p05: section("profile").items[4].options![0].code,
  p06: section("profile").items[5].options![1].code,
  p07: "in-person",
};

describe("answerRowsFromValues and valuesFromAnswerRows", () => {
  it("round-trips likert answers, 9 included, as numbers in the rows", () => {
    const values = { c01: "5", c02: "9", c03: "1", c04: "3" };
    const rows = answerRowsFromValues(section("E1"), values);
    expect(rows).toEqual([
      { itemCode: "c01", choice: "", value: 5, text: null },
      { itemCode: "c02", choice: "", value: 9, text: null },
      { itemCode: "c03", choice: "", value: 1, text: null },
      { itemCode: "c04", choice: "", value: 3, text: null },
    ]);
    expect(valuesFromAnswerRows(section("E1"), rows)).toEqual(values);
  });

  it("round-trips single choices as option codes", () => {
    const rows = answerRowsFromValues(section("profile"), PROFILE_VALUES);
    expect(rows).toContainEqual({ itemCode: "p07", choice: "in-person", value: null, text: null });
    expect(rows).toHaveLength(7);
    expect(valuesFromAnswerRows(section("profile"), rows)).toEqual(PROFILE_VALUES);
  });

  it("round-trips a multi choice as one row per option", () => {
    const values = { x01: ["it-use", "attitude"] };
    const rows = answerRowsFromValues(section("expectations"), values);
    expect(rows).toEqual([
      { itemCode: "x01", choice: "it-use", value: null, text: null },
      { itemCode: "x01", choice: "attitude", value: null, text: null },
    ]);
    expect(valuesFromAnswerRows(section("expectations"), rows)).toEqual(values);
  });

  it("stores an option ticked twice once (the Answer primary key includes the choice)", () => {
    const rows = answerRowsFromValues(section("expectations"), { x01: ["lower-fees", "attitude", "lower-fees"] });
    expect(rows.map((r) => r.choice)).toEqual(["lower-fees", "attitude"]);
  });

  it("accepts a multi value that arrives as a plain string", () => {
    const rows = answerRowsFromValues(section("expectations"), { x01: "lower-fees" });
    expect(rows).toEqual([{ itemCode: "x01", choice: "lower-fees", value: null, text: null }]);
  });

  it("round-trips a comment, Vietnamese text and line breaks intact", () => {
    const values = { y01: "Cần thêm ghế chờ.\nNhân viên rất nhiệt tình." };
    const rows = answerRowsFromValues(section("comment"), values);
    expect(rows).toEqual([{ itemCode: "y01", choice: "", value: null, text: values.y01 }]);
    expect(valuesFromAnswerRows(section("comment"), rows)).toEqual(values);
  });

  it("writes no row for an unanswered item: undefined, empty string or no box", () => {
    expect(answerRowsFromValues(section("E1"), { c01: "4", c02: undefined, c03: "" })).toEqual([
      { itemCode: "c01", choice: "", value: 4, text: null },
    ]);
    expect(answerRowsFromValues(section("expectations"), { x01: [] })).toEqual([]);
    expect(answerRowsFromValues(section("comment"), { y01: "" })).toEqual([]);
  });

  it("reads back only the section's own items", () => {
    const rows: AnswerRow[] = [
      { itemCode: "c01", choice: "", value: 4, text: null },
      { itemCode: "c05", choice: "", value: 2, text: null },
      { itemCode: "p01", choice: "female", value: null, text: null },
    ];
    expect(valuesFromAnswerRows(section("E1"), rows)).toEqual({ c01: "4" });
  });
});

describe("incompleteSections", () => {
  const sections = sipas2017.sections;
  const likert = (code: string, value: number): AnswerRow => ({ itemCode: code, choice: "", value, text: null });
  const allCriteria = sections
    .filter((s) => s.kind === "element")
    .flatMap((s) => s.items.map((item) => likert(item.code, 4)));
  const profileRows = answerRowsFromValues(section("profile"), PROFILE_VALUES);

  it("lists every section with a required item when nothing is answered, in instrument order", () => {
    // expectations and comment have only optional items: never incomplete.
    expect(incompleteSections(sections, [])).toEqual(["profile", "E1", "E2", "E3", "E4", "E5"]);
  });

  it("is empty when every required item is answered, optional ones left out", () => {
    expect(incompleteSections(sections, [...profileRows, ...allCriteria])).toEqual([]);
  });

  it("counts 9 (not applicable) as an answer", () => {
    const rows = [...profileRows, ...allCriteria.map((r) => (r.itemCode === "c20" ? likert("c20", 9) : r))];
    expect(incompleteSections(sections, rows)).toEqual([]);
  });

  it("names only the sections that miss an answer", () => {
    const rows = [
      ...profileRows.filter((r) => r.itemCode !== "p04"),
      ...allCriteria.filter((r) => r.itemCode !== "c12"),
    ];
    expect(incompleteSections(sections, rows)).toEqual(["profile", "E3"]);
  });
});
