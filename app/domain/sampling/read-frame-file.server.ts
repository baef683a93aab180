import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import Papa from "papaparse";
import { detectDelimiter } from "./frame-columns";

export interface FrameRecord {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  cells: string[];
}

/** The first line of the file (up to 64 KiB), without a BOM: enough to pick the delimiter. */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0];
  } finally {
    await handle.close();
  }
}

/**
 * Read a CSV file as a stream of records, in bounded memory: papaparse's Node stream
 * mode pulls from the file only as fast as the caller consumes records (backpressure
 * through `for await`), so a 200,000-row file is never held whole. The SHA-256 of the
 * file's bytes is computed on the same pass and resolved by `fingerprint` at the end.
 * UTF-8 with or without BOM; comma or semicolon (detected on the header); LF or CRLF.
 * Line numbers count records, which equals file lines unless a quoted cell spans lines.
 */
export async function readFrameFile(path: string) {
  const delimiter = detectDelimiter(await firstLine(path));
  const hash = createHash("sha256");
  const source = createReadStream(path);
  source.on("data", (chunk) => hash.update(chunk));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  source.pipe(parser);
  let fingerprint = "";
  async function* records(): AsyncGenerator<FrameRecord> {
    let line = 0;
    for await (const cells of parser as AsyncIterable<string[]>) {
      line += 1;
      if (line === 1 && cells.length) cells[0] = cells[0].replace(/^\uFEFF/, "");
      // A blank line (often the last) is not a record.
      if (cells.length === 1 && cells[0].trim() === "") continue;
      yield { line, cells };
    }
    fingerprint = hash.digest("hex");
  }
  return { delimiter, records: records(), fingerprint: () => fingerprint };
}
