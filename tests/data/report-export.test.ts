import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { compareIndices, parPoints } from "../../analysis";
import { formatNumber } from "~/i18n";
import { saveParRule } from "~/models/par-rule.server";
import { getReportData, saveReport } from "~/models/report.server";
import { getRoundResults } from "~/models/results.server";
import { buildReportFile } from "~/features/report/report-export.server";
import { contentDisposition, reportFileName } from "~/features/report/report-files";
import { prisma } from "~/db/prisma.server";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import { createResponse, createSurvey, type UnitSpec } from "./fixtures";

// A round of the real SIPAS 2017 instrument in the test's own SQLite file: two
// departments (one named like a spreadsheet formula), two districts, two communes, with
// answers that differ by unit; a previous round; PAR rules for 2020. Every number the
// exports show is checked against getRoundResults (computeRound) on the same database.
const CRITERIA = sipas2017.sections.filter((s) => s.kind === "element").flatMap((s) => s.items.map((i) => i.code));
const EVIL_NAME = '=HYPERLINK("http://example.invalid","x")';
const UNITS: UnitSpec[] = [
  { key: "dept-a", level: "department", population: 300 },
  { key: "dept-b", level: "department", population: 200 },
  { key: "dist-a", level: "district", population: 500 },
  { key: "dist-b", level: "district", population: 400 },
  { key: "comm-a", level: "commune", population: 120 },
  { key: "comm-b", level: "commune", population: 80 },
];
const RULE = { kind: "linear" as const, maxPoints: 10, from: 50, to: 100 };
const COMMUNE_RULE = { kind: "thresholds" as const, steps: [{ min: 60, points: 2 }, { min: 80, points: 5 }] };

/** Scores 1..5 (9 = not applicable now and then), a different mix per unit and person. */
function answersFor(unitIndex: number, person: number): Record<string, number> {
  return Object.fromEntries(
    CRITERIA.map((c, k) => {
      if ((person + k) % 17 === 0) return [c, 9];
      const x = (unitIndex * 7 + person * 3 + k * 5) % 10;
      return [c, x < unitIndex ? 2 : x < unitIndex + 2 ? 3 : x < 8 ? 4 : 5];
    }),
  );
}

let survey: Awaited<ReturnType<typeof createSurvey>>;

async function addResponses(roundId: string, unitIds: string[], perUnit: number, shift = 0) {
  for (const [u, unitId] of unitIds.entries()) {
    for (let p = 0; p < perUnit; p++) {
      await createResponse({ roundId, unitId, status: "submitted", answers: answersFor((u + shift) % 6, p) });
    }
  }
}

beforeAll(async () => {
  survey = await createSurvey({ units: UNITS });
  await prisma.unit.update({ where: { id: survey.units["dept-b"].id }, data: { name: EVIL_NAME } });
  await addResponses(survey.round.id, UNITS.map((u) => survey.units[u.key].id), 12);
  const previous = await createSurvey({ units: UNITS.slice(0, 3), status: "closed" });
  await addResponses(previous.round.id, UNITS.slice(0, 3).map((u) => previous.units[u.key].id), 10, 2);
  await prisma.round.update({ where: { id: survey.round.id }, data: { previousRoundId: previous.round.id, planDate: new Date("2020-07-29T00:00:00Z") } });
  survey.round = await prisma.round.findUniqueOrThrow({ where: { id: survey.round.id } });
  await saveParRule(2020, "department", RULE);
  await saveParRule(2020, "district", RULE);
  await saveParRule(2020, "commune", COMMUNE_RULE);
});

/** The rows of every table in a document.xml, each row its cells' text. */
function docxTables(xml: string): string[][][] {
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return xml.split("<w:tbl>").slice(1).map((table) =>
    table.split("</w:tbl>")[0].split(/<w:tr[\s>]/).slice(1).map((row) => row.split(/<w:tc[\s>]/).slice(1).map((cell) => unescape(text(cell)))),
  );
}

const vi = (v: number | null) => formatNumber("vi", v);
/** `text` contains `part` (a failure names the part, not 200 KB of XML). */
const expectIn = (text: string, part: string) => expect(text.includes(part), part).toBe(true);

