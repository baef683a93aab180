import { describe, expect, it } from "vitest";
import { computeRound, parPoints, type RoundInput, type RoundResult } from "../../analysis";
import { buildReportData, type ReportInput } from "~/domain/report/report-data";
import {
  generateReportParagraphs,
  generateReportText,
  joinList,
  percent,
  splitParagraphs,
} from "~/features/report/report-text";

// A small round: 2 elements × 2 criteria, two departments, three districts, one commune.
// Each unit's answers are a fixed mix of scores, so the units differ; the test reads the
// best and worst units from the computed result, not from constants.
const ELEMENTS = { E1: ["c01", "c02"], E2: ["c03", "c04"] };
const UNITS = [
  { code: "so-a", name: "Sở An", level: "department" as const, population: 400, mix: [5, 4, 4, 3, 2] },
  { code: "so-b", name: "Sở Bình", level: "department" as const, population: 300, mix: [5, 5, 4, 4, 3] },
  { code: "huyen-c", name: "Huyện Cẩm", level: "district" as const, population: 500, mix: [4, 4, 3, 2, 1] },
  { code: "huyen-d", name: "Huyện Đông", level: "district" as const, population: 600, mix: [5, 5, 5, 4, 2] },
  { code: "huyen-e", name: "Huyện Én", level: "district" as const, population: 200, mix: [5, 4, 3, 3, 2] },
  { code: "xa-g", name: "Xã Giang", level: "commune" as const, population: 100, mix: [4, 4, 4, 5, 1] },
];

function fixtureInput(): RoundInput {
  const responses: RoundInput["responses"] = [];
  for (const unit of UNITS) {
    for (let r = 0; r < 10; r++) {
      const answers: Record<string, number | null> = {};
      ["c01", "c02", "c03", "c04"].forEach((c, k) => {
        // c04 is the weak criterion everywhere: one score lower (at least 1).
        const score = unit.mix[(r + k) % unit.mix.length];
        answers[c] = c === "c04" ? Math.max(1, score - 1) : score;
      });
      if (r === 0) answers.c02 = null; // a "not applicable"
      responses.push({ id: `${unit.code}-${r}`, unitCode: unit.code, answers });
    }
  }
  return {
    units: UNITS.map(({ code, level, population }) => ({ code, level, population })),
    elements: ELEMENTS,
    responses,
  };
}

const linear = { kind: "linear" as const, maxPoints: 10, from: 50, to: 100 };

function reportInput(result: RoundResult, previous: ReportInput["previous"] = null): ReportInput {
  return {
    round: {
      code: "lai-chau-2020",
      title: "Khảo sát sự hài lòng tỉnh Lai Châu năm 2020",
      planReference: "1516/KH-UBND",
      planDate: new Date("2020-07-29T00:00:00Z"),
      periodStart: new Date("2020-08-15T00:00:00Z"),
      periodEnd: new Date("2020-10-31T00:00:00Z"),
      targetSampleSize: 72,
    },
    year: 2020,
    units: UNITS.map((u) => ({ code: u.code, name: u.name, level: u.level, population: u.population, targetSize: 12 })),
    elements: [
      {
        code: "E1",
        title: { vi: "Tiếp cận dịch vụ", en: "Access" },
        criteria: [
          { code: "c01", text: { vi: "Đủ chỗ ngồi", en: "Enough seats" } },
          { code: "c02", text: { vi: "Trang thiết bị đầy đủ", en: "Adequate equipment" } },
        ],
      },
      {
        code: "E2",
        title: { vi: "Thủ tục hành chính", en: "Procedures" },
        criteria: [
          { code: "c03", text: { vi: "Niêm yết công khai", en: "Posted publicly" } },
          { code: "c04", text: { vi: "Đúng thời hạn", en: "On time" } },
        ],
      },
    ],
    result,
    previous,
    parPoints: (level, index) => (level === "commune" ? null : parPoints(index, linear)),
    hasParRules: true,
    expectations: {
      respondents: 50,
      options: [
        {
          code: "shorter-time",
          label: { vi: "Rút ngắn thời gian giải quyết", en: "Shorter processing time" },
          count: 30,
        },
        { code: "attitude", label: { vi: "Cải thiện thái độ phục vụ", en: "Better attitude" }, count: 12 },
        { code: "lower-fees", label: { vi: "Giảm phí, lệ phí", en: "Lower fees" }, count: 0 },
      ],
    },
  };
}

function bestAndWorst(result: RoundResult, level: string) {
  const units = UNITS.filter((u) => u.level === level).map((u) => ({
    name: u.name,
    index: result.units[u.code].index!,
  }));
  units.sort((a, b) => b.index - a.index);
  return { best: units[0], worst: units[units.length - 1] };
}

