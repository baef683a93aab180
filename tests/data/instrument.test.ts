import { describe, expect, it } from "vitest";
import { elementsOf, getInstrument, getInstrumentLanguages } from "~/models/instrument.server";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import { createInstrument } from "./fixtures";

// The instrument is data (docs/method/sipas.md §1): what the seed writes must come back as the same
// questionnaire, in the same order, or the steps, the schemas and the results drift apart.

describe("getInstrument", () => {
  it("rebuilds the SIPAS 2017 definition from its rows, order kept", async () => {
    const { id } = await createInstrument(sipas2017);
    const rebuilt = await getInstrument(id);
    expect(rebuilt).toEqual(sipas2017);
    // What the loader sends to the browser (JSON) is the definition exactly: no extra keys,
    // no null where the definition has no value.
    expect(JSON.parse(JSON.stringify(rebuilt))).toStrictEqual(sipas2017);
    expect(rebuilt.sections.map((s) => s.code)).toEqual(["profile", "E1", "E2", "E3", "E4", "E5", "expectations", "comment"]);
    expect(rebuilt.sections[1].items.map((i) => i.code)).toEqual(["c01", "c02", "c03", "c04"]);
    expect(await getInstrumentLanguages(id)).toEqual(["vi", "en"]);
  });

  it("keeps item order by position, not by code or insertion order", async () => {
    // Reverse the criteria of E1 in the definition: the rebuilt E1 must follow the definition.
    const reordered = {
      ...sipas2017,
      code: "SIPAS-reordered",
      sections: sipas2017.sections.map((s) => (s.code === "E1" ? { ...s, items: [...s.items].reverse() } : s)),
    };
    const { id } = await createInstrument(reordered);
    const rebuilt = await getInstrument(id);
    expect(rebuilt.sections.find((s) => s.code === "E1")!.items.map((i) => i.code)).toEqual(["c04", "c03", "c02", "c01"]);
  });
});

describe("elementsOf", () => {
  it("gives E1..E5 with the 22 criteria c01..c22, in order", async () => {
    const { id } = await createInstrument({ ...sipas2017, code: "SIPAS-elements" });
    const elements = elementsOf(await getInstrument(id));
    expect(elements).toEqual({
      E1: ["c01", "c02", "c03", "c04"],
      E2: ["c05", "c06", "c07", "c08", "c09"],
      E3: ["c10", "c11", "c12", "c13", "c14", "c15"],
      E4: ["c16", "c17", "c18"],
      E5: ["c19", "c20", "c21", "c22"],
    });
    const criteria = Object.values(elements).flat();
    expect(criteria).toEqual(Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`));
  });
});
