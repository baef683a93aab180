import type { UnitLevel } from "../../../analysis";
import { formatNumber, localized, type UiLanguage } from "~/i18n";
import { formatDate } from "~/utils/format";
import { NATIONAL_SIPAS } from "./national-sipas";
import type { ReportCriterion, ReportData, ReportLevel } from "~/domain/report/report-data";

/**
 * The satisfaction section of the province's administrative-reform report, generated from
 * ReportData: paragraphs in the register of such reports (formal, third person; after
 * the Lai Châu 2020 report quoted in issue 6). Vietnamese is the report's language; an
 * English version exists for readers of the English interface. Pure: the same data
 * always gives the same text, and every number in it is in the tables too.
 */

const LEVEL_NAMES: Record<UiLanguage, Record<UnitLevel, string>> = {
  vi: { department: "sở, ngành tỉnh", district: "huyện, thành phố", commune: "xã, phường, thị trấn" },
  en: { department: "provincial departments", district: "districts and city", commune: "communes, wards and towns" },
};

/** "85,48%" (vi) or "85.48%" (en): published SIPAS values have 2 decimals (docs/method/sipas.md §2). */
export function percent(lang: UiLanguage, value: number | null): string {
  return `${formatNumber(lang, value)}%`;
}

function interval(lang: UiLanguage, ci: [number, number] | null): string {
  if (!ci) return "";
  const [lo, hi] = [formatNumber(lang, ci[0]), formatNumber(lang, ci[1])];
  return lang === "vi" ? ` (khoảng tin cậy 95%: ${lo}% – ${hi}%)` : ` (95% confidence interval ${lo}%–${hi}%)`;
}

/** "a; b và c" / "a; b and c" (`separator` ", " for short items). */
export function joinList(lang: UiLanguage, items: string[], separator = "; "): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "vi" ? " và " : " and ";
  return `${items.slice(0, -1).join(separator)}${and}${items[items.length - 1]}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

function quoted(text: string): string {
  return `“${text}”`;
}

function criterionPhrase(lang: UiLanguage, c: ReportCriterion): string {
  return `${quoted(localized(c.text, lang))} (${percent(lang, c.index)})`;
}

function planSentence(data: ReportData, lang: UiLanguage): string {
  const { round, year } = data;
  const date = round.planDate ? formatDate(round.planDate, lang) : null;
  const levels = data.levels.map((l) => `${l.units} ${LEVEL_NAMES[lang][l.level]}`);
  const period = formatDate(round.periodStart, lang);
  const periodEnd = formatDate(round.periodEnd, lang);
  if (lang === "vi") {
    const plan = `Kế hoạch số ${round.planReference}${date ? ` ngày ${date}` : ""} của UBND tỉnh`;
    return (
      `Thực hiện ${plan} về đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm ${year}, ` +
      `Sở Nội vụ đã phối hợp với các cơ quan, đơn vị liên quan tổ chức điều tra xã hội học với tổng cỡ mẫu ${data.target} phiếu, ` +
      `đánh giá ${joinList("vi", levels, ", ")}. Thời gian khảo sát từ ngày ${period} đến ngày ${periodEnd}.`
    );
  }
  const plan = `Plan ${round.planReference}${date ? ` of ${date}` : ""} of the Provincial People's Committee`;
  return (
    `Under ${plan} on measuring the satisfaction of citizens and organisations with the service of state administrative agencies in ${year}, ` +
    `the Department of Home Affairs, with the agencies concerned, carried out a sociological survey with a total sample of ${data.target} questionnaires, ` +
    `assessing ${joinList("en", levels, ", ")}. Fieldwork ran from ${period} to ${periodEnd}.`
  );
}

function responseSentence(data: ReportData, lang: UiLanguage): string {
  const rate = percent(lang, data.responseRate);
  const perLevel = data.levels.map((l) => `${LEVEL_NAMES[lang][l.level]}: ${l.n}/${l.target}`);
  return lang === "vi"
    ? `Kết quả đã thu về ${data.n} phiếu hợp lệ, đạt ${rate} so với kế hoạch (${perLevel.join("; ")} phiếu).`
    : `${data.n} valid questionnaires were collected, ${rate} of the plan (${perLevel.join("; ")} questionnaires).`;
}

