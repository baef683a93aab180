import type { AnswerRow } from "~/domain/survey/answers";

/** One item where the two keyings of a paper form disagree. Values as display strings. */
export interface Mismatch {
  itemCode: string;
  first: string;
  second: string;
}

/** An item's answer as one comparable string: likert value, chosen codes (sorted), or text. */
export function answerKey(rows: AnswerRow[], itemCode: string): string {
  const mine = rows.filter((r) => r.itemCode === itemCode);
  if (mine.length === 0) return "";
  if (mine[0].value !== null) return String(mine[0].value);
  if (mine[0].text !== null) return mine[0].text.trim();
  return mine
    .map((r) => r.choice)
    .sort()
    .join(",");
}

/**
 * The items, in instrument order, whose answers differ between the first and the second
 * keying (double entry). A multi-choice item compares as a set; text trims spaces.
 */
export function computeMismatches(itemCodes: string[], first: AnswerRow[], second: AnswerRow[]): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const itemCode of itemCodes) {
    const a = answerKey(first, itemCode);
    const b = answerKey(second, itemCode);
    if (a !== b) mismatches.push({ itemCode, first: a, second: b });
  }
  return mismatches;
}

/** The inverse of answerKey for one item: the rows that store the chosen key ("" = no answer). */
export function rowsFromKey(item: { code: string; kind: string }, key: string): AnswerRow[] {
  if (key === "") return [];
  const row = { itemCode: item.code, choice: "", value: null, text: null };
  if (item.kind === "likert") return [{ ...row, value: Number(key) }];
  if (item.kind === "text") return [{ ...row, text: key }];
  return key.split(",").map((choice) => ({ ...row, choice }));
}
