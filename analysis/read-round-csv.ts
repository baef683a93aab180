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
 * Complexity: O(size of the files).
 */
import Papa from "papaparse";
import { z } from "zod";
import { SCALE_MAX, SCALE_MIN } from "./constants";
import { UNIT_LEVELS, type RoundInput, type RoundResponse, type RoundUnit, type UnitLevel } from "./types";

export const CRITERION_COLUMN = /^c\d+$/;
export const DEFAULT_ELEMENT = "ALL";

export class InputFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly column: string | null, detail: string) {
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
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
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
  for (const codes of Object.values(parsed.data)) {
    for (const c of codes) {
      if (!criteria.includes(c)) throw new InputFileError(file.name, null, null, `criterion ${c} has no column in the responses`);
    }
  }
  return parsed.data;
}

export function readRound(responsesFile: CsvFile, frameFile: CsvFile, elementsFile: CsvFile | null): RoundInput {
  const units = readFrame(frameFile);
  const population = new Map(units.map((u) => [u.code, u.population]));
  const [header, ...rows] = parseRows(responsesFile);
  const [idAt, unitAt] = requireColumns(responsesFile, header, ["response_id", "unit_code"]);
  const criteria = header.filter((h) => CRITERION_COLUMN.test(h));
  if (criteria.length === 0) throw new InputFileError(responsesFile.name, 1, null, "no criterion columns (c01, c02, …)");
  const criterionAt = criteria.map((c) => header.indexOf(c));
  const elements = readElements(elementsFile, criteria);
  const used = new Set(Object.values(elements).flat());
  const unused = criteria.find((c) => !used.has(c));
  if (unused) throw new InputFileError(responsesFile.name, 1, unused, `criterion ${unused} is in no element of ${elementsFile?.name}`);
  const ids = new Set<string>();
  const perUnit = new Map<string, number>();
  const responses: RoundResponse[] = rows.map((row, i) => {
    const line = i + 2;
    const id = row[idAt] ?? "";
    if (id === "") throw new InputFileError(responsesFile.name, line, "response_id", "empty response id");
    if (ids.has(id)) throw new InputFileError(responsesFile.name, line, "response_id", `duplicate response id ${id}`);
    ids.add(id);
    const unitCode = row[unitAt] ?? "";
    const cap = population.get(unitCode);
    if (cap === undefined) throw new InputFileError(responsesFile.name, line, "unit_code", `unknown unit "${unitCode}" (not in ${frameFile.name})`);
    const count = (perUnit.get(unitCode) ?? 0) + 1;
    if (count > cap) {
      throw new InputFileError(responsesFile.name, line, "unit_code", `unit ${unitCode} has more questionnaires than its population N_h = ${cap}`);
    }
    perUnit.set(unitCode, count);
    const answers: Record<string, number | null> = {};
    criteria.forEach((c, k) => {
      const cell = row[criterionAt[k]] ?? "";
      if (cell === "") {
        answers[c] = null;
        return;
      }
      const value = Number(cell);
      if (!/^\d+$/.test(cell) || value < SCALE_MIN || value > SCALE_MAX) {
        throw new InputFileError(responsesFile.name, line, c, `"${cell}" is not an integer ${SCALE_MIN}..${SCALE_MAX} or empty`);
      }
      answers[c] = value;
    });
    return { id, unitCode, answers };
  });
  return { units, elements, responses };
}
