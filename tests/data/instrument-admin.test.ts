import { describe, expect, it } from "vitest";
import { parseTranslationCsv, planTranslations, textEntries, toTranslationCsv } from "~/domain/instruments/translations";
import { addItem, applyTranslations, cloneInstrument, moveItem, removeItem, updateItem } from "~/models/instrument-admin.server";
import { freezeInstrument, getInstrument, getInstrumentLanguages } from "~/models/instrument.server";
import { prisma } from "~/db/prisma.server";
import { createSurvey } from "./fixtures";

// Editing questionnaires (docs/decisions/003): a frozen version never changes a question;
// edits go to a cloned draft; a new language may still be added to a frozen version.

/** An export with a column for `lang` filled for every key. */
function fullColumn(csv: string, lang: string) {
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  return [`${lines[0]},${lang}`, ...lines.slice(1).map((l) => `${l},"${lang} ${l.split(",")[0]}"`)].join("\n");
}

describe("cloneInstrument", () => {
  it("makes version + 1 as a draft with the same questionnaire", async () => {
    const { instrument } = await createSurvey();
    await freezeInstrument(instrument.id);
    const clone = await cloneInstrument(instrument.id);
    expect(clone.version).toBe(instrument.version + 1);
    expect(clone.frozenAt).toBeNull();
    const [a, b] = [await getInstrument(instrument.id), await getInstrument(clone.id)];
    expect(b).toEqual({ ...a, version: a.version + 1 });
    expect((await cloneInstrument(instrument.id)).version).toBe(instrument.version + 2);
  });
});

describe("draft edits", () => {
  it("edits texts and required, reorders within a section, adds and removes", async () => {
    const { instrument } = await createSurvey();
    const id = instrument.id;
    expect((await updateItem(id, "c01", { text: { vi: "Chỗ ngồi", en: "Seats" }, required: false })).ok).toBe(true);
    expect((await moveItem(id, "c01", "down")).ok).toBe(true);
    let def = await getInstrument(id);
    expect(def.sections[1].items.map((i) => i.code)).toEqual(["c02", "c01", "c03", "c04"]);
    expect(def.sections[1].items[1]).toMatchObject({ text: { vi: "Chỗ ngồi", en: "Seats" }, required: false });

    // A new item with only Vietnamese: English is no longer complete, so the menu drops it.
    expect((await addItem(id, { sectionCode: "E1", code: "c23", kind: "likert", text: { vi: "Mới" }, required: true })).ok).toBe(true);
    expect(await getInstrumentLanguages(id)).toEqual(["vi"]);
    expect(await addItem(id, { sectionCode: "E1", code: "c23", kind: "likert", text: { vi: "Lặp" }, required: true })).toEqual({ ok: false, error: "codeTaken" });
    expect((await removeItem(id, "c23")).ok).toBe(true);
    expect(await getInstrumentLanguages(id)).toEqual(["vi", "en"]);
    def = await getInstrument(id);
    expect(def.sections[1].items.map((i) => i.code)).toEqual(["c02", "c01", "c03", "c04"]);
  });

  it("a frozen version refuses every edit", async () => {
    const { instrument } = await createSurvey();
    await freezeInstrument(instrument.id);
    const frozen = { ok: false, error: "frozen" };
    expect(await updateItem(instrument.id, "c01", { text: { vi: "x" }, required: true })).toEqual(frozen);
    expect(await moveItem(instrument.id, "c01", "down")).toEqual(frozen);
    expect(await addItem(instrument.id, { sectionCode: "E1", code: "c99", kind: "text", text: { vi: "x" }, required: false })).toEqual(frozen);
    expect(await removeItem(instrument.id, "c01")).toEqual(frozen);
    expect(await prisma.instrumentItem.count({ where: { instrumentId: instrument.id } })).toBe(
      textEntries(await getInstrument(instrument.id)).filter((e) => e.key.endsWith(".text")).length,
    );
  });
});

describe("applyTranslations", () => {
  it("adds a complete new language to a frozen version, and refuses changed texts there", async () => {
    const { instrument } = await createSurvey();
    await freezeInstrument(instrument.id);
    const def = await getInstrument(instrument.id);
    const csv = fullColumn(toTranslationCsv(def), "hmn");
    const plan = planTranslations(def, parseTranslationCsv(csv, def), ["vi", "en"]);
    expect(plan.changes).toEqual([]);
    expect((await applyTranslations(instrument.id, plan)).ok).toBe(true);
    expect(await getInstrumentLanguages(instrument.id)).toEqual(["vi", "en", "hmn"]);
    expect((await getInstrument(instrument.id)).sections[1].items[0].text.hmn).toBe("hmn item.c01.text");

    const changed = planTranslations(def, parseTranslationCsv("key,vi\nitem.c01.text,Đổi câu hỏi", def), ["vi", "en"]);
    expect(await applyTranslations(instrument.id, changed)).toEqual({ ok: false, error: "frozen" });
    expect((await getInstrument(instrument.id)).sections[1].items[0].text.vi).toBe(def.sections[1].items[0].text.vi);
  });
});