describe("report text", () => {
  const result = computeRound(fixtureInput());
  const data = buildReportData(reportInput(result));
  const text = generateReportText(data, "vi");

  it("names the best and worst unit of each level, as computed", () => {
    for (const level of ["department", "district"]) {
      const { best, worst } = bestAndWorst(result, level);
      expect(best.index).toBeGreaterThan(worst.index);
      expect(text).toContain(`cao nhất là ${best.name} (${percent("vi", best.index)})`);
      expect(text).toContain(`thấp nhất là ${worst.name} (${percent("vi", worst.index)})`);
    }
    // One commune only: named, without a "lowest".
    expect(text).toContain(`Xã Giang (${percent("vi", result.units["xa-g"].index)}) là đơn vị duy nhất có kết quả`);
  });

  it("states the plan, the sample, the units per level and the response rate", () => {
    expect(text).toContain("Thực hiện Kế hoạch số 1516/KH-UBND ngày 29/7/2020 của UBND tỉnh");
    expect(text).toContain("tổng cỡ mẫu 72 phiếu");
    expect(text).toContain("đánh giá 2 sở, ngành tỉnh, 3 huyện, thành phố và 1 xã, phường, thị trấn");
    // 60 questionnaires of 72 planned = 83,33%
    expect(text).toContain("thu về 60 phiếu hợp lệ, đạt 83,33% so với kế hoạch");
  });

  it("writes the overall index Vietnamese-style, with its interval, and the national value", () => {
    const overall = result.overall.index!;
    expect(text).toContain(`chung của tỉnh năm 2020 đạt ${percent("vi", overall)}`);
    expect(percent("vi", overall)).toMatch(/^\d{1,3},\d{2}%$/);
    if (data.overall.ci) expect(text).toContain("khoảng tin cậy 95%");
    expect(text).toContain("Chỉ số SIPAS toàn quốc năm 2020 do Bộ Nội vụ công bố là 85,48%");
  });

  it("names the weakest element and criteria, and recommends from priorities and expectations", () => {
    const weakestElement = (["E1", "E2"] as const).reduce((a, b) =>
      result.overall.elements[a].index! <= result.overall.elements[b].index! ? a : b,
    );
    expect(data.weakestElements[0].code).toBe(weakestElement);
    expect(data.weakestCriteria[0].code).toBe("c04");
    expect(text).toContain(`“Đúng thời hạn” (${percent("vi", result.overall.criteria.c04.index)})`);
    expect(text).toContain("Trên cơ sở kết quả khảo sát, đề nghị các cơ quan, đơn vị: (1)");
    // 30 of 50 respondents = 60,00%; an option nobody chose is left out.
    expect(text).toContain("rút ngắn thời gian giải quyết (60,00%)");
    expect(text).not.toContain("giảm phí");
  });

  it("says there is no previous round to compare with", () => {
    expect(text).toContain("chưa có kỳ trước để so sánh");
  });

  it("has no NaN, undefined, null or English decimals in the Vietnamese text", () => {
    expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
    expect(text).not.toMatch(/\d\.\d{2}%/);
    expect(generateReportParagraphs(data, "vi").length).toBeGreaterThanOrEqual(4);
  });

  it("has an English version with English decimals", () => {
    const en = generateReportText(data, "en");
    expect(en).toContain("Plan 1516/KH-UBND of 29 Jul 2020");
    expect(en).toContain(`the highest index is ${bestAndWorst(result, "district").best.name}`);
    expect(en).not.toMatch(/NaN|undefined|null/);
    expect(en).toMatch(/\d\.\d{2}%/);
  });

  it("gives PAR points by the rule and none where the level has no rule", () => {
    const district = data.units.find((u) => u.code === "huyen-c")!;
    expect(district.par).toBe(parPoints(result.units["huyen-c"].index, linear));
    expect(data.units.find((u) => u.code === "xa-g")!.par).toBeNull();
  });
});

describe("change since the previous round", () => {
  const current = computeRound(fixtureInput());
  // The previous round: every answer one point lower (at least 1), so the index was lower.
  const lower = fixtureInput();
  for (const r of lower.responses)
    for (const c of Object.keys(r.answers)) if (r.answers[c] !== null) r.answers[c] = Math.max(1, r.answers[c]! - 1);
  const previous = computeRound(lower);

  it("states the rise in percentage points, from the previous to the current index", () => {
    const data = buildReportData(reportInput(current, { title: "Khảo sát năm 2019", result: previous }));
    const text = generateReportText(data, "vi");
    const rise = current.overall.index! - previous.overall.index!;
    expect(rise).toBeGreaterThan(0);
    expect(text).toContain(
      `So với kỳ khảo sát trước (Khảo sát năm 2019), chỉ số hài lòng chung của tỉnh tăng ${percent("vi", rise).replace("%", "")} điểm phần trăm`,
    );
    expect(text).toContain(`từ ${percent("vi", previous.overall.index)} lên ${percent("vi", current.overall.index)}`);
    expect(text).not.toContain("chưa có kỳ trước");
  });

  it("states a fall the other way round", () => {
    const data = buildReportData(reportInput(previous, { title: "Kỳ trước", result: current }));
    expect(generateReportText(data, "vi")).toMatch(/giảm \d+,\d{2} điểm phần trăm \(từ .* xuống /);
  });
});

describe("helpers", () => {
  it("joins lists and splits paragraphs", () => {
    expect(joinList("vi", ["a", "b", "c"])).toBe("a; b và c");
    expect(joinList("en", ["a", "b"], ", ")).toBe("a and b");
    expect(splitParagraphs("Một\r\ndòng.\n\n\n  Hai.  \n")).toEqual(["Một dòng.", "Hai."]);
  });
});

describe("a round without answers", () => {
  it("says no index can be computed yet, with no dash-percent or empty recommendation", () => {
    const empty = computeRound({ ...fixtureInput(), responses: [] });
    const text = generateReportText(
      buildReportData({ ...reportInput(empty), expectations: { respondents: 0, options: [] } }),
      "vi",
    );
    expect(text).toContain("Chưa có phiếu hợp lệ nên chưa tính được chỉ số hài lòng.");
    expect(text).not.toMatch(/—%|NaN|undefined|: \./);
  });
});
