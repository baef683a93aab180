/** The CSV row reader: fast path and the quoted (papaparse) path agree. */
import { describe, expect, it } from "vitest";
import { forEachCsvRow, scoreOf } from "./csv-rows";

function rows(text: string) {
  const out: [number, string[], number[]][] = [];
  forEachCsvRow(text, (line, row) => {
    const cells = Array.from({ length: row.width }, (_, i) => row.text(i));
    out.push([line, cells, cells.map((_, i) => row.score(i))]);
  });
  return out;
}

describe("forEachCsvRow", () => {
  const expected = [
    [1, ["id", "c01", "c02"], [-1, -1, -1]],
    [2, ["r1", "4", ""], [-1, 4, 0]],
    [4, ["r2", "7", "5"], [-1, -1, 5]],
  ];
  it("reads LF and CRLF, skips blank lines and keeps line numbers", () => {
    expect(rows("id,c01,c02\nr1,4,\n\nr2,7,5\n")).toEqual(expected);
    expect(rows("id,c01,c02\r\nr1,4,\r\n\r\nr2,7,5")).toEqual(expected);
  });
  it("reads quoted fields through papaparse with the same result", () => {
    expect(rows('id,c01,c02\n"r1",4,\n\nr2,"7",5\n')).toEqual(expected);
    expect(rows('id,note\n"a, b","x"\n')[1][1]).toEqual(["a, b", "x"]);
  });
  it("trims spaces around answers and rejects anything but 1..5", () => {
    expect(rows("a,b,c,d\n 3 ,4.0,0, \n")[1][2]).toEqual([3, -1, -1, 0]);
    expect(["", " ", "1", "5", "6", "x", "12"].map(scoreOf)).toEqual([0, 0, 1, 5, -1, -1, -1]);
  });
});
