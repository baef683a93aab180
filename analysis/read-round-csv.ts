/**
 * Parses the CLI's input files (already read into strings) into a RoundInput, with
 * errors that name the file, line and column. Pure: no file system access.
 *
 *  responses CSV: header row; `response_id`, `unit_code`, then one column per
 *    criterion named `c` + digits (`c01` …), value 1..5 or empty (not applicable);
 *    other columns are ignored. UTF-8 with or without BOM, CRLF or LF.
 *  frame CSV: `unit_code`, `level` (department | district | commune), `population` (N_h).
 *  elements JSON: `{"E1": ["c01", …], …}`; without it all criteria form element `ALL`.
 *
 * Complexity: O(size of the files); memory O(R·K) bytes for the answers.
 */
import Papa from "papaparse";
import { z } from "zod";
import { SCALE_MAX, SCALE_MIN } from "./constants";
import { forEachCsvRow } from "./csv-rows";
import type { RoundMatrix } from "./tally";
import { UNIT_LEVELS, type RoundInput, type RoundResponse, type RoundUnit, type UnitLevel } from "./types";

export const CRITERION_COLUMN = /^c\d+$/;
export const DEFAULT_ELEMENT = "ALL";

export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    detail: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}${column === null ? "" : ` column ${column}`}: ${detail}`);
    this.name = "InputFileError";
  }
}

export const ElementsSchema = z
  .record(z.string().min(1), z.array(z.string().regex(CRITERION_COLUMN)).min(1))
  .refine((e) => Object.keys(e).length > 0, "at least one element is needed");

export interface CsvFile {
  name: string;
  text: string;
}

function parseRows(file: CsvFile): string[][] {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: "greedy" });
  const error = parsed.errors[0];
  if (error) throw new InputFileError(file.name, (error.row ?? 0) + 1, null, error.message);
  if (parsed.data.length === 0) throw new InputFileError(file.name, 1, null, "the file is empty");
  return parsed.data.map((row) => row.map((cell) => cell.trim()));
}

function requireColumns(file: CsvFile, header: string[], names: string[]): number[] {
  return names.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new InputFileError(file.name, 1, name, `missing column "${name}"`);
    return at;
  });
}

export function readFrame(file: CsvFile): RoundUnit[] {
  const [header, ...rows] = parseRows(file);
  const [codeAt, levelAt, populationAt] = requireColumns(file, header, ["unit_code", "level", "population"]);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2;
    const code = row[codeAt] ?? "";
    if (code === "") throw new InputFileError(file.name, line, "unit_code", "empty unit code");
    if (seen.has(code)) throw new InputFileError(file.name, line, "unit_code", `duplicate unit ${code}`);
    seen.add(code);
    const level = row[levelAt] as UnitLevel;
    if (!UNIT_LEVELS.includes(level)) {
      throw new InputFileError(file.name, line, "level", `"${row[levelAt]}" is not one of ${UNIT_LEVELS.join(", ")}`);
    }
    const population = Number(row[populationAt]);
    if (!/^\d+$/.test(row[populationAt] ?? "") || population < 1) {
      throw new InputFileError(file.name, line, "population", `"${row[populationAt]}" is not a positive integer`);
    }
    return { code, level, population };
  });
}

export function readElements(file: CsvFile | null, criteria: string[]): Record<string, string[]> {
  if (file === null) return { [DEFAULT_ELEMENT]: criteria };
  let json: unknown;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputFileError(file.name, null, null, `not valid JSON (${(e as Error).message})`);
  }
  const parsed = ElementsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputFileError(file.name, null, null, `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const codes of Object.values(parsed.data)) {
    for (const c of codes) {
      if (seen.has(c)) throw new InputFileError(file.name, null, null, `criterion ${c} is in two elements`);
      seen.add(c);
      if (!criteria.includes(c))
        throw new InputFileError(file.name, null, null, `criterion ${c} has no column in the responses`);
    }
  }
  return parsed.data;
}

export interface RoundFiles {
  units: RoundUnit[];
  elements: Record<string, string[]>;
  responseIds: string[];
  /** Dense answers, ready for computeRoundFromMatrix (no per-response objects). */
  matrix: RoundMatrix;
}

/**
 * Reads the responses CSV row by row (csv-rows.ts) straight into the dense matrix, so a
 * million questionnaires never exist as objects or per-answer strings.
 */