function indexSentence(data: ReportData, lang: UiLanguage): string {
  const national = NATIONAL_SIPAS[data.year];
  if (data.overall.index === null) {
    return lang === "vi"
      ? "Chưa có phiếu hợp lệ nên chưa tính được chỉ số hài lòng."
      : "There are no valid questionnaires yet, so no index can be computed.";
  }
  // Level names contain commas ("huyện, thành phố"): the list is joined with semicolons.
  const perLevel = data.levels
    .filter((l) => l.index !== null)
    .map((l) => `${LEVEL_NAMES[lang][l.level]} ${lang === "vi" ? "đạt " : ""}${percent(lang, l.index)}`);
  if (lang === "vi") {
    let text =
      `Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) chung của tỉnh năm ${data.year} đạt ${percent("vi", data.overall.index)}${interval("vi", data.overall.ci)}, ` +
      `tính theo thiết kế mẫu phân tầng theo cơ quan, đơn vị`;
    if (data.overall.meanOfUnits !== null)
      text += `; bình quân chỉ số của các cơ quan, đơn vị đạt ${percent("vi", data.overall.meanOfUnits)}`;
    text += `. Theo cấp đánh giá: ${joinList("vi", perLevel)}.`;
    if (national !== undefined)
      text += ` Chỉ số SIPAS toàn quốc năm ${data.year} do Bộ Nội vụ công bố là ${percent("vi", national)}.`;
    return text;
  }
  let text =
    `The province's satisfaction index (SIPAS) for ${data.year} is ${percent("en", data.overall.index)}${interval("en", data.overall.ci)}, ` +
    `estimated by the sample design stratified by unit`;
  if (data.overall.meanOfUnits !== null)
    text += `; the mean of the units' indices is ${percent("en", data.overall.meanOfUnits)}`;
  text += `. By level: ${joinList("en", perLevel)}.`;
  if (national !== undefined)
    text += ` The national SIPAS index for ${data.year} published by the Ministry of Home Affairs is ${percent("en", national)}.`;
  return text;
}

function levelSentence(level: ReportLevel, lang: UiLanguage): string | null {
  const name = LEVEL_NAMES[lang][level.level];
  if (!level.best) return null;
  const best = `${level.best.name} (${percent(lang, level.best.index)})`;
  if (!level.worst) {
    return lang === "vi"
      ? `Đối với ${name}, ${best} là đơn vị duy nhất có kết quả.`
      : `Among ${name}, ${best} is the only unit with results.`;
  }
  const worst = `${level.worst.name} (${percent(lang, level.worst.index)})`;
  return lang === "vi"
    ? `Đối với ${name}, đơn vị có chỉ số hài lòng cao nhất là ${best}, thấp nhất là ${worst}.`
    : `Among ${name}, the highest index is ${best} and the lowest ${worst}.`;
}

function elementsSentence(data: ReportData, lang: UiLanguage): string | null {
  const sorted = data.weakestElements;
  if (sorted.length === 0) return null;
  const phrase = (e: (typeof sorted)[number]) => `${quoted(localized(e.title, lang))} (${percent(lang, e.index)})`;
  const weakest = sorted[0];
  const strongest = sorted[sorted.length - 1];
  const criteria = data.weakestCriteria.map((c) => criterionPhrase(lang, c));
  if (lang === "vi") {
    let text = `Xét theo ${sorted.length} yếu tố, yếu tố ${phrase(weakest)} có chỉ số thấp nhất`;
    if (sorted.length > 2) text += `, tiếp đến là ${phrase(sorted[1])}`;
    if (sorted.length > 1) text += `; yếu tố ${phrase(strongest)} có chỉ số cao nhất`;
    text += ".";
    if (criteria.length) text += ` Các tiêu chí có chỉ số thấp nhất là: ${joinList("vi", criteria)}.`;
    return text;
  }
  let text = `Of the ${sorted.length} elements, ${phrase(weakest)} has the lowest index`;
  if (sorted.length > 2) text += `, followed by ${phrase(sorted[1])}`;
  if (sorted.length > 1) text += `; ${phrase(strongest)} has the highest`;
  text += ".";
  if (criteria.length) text += ` The criteria with the lowest indices are: ${joinList("en", criteria)}.`;
  return text;
}

