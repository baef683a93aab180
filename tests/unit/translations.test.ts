import { describe, expect, it } from "vitest";
import {
  completeLanguages,
  languagesOf,
  missingTexts,
  parseTranslationCsv,
  planTranslations,
  textEntries,
  toTranslationCsv,
} from "~/domain/instruments/translations";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { readCsvTable } from "~/utils/csv-table";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

const tiny: InstrumentDefinition = {
  code: "T",
  version: 1,
  name: { vi: "Phiếu", en: "Form" },
  source: "test",
  sections: [
    {
      code: "profile",
      kind: "profile",
      title: { vi: "Thông tin", en: "About you" },
      items: [
        {
          code: "p01",
          kind: "single",
          text: { vi: "Giới tính", en: "Gender" },
          required: true,
          options: [{ code: "male", label: { vi: "Nam", en: "Male" } }],
        },
      ],
    },
    {
      code: "E1",
      kind: "element",
      title: { vi: "Tiếp cận", en: "Access" },
      intro: { vi: "Đánh giá", en: "Rate" },
      items: [{ code: "c01", kind: "likert", text: { vi: "Chỗ ngồi", en: "Seats" }, required: true }],
    },
  ],
};

/** Fill a column for a language in an exported file, as a translator would. */
function withColumn(csv: string, lang: string, fill: (key: string) => string) {
  const { lines } = readCsvTable(csv);
  return [
    `key,vi,en,${lang}`,
    ...lines.map(({ cells }) => [...cells, fill(cells[0])].map((c) => `"${c.replace(/"/g, '""')}"`).join(",")),
  ].join("\n");
}

describe("export", () => {
  it("names every text by code, in questionnaire order", () => {
    expect(textEntries(tiny).map((e) => e.key)).toEqual([
      "instrument.name",
      "section.profile.title",
      "item.p01.text",
      "item.p01.option.male",
      "section.E1.title",
      "section.E1.intro",
      "item.c01.text",
    ]);
  });

  it("writes key,vi,en with a byte-order mark, and the SIPAS 2017 instrument is complete in both", () => {
    const csv = toTranslationCsv(tiny);
    expect(csv.startsWith("\uFEFFkey,vi,en\r\n")).toBe(true);
    expect(csv).toContain("item.p01.option.male,Nam,Male");
    expect(completeLanguages(sipas2017)).toEqual(["vi", "en"]);
    expect(languagesOf(sipas2017)).toEqual(["vi", "en"]);
  });
});

describe("import", () => {
  it("round-trips: the exported file changes nothing", () => {
    const plan = planTranslations(tiny, parseTranslationCsv(toTranslationCsv(tiny), tiny), ["vi", "en"]);
    expect(plan.changes).toEqual([]);
    expect(plan.definition).toEqual(tiny);
  });

  it("a fully filled new column makes the language complete; a partial one lists what is missing", () => {
    const full = withColumn(toTranslationCsv(tiny), "hmn", (key) => `hmn:${key}`);
    const plan = planTranslations(tiny, parseTranslationCsv(full, tiny), ["vi", "en"]);
    expect(plan.complete).toEqual(["vi", "en", "hmn"]);
    expect(plan.added).toEqual({ hmn: 7 });
    expect(plan.definition.sections[0].items[0].options![0].label.hmn).toBe("hmn:item.p01.option.male");

    const partial = withColumn(toTranslationCsv(tiny), "th", (key) => (key.startsWith("item.") ? "" : `th:${key}`));
    const partialPlan = planTranslations(tiny, parseTranslationCsv(partial, tiny), ["vi", "en"]);
    expect(partialPlan.complete).toEqual(["vi", "en"]);
    expect(partialPlan.missing.th).toEqual(["item.p01.text", "item.p01.option.male", "item.c01.text"]);
    expect(partialPlan.missing.vi).toEqual([]);
  });

  it("reports changed texts, and an empty cell keeps the stored text", () => {
    const csv = "key;vi;en\nitem.c01.text;Chỗ ngồi chờ;\nsection.E1.title;Tiếp cận;Access";
    const plan = planTranslations(tiny, parseTranslationCsv(csv, tiny), ["vi", "en"]);
    expect(plan.changes).toEqual([{ key: "item.c01.text", language: "vi", before: "Chỗ ngồi", after: "Chỗ ngồi chờ" }]);
    expect(plan.definition.sections[1].items[0].text).toEqual({ vi: "Chỗ ngồi chờ", en: "Seats" });
  });

  it("reports unknown keys, repeated keys and bad language codes by line", () => {
    const csv = "key,vi,en,Hmong1,vi\nitem.c99.text,x,y,z,w\nitem.c01.text,a,b,,\nitem.c01.text,a,b,,";
    expect(parseTranslationCsv(csv, tiny).problems).toEqual([
      { line: 1, reason: "badLanguage", value: "hmong1" },
      { line: 1, reason: "duplicateLanguage", value: "vi" },
      { line: 2, reason: "unknownKey", value: "item.c99.text" },
      { line: 4, reason: "duplicateKey", value: "item.c01.text" },
    ]);
    expect(parseTranslationCsv("code,vi\nx,y", tiny).problems).toEqual([{ line: 1, reason: "noKeyColumn" }]);
  });

  it("missingTexts lists empty texts per language", () => {
    expect(missingTexts(tiny, ["en", "hmn"])).toEqual({ en: [], hmn: textEntries(tiny).map((e) => e.key) });
  });
});