export function readRoundMatrix(responsesFile: CsvFile, frameFile: CsvFile, elementsFile: CsvFile | null): RoundFiles {
  const units = readFrame(frameFile);
  const unitPosition = new Map(units.map((u, h) => [u.code, h]));
  const file = responsesFile.name;
  const text = responsesFile.text.charCodeAt(0) === 0xfeff ? responsesFile.text.slice(1) : responsesFile.text;
  let maxRows = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) maxRows += 1;
  let header: string[] | null = null;
  let criteria: string[] = [];
  let criterionAt: number[] = [];
  let elements: Record<string, string[]> = {};
  let idAt = 0;
  let unitAt = 0;
  let K = 0;
  let answers = new Uint8Array(0);
  const unitIndex = new Int32Array(maxRows);
  const perUnit = new Int32Array(units.length);
  const ids = new Set<string>();
  const responseIds: string[] = [];
  try {
    forEachCsvRow(text, (line, row) => {
      if (header === null) {
        header = Array.from({ length: row.width }, (_, i) => row.text(i));
        [idAt, unitAt] = requireColumns(responsesFile, header, ["response_id", "unit_code"]);
        criteria = header.filter((h) => CRITERION_COLUMN.test(h));
        if (criteria.length === 0) throw new InputFileError(file, 1, null, "no criterion columns (c01, c02, …)");
        elements = readElements(elementsFile, criteria);
        const used = new Set(Object.values(elements).flat());
        const unused = criteria.find((c) => !used.has(c));
        if (unused)
          throw new InputFileError(file, 1, unused, `criterion ${unused} is in no element of ${elementsFile?.name}`);
        criteria = Object.values(elements).flat(); // element order
        criterionAt = criteria.map((c) => header!.indexOf(c));
        K = criteria.length;
        answers = new Uint8Array(maxRows * K);
        return;
      }
      const r = responseIds.length;
      const id = row.text(idAt);
      if (id === "") throw new InputFileError(file, line, "response_id", "empty response id");
      if (ids.has(id)) throw new InputFileError(file, line, "response_id", `duplicate response id ${id}`);
      ids.add(id);
      const unitCode = row.text(unitAt);
      const h = unitPosition.get(unitCode);
      if (h === undefined)
        throw new InputFileError(file, line, "unit_code", `unknown unit "${unitCode}" (not in ${frameFile.name})`);
      perUnit[h] += 1;
      if (perUnit[h] > units[h].population) {
        throw new InputFileError(
          file,
          line,
          "unit_code",
          `unit ${unitCode} has more questionnaires than its population N_h = ${units[h].population}`,
        );
      }
      unitIndex[r] = h;
      responseIds.push(id);
      const base = r * K;
      for (let k = 0; k < K; k++) {
        const v = row.score(criterionAt[k]);
        if (v < 0) {
          throw new InputFileError(
            file,
            line,
            criteria[k],
            `"${row.text(criterionAt[k])}" is not an integer ${SCALE_MIN}..${SCALE_MAX} or empty`,
          );
        }
        answers[base + k] = v;
      }
    });
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(file, null, null, (e as Error).message);
  }
  if (header === null) throw new InputFileError(file, 1, null, "the file is empty");
  const R = responseIds.length;
  const positions: Record<string, number[]> = {};
  let next = 0;
  for (const [code, codes] of Object.entries(elements)) positions[code] = codes.map(() => next++);
  return {
    units,
    elements,
    responseIds,
    matrix: {
      nUnits: units.length,
      criteria,
      elements: positions,
      unitIndex: unitIndex.slice(0, R),
      answers: answers.slice(0, R * K),
    },
  };
}

/** The same files as RoundInput objects (for callers that want computeRound). */
export function readRound(responsesFile: CsvFile, frameFile: CsvFile, elementsFile: CsvFile | null): RoundInput {
  const { units, elements, responseIds, matrix } = readRoundMatrix(responsesFile, frameFile, elementsFile);
  const K = matrix.criteria.length;
  const responses: RoundResponse[] = responseIds.map((id, r) => {
    const answers: Record<string, number | null> = {};
    matrix.criteria.forEach((c, k) => (answers[c] = matrix.answers[r * K + k] || null));
    return { id, unitCode: units[matrix.unitIndex[r]].code, answers };
  });
  return { units, elements, responses };
}
