/**
 * npm run analyze -- --responses R.csv --frame F.csv [--elements E.json] --out OUT.json
 *
 * Reads a round's files, computes everything (compute-round.ts) and writes OUT.json.
 * On bad input it exits with status 1 and a message naming the file, line and column,
 * and writes nothing. The only module here that touches the file system.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { computeRoundFromMatrix } from "./compute-round";
import { InputFileError, readRoundMatrix, type CsvFile } from "./read-round-csv";

const USAGE = "usage: npm run analyze -- --responses R.csv --frame F.csv [--elements E.json] --out OUT.json";

function readInput(path: string): CsvFile {
  try {
    return { name: path, text: readFileSync(path, "utf8") };
  } catch (e) {
    throw new InputFileError(
      path,
      null,
      null,
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

export function main(argv: string[]): number {
  let values: { responses?: string; frame?: string; elements?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        responses: { type: "string" },
        frame: { type: "string" },
        elements: { type: "string" },
        out: { type: "string" },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.responses || !values.frame || !values.out) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const input = readRoundMatrix(
      readInput(values.responses),
      readInput(values.frame),
      values.elements ? readInput(values.elements) : null,
    );
    const result = computeRoundFromMatrix(input, input.matrix);
    const temporary = `${values.out}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(result, null, 2) + "\n");
    renameSync(temporary, values.out);
    process.stdout.write(`wrote ${values.out}: ${input.responseIds.length} responses, ${input.units.length} units\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
