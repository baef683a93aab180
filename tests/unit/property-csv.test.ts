import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InputFileError, readRound } from "../../analysis/read-round-csv";
import { forEachCsvRow } from "../../analysis/csv-rows";
import { parseTranslationCsv, toTranslationCsv, textEntries } from "~/domain/instruments/translations";
import { parsePopulationCsv } from "~/domain/rounds/population-csv";
import { normalisePhone, parseReturnDate } from "~/domain/sampling/frame-row";
import { checkUnitImport, isAcceptable } from "~/domain/units/unit-import";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";

// Issue 7, hostile input: every CSV reader, fed anything a person or a spreadsheet could
// upload, answers with a report or a clear error (never an exception of another kind),
// and a well-formed file whatever its cells hold (quotes, commas, line breaks, a BOM,
// CRLF, semicolons, formula-like text, Vietnamese) reads back exactly.

const RUNS = { numRuns: 150 };

/** Text as it arrives from an upload: File.text() decodes UTF-8, replacing bad bytes. */
const decoded = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);

/** Cells a spreadsheet may hold, hostile ones weighted up. */
const cell = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    '=HYPERLINK("http://x","bấm")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(A1)",
    '"',
    '""',
    "a,b",
    "a;b",
    "dòng 1\ndòng 2",
    "\r\n",
    "\uFEFF",
    "Sở Nội vụ",
  ),
  fc.string({ maxLength: 5 }).map((s) => s.repeat(20_000)), // a huge field
);

/** Any text: arbitrary Unicode, arbitrary bytes decoded as UTF-8 (invalid sequences, latin-1), BOMs. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map(decoded),
  fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => decoded(Uint8Array.from(Buffer.from(s, "latin1")))),
  fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join(",")).join("\n")),
  fc.string({ maxLength: 200 }).map((s) => `\uFEFF${s}`),
);

/** A cell written as Excel and Papa.unparse write it: quoted when it needs to be. */
const quote = (s: string, delimiter: string) =>
  /["\r\n]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;

const layout = fc.record({ bom: fc.boolean(), crlf: fc.boolean(), delimiter: fc.constantFrom(",", ";") });
const writeCsv = (rows: string[][], { bom, crlf, delimiter }: { bom: boolean; crlf: boolean; delimiter: string }) =>
  (bom ? "\uFEFF" : "") + rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(crlf ? "\r\n" : "\n");

describe("units import (admin/units/import)", () => {
  test("any file gives a report, never an exception", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const report = checkUnitImport(text, [{ code: "so-noi-vu", level: "department" }]);
        expect(Array.isArray(report.rows) && Array.isArray(report.problems)).toBe(true);
        // All or nothing: a file with a problem is never acceptable, so nothing is written.
        if (report.fileError || report.problems.length > 0) expect(isAcceptable(report)).toBe(false);
      }),
      RUNS,
    );
  });

  test("well-formed rows read back exactly, whatever the names hold", () => {
    const name = fc
      .oneof(cell, fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }))
      .filter((s) => s.trim() !== "");
    const unit = fc.record({ code: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), name });
    fc.assert(
      fc.property(
        fc.uniqueArray(unit, { selector: (u) => u.code, minLength: 1, maxLength: 6 }),
        layout,
        (units, how) => {
          // The header must not be mistaken for another delimiter: semicolon files are Excel's.
          const rows = [
            ["code", "name", "level", "parent_code"],
            ...units.map((u) => [u.code, u.name, "department", ""]),
          ];
          const report = checkUnitImport(writeCsv(rows, how), []);
          expect(report.fileError).toBeNull();
          expect(report.problems).toEqual([]);
          expect(report.rows.map((r) => [r.code, r.name])).toEqual(units.map((u) => [u.code, u.name.trim()]));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("translation import (admin/instruments/…/translations)", () => {
  const keys = textEntries(sipas2017).map((e) => e.key);

  test("any file gives rows and problems, never an exception", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseTranslationCsv(text, sipas2017);
        expect(Array.isArray(parsed.problems)).toBe(true);
      }),
      RUNS,
    );
  });

  test("the exported file, translated with hostile texts, reads back exactly", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.boolean(), (texts, crlf) => {
        const exported = toTranslationCsv(sipas2017, ["vi", "en"]);
        const lines = exported.split("\r\n");
        // Fill the English column of the first three texts; the rest stays as exported.
        const rows = lines.map((line, i) => {
          if (i === 0 || i > texts.length) return line;
          return `${keys[i - 1]},,${quote(texts[i - 1], ",")}`;
        });
        const parsed = parseTranslationCsv(rows.join(crlf ? "\r\n" : "\n"), sipas2017);
        expect(parsed.problems).toEqual([]);
        for (let i = 0; i < texts.length; i++) {
          expect(parsed.rows.find((r) => r.key === keys[i])?.texts.en).toBe(texts[i].trim());
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("population (N_h) pasted on the new-round form", () => {
  test("any text is a result or a line-numbered error", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parsePopulationCsv(text, new Set(["so-noi-vu", "huyen-tam-duong"]));
        if (!result.ok) expect(result.line).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe("sampling frame cells (admin/rounds/…/frame)", () => {
  test("phone numbers and return dates: a value or null, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(cell, anyText), (raw) => {
        const phone = normalisePhone(raw);
        if (phone !== null) expect(phone).toMatch(/^[0-9+]+$/);
        const date = parseReturnDate(raw);
        if (date !== null) expect(Number.isNaN(date.getTime())).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("analysis command line (npm run analyze)", () => {
  test("any responses or frame file: a round, or an InputFileError naming the file", () => {
    const frame = { name: "frame.csv", text: "unit_code,level,population\nu1,department,100\n" };
    fc.assert(
      fc.property(anyText, anyText, (responses, frameText) => {
        for (const [r, f] of [
          [{ name: "responses.csv", text: responses }, frame],
          [
            { name: "responses.csv", text: "unit_code,c01\nu1,5\n" },
            { name: "frame.csv", text: frameText },
          ],
        ]) {
          try {
            readRound(r, f, null);
          } catch (error) {
            expect(error).toBeInstanceOf(InputFileError);
          }
        }
      }),
      RUNS,
    );
  });

  test("the fast row reader visits any text, or stops at a malformed line saying which", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let rows = 0;
        try {
          forEachCsvRow(text, (_line, row) => {
            rows += 1;
            for (let i = 0; i <= row.width; i++) {
              row.text(i);
              expect(row.score(i)).toBeGreaterThanOrEqual(-1);
            }
          });
        } catch (error) {
          // readRoundMatrix turns this into an InputFileError naming the file (test above).
          expect((error as Error).message).toMatch(/^line \d+: /);
        }
        expect(rows).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