describe("the .docx export", () => {
  it("generates the text when none is saved: overall index, best and worst, the change since the previous round", async () => {
    const { result } = await getRoundResults(survey.round.id, survey.round.instrumentId);
    const zip = await JSZip.loadAsync((await buildReportFile(survey.round, "docx", "vi")) as Uint8Array);
    const xml = await zip.file("word/document.xml")!.async("string");
    expectIn(xml, `chung của tỉnh năm 2020 đạt ${vi(result.overall.index)}%`);
    const districts = ["dist-a", "dist-b"].map((k) => survey.units[k]).sort((a, b) => result.units[b.code].index! - result.units[a.code].index!);
    expectIn(xml, `cao nhất là ${districts[0].name} (${vi(result.units[districts[0].code].index)}%)`);
    expectIn(xml, `thấp nhất là ${districts[1].name} (${vi(result.units[districts[1].code].index)}%)`);
    expectIn(xml, "So với kỳ khảo sát trước");
    // Whether the change is real, as analysis/compare-rounds.ts says.
    const previous = await prisma.round.findUniqueOrThrow({ where: { id: survey.round.previousRoundId! } });
    const change = compareIndices(result.overall.sipas, (await getRoundResults(previous.id, previous.instrumentId)).result.overall.sipas)!;
    expectIn(xml, `từ ${vi(change.previous)}% ${change.difference < 0 ? "xuống" : "lên"} ${vi(change.current)}%`);
    expectIn(xml, change.real ? "mức thay đổi này có ý nghĩa thống kê" : "mức thay đổi này chưa có ý nghĩa thống kê");
    expect(/NaN|undefined/.test(xml)).toBe(false);
  });
  it("holds the saved text, the overall index and each unit's n, index and PAR points as computed", async () => {
    const { result } = await getRoundResults(survey.round.id, survey.round.instrumentId);
    await saveReport(survey.round.id, "Đoạn mở đầu do cán bộ sửa.\n\nĐoạn thứ hai.", (await prisma.user.create({ data: { email: `v-${survey.round.code}@t`, name: "v", passwordHash: "x", role: "viewer" } })).id);
    const file = await buildReportFile(survey.round, "docx", "vi");
    expect(typeof file).not.toBe("string");
    const zip = await JSZip.loadAsync(file as Uint8Array);
    const xml = await zip.file("word/document.xml")!.async("string");
    expectIn(xml, "Đoạn mở đầu do cán bộ sửa.");
    expectIn(await zip.file("word/styles.xml")!.async("string"), 'w:ascii="Times New Roman"');
    // A4 portrait with 2 cm / 3 cm margins (twips).
    expectIn(xml, '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expectIn(xml, 'w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"');

    const [units, elements] = docxTables(xml);
    expect(units).toHaveLength(UNITS.length + 1);
    for (const spec of UNITS) {
      const unit = survey.units[spec.key];
      const name = spec.key === "dept-b" ? EVIL_NAME : unit.name;
      const row = units.find((r) => r[1] === name);
      expect(row, name).toBeDefined();
      const estimate = result.units[unit.code];
      expect(row![5]).toBe(String(estimate.n_responses));
      expect(row![6]).toBe(vi(estimate.index));
      const rule = spec.level === "commune" ? COMMUNE_RULE : RULE;
      expect(row![8]).toBe(vi(parPoints(estimate.index, rule)));
      // The SIPAS index's 95% interval (docs/decisions/010).
      const ci = estimate.sipas.ci;
      expect(ci).not.toBeNull();
      expect(row![7]).toBe(`${vi(ci![0])} – ${vi(ci![1])}`);
    }
    // The element table's province column is the computed element index.
    for (const [code, estimate] of Object.entries(result.overall.elements)) {
      expect(elements.find((r) => r[0] === code)![2]).toBe(vi(estimate.index));
    }
  });

});

describe("the Excel and CSV exports", () => {
  it("Excel: numbers as numbers equal to the computed ones, formula-like text escaped", async () => {
    const { result } = await getRoundResults(survey.round.id, survey.round.instrumentId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(((await buildReportFile(survey.round, "xlsx", "vi")) as Uint8Array).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toHaveLength(4);
    const sheet = workbook.worksheets[0];
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).slice(1);
    expect(rows).toHaveLength(UNITS.length);
    for (const spec of UNITS) {
      const unit = survey.units[spec.key];
      const name = spec.key === "dept-b" ? `'${EVIL_NAME}` : unit.name;
      const row = rows.find((r) => r[2] === name)!;
      expect(row, name).toBeDefined();
      expect(row[6]).toBe(result.units[unit.code].n_responses);
      expect(row[7]).toBe(result.units[unit.code].index);
      expect(row[10]).toBe(parPoints(result.units[unit.code].index, spec.level === "commune" ? COMMUNE_RULE : RULE));
    }
    // Per-unit criteria: every criterion of every unit.
    expect(workbook.worksheets[3].rowCount).toBe(1 + UNITS.length * CRITERIA.length);
  });

  it("CSV: the unit named like a formula starts with an apostrophe; numbers are not escaped", async () => {
    const csv = (await buildReportFile(survey.round, "units.csv", "vi")) as string;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const data = await getReportData(survey.round);
    const line = csv.split("\r\n").find((l) => l.includes(survey.units["dist-a"].name))!;
    expect(line.split(",")).toContain(String(data.units.find((u) => u.code === survey.units["dist-a"].code)!.index));
    const criteria = (await buildReportFile(survey.round, "criteria.csv", "vi")) as string;
    expect(criteria.trim().split("\r\n")).toHaveLength(1 + UNITS.length * CRITERIA.length);
  });

  it("names files after the round, with an RFC 5987 filename*", () => {
    expect(reportFileName("lai-chau-2020", "docx")).toBe("bao-cao-hai-long-lai-chau-2020.docx");
    expect(reportFileName("lai-chau-2020", "units.csv")).toBe("bao-cao-hai-long-lai-chau-2020-units.csv");
    expect(contentDisposition("báo-cáo đợt 1.docx")).toBe(
      "attachment; filename=\"bao-cao dot 1.docx\"; filename*=UTF-8''b%C3%A1o-c%C3%A1o%20%C4%91%E1%BB%A3t%201.docx",
    );
  });
});