function changeSentence(data: ReportData, lang: UiLanguage): string {
  const change = data.change;
  if (!change) {
    return lang === "vi"
      ? "Đây là kỳ khảo sát đầu tiên theo phương pháp này, chưa có kỳ trước để so sánh."
      : "This is the first round by this method: there is no previous round to compare with.";
  }
  const points = formatNumber(lang, Math.abs(change.difference));
  const from = percent(lang, change.previous);
  const to = percent(lang, change.current);
  if (lang === "vi") {
    const direction =
      change.difference > 0
        ? `tăng ${points} điểm phần trăm`
        : change.difference < 0
          ? `giảm ${points} điểm phần trăm`
          : "không thay đổi";
    const real =
      change.significant === null
        ? ""
        : change.significant
          ? "; mức thay đổi này có ý nghĩa thống kê ở độ tin cậy 95%"
          : "; mức thay đổi này chưa có ý nghĩa thống kê ở độ tin cậy 95% (có thể do sai số chọn mẫu)";
    const verb = change.difference < 0 ? "xuống" : "lên";
    return `So với kỳ khảo sát trước (${change.previousTitle}), chỉ số hài lòng chung của tỉnh ${direction} (từ ${from} ${verb} ${to})${real}.`;
  }
  const direction =
    change.difference > 0
      ? `rose by ${points} percentage points`
      : change.difference < 0
        ? `fell by ${points} percentage points`
        : "did not change";
  const real =
    change.significant === null
      ? ""
      : change.significant
        ? "; the change is statistically significant at the 95% level"
        : "; the change is not statistically significant at the 95% level (it may be sampling error)";
  return `Since the previous round (${change.previousTitle}), the province's index ${direction} (from ${from} to ${to})${real}.`;
}

function recommendations(data: ReportData, lang: UiLanguage): string {
  const items: string[] = [];
  if (data.priorities.length) {
    const list = joinList(
      lang,
      data.priorities.map((c) => criterionPhrase(lang, c)),
    );
    items.push(
      lang === "vi"
        ? `tập trung cải thiện các tiêu chí có chỉ số thấp nhưng ảnh hưởng nhiều đến mức độ hài lòng chung: ${list}`
        : `improve first the criteria that score low but weigh most on overall satisfaction: ${list}`,
    );
  } else if (data.weakestCriteria.length) {
    const list = joinList(
      lang,
      data.weakestCriteria.map((c) => criterionPhrase(lang, c)),
    );
    items.push(
      lang === "vi"
        ? `tập trung cải thiện các tiêu chí có chỉ số thấp nhất: ${list}`
        : `improve first the lowest-scoring criteria: ${list}`,
    );
  }
  const wanted = data.expectations
    .slice(0, 3)
    .map((e) => `${lowerFirst(localized(e.label, lang))} (${percent(lang, e.share)})`);
  if (wanted.length) {
    items.push(
      lang === "vi"
        ? `ưu tiên đáp ứng những nội dung người dân, tổ chức mong muốn cải thiện nhiều nhất (tỷ lệ người trả lời lựa chọn): ${joinList("vi", wanted)}`
        : `act on what respondents most want improved (share of respondents choosing it): ${joinList("en", wanted)}`,
    );
  }
  const worst = data.levels.flatMap((l) => (l.worst ? [`${l.worst.name} (${percent(lang, l.worst.index)})`] : []));
  if (worst.length) {
    items.push(
      lang === "vi"
        ? `các cơ quan, đơn vị có chỉ số thấp nhất từng cấp (${joinList("vi", worst)}) rà soát nguyên nhân, xây dựng kế hoạch khắc phục và báo cáo kết quả về Sở Nội vụ`
        : `the lowest-scoring unit of each level (${joinList("en", worst)}) reviews the causes, plans improvements and reports to the Department of Home Affairs`,
    );
  }
  if (items.length === 0) return "";
  const numbered = items.map((item, i) => `(${i + 1}) ${item}`).join("; ");
  return lang === "vi"
    ? `Trên cơ sở kết quả khảo sát, đề nghị các cơ quan, đơn vị: ${numbered}.`
    : `On the basis of these results, the agencies are asked to: ${numbered}.`;
}

/** The section as paragraphs (the textarea joins them with blank lines). */
export function generateReportParagraphs(data: ReportData, lang: UiLanguage = "vi"): string[] {
  return [
    planSentence(data, lang),
    `${responseSentence(data, lang)} ${indexSentence(data, lang)}`,
    data.levels
      .map((l) => levelSentence(l, lang))
      .filter(Boolean)
      .join(" "),
    [elementsSentence(data, lang), changeSentence(data, lang)].filter(Boolean).join(" "),
    recommendations(data, lang),
  ].filter((p) => p.trim() !== "");
}

export function generateReportText(data: ReportData, lang: UiLanguage = "vi"): string {
  return generateReportParagraphs(data, lang).join("\n\n");
}

/** Paragraphs of a saved text: split on blank lines, whitespace inside a paragraph kept as one space. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");
}
