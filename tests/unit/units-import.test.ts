import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvTable, stripBom } from "~/utils/csv-table";
import { checkUnitImport, isAcceptable, isIsoDate } from "~/domain/units/unit-import";

// The unit CSV as provinces produce it (Excel, Vietnamese locale): the report must name
// every bad row by its line in the file, and nothing may be accepted while one is bad.

const STORED = [
  { code: "huyen-tam-duong", level: "district" },
  { code: "so-noi-vu", level: "department" },
];

describe("reading the file", () => {
  it("strips a byte-order mark and detects comma or semicolon", () => {
    expect(stripBom("\uFEFFcode,name")).toBe("code,name");
    expect(detectDelimiter("code;name;level;parent_code\na;b;c;d")).toBe(";");
    expect(detectDelimiter("code,name,level,parent_code\na;b,c,d,e")).toBe(",");
  });

  it("keeps line numbers across blank lines and lower-cases the header", () => {
    const { header, lines } = readCsvTable("\uFEFFCode;Name\r\n\r\nx;Xã A\r\ny;Xã B\r\n");
    expect(header).toEqual(["code", "name"]);
    expect(lines.map((l) => l.line)).toEqual([3, 4]);
    expect(lines[0].cells).toEqual(["x", "Xã A"]);
  });

  it("accepts only real calendar days", () => {
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("29/02/2020")).toBe(false);
  });
});

describe("checkUnitImport", () => {
  it("plans creates and updates for a good file, parents in the file or stored", () => {
    const csv = [
      "code;name;level;parent_code;valid_from;valid_to",
      "xa-moi;Xã Mới;commune;huyen-moi;2021-01-01;",
      "huyen-moi;Huyện Mới;district;;2021-01-01;",
      "xa-cu;Xã Cũ;commune;huyen-tam-duong;;",
      "so-noi-vu;Sở Nội vụ tỉnh;department;;;",
    ].join("\n");
    const report = checkUnitImport(csv, STORED);
    expect(report.problems).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.code, r.action, r.parentCode])).toEqual([
      [2, "xa-moi", "create", "huyen-moi"],
      [3, "huyen-moi", "create", null],
      [4, "xa-cu", "create", "huyen-tam-duong"],
      [5, "so-noi-vu", "update", null],
    ]);
    expect(report.rows[0].validFrom).toBe("2021-01-01");
    expect(isAcceptable(report)).toBe(true);
  });

  it("reports every bad row with its line and reason", () => {
    const csv = [
      "code,name,level,parent_code,valid_from,valid_to",
      "a,Xã A,province,,,", // 2 unknown level
      ",Không mã,department,,,", // 3 missing code
      "b,,department,,,", // 4 missing name
      "c,Xã C,commune,,,", // 5 commune without parent
      "d,Xã D,commune,khong-co,,", // 6 parent unknown
      "e,Xã E,commune,so-noi-vu,,", // 7 parent not a district
      "f,Xã F,commune,huyen-tam-duong,2020-13-01,", // 8 bad date
      "f,Xã F lặp,commune,huyen-tam-duong,,", // 9 duplicate of line 8
      "g,Xã G,commune,huyen-tam-duong,2021-01-01,2020-01-01", // 10 dates out of order
      "Xa H,Xã H,commune,huyen-tam-duong,,", // 11 bad code
    ].join("\n");
    const report = checkUnitImport(csv, STORED);
    expect(report.problems.map((p) => [p.line, p.reason, p.value])).toEqual([
      [2, "unknownLevel", "province"],
      [3, "missingCode", undefined],
      [4, "missingName", undefined],
      [5, "communeWithoutParent", undefined],
      [6, "parentUnknown", "khong-co"],
      [7, "parentNotDistrict", "so-noi-vu"],
      [8, "badDate", "2020-13-01"],
      [9, "duplicateCode", "8"],
      [10, "dateOrder", "2021-01-01 – 2020-01-01"],
      [11, "badCode", "Xa H"],
    ]);
    expect(report.rows).toEqual([]);
    expect(isAcceptable(report)).toBe(false);
  });

  it("refuses a file without the required columns or rows", () => {
    expect(checkUnitImport("code,name\nx,y", STORED)).toMatchObject({
      fileError: "missingColumns",
      missingColumns: ["level", "parent_code"],
    });
    expect(checkUnitImport("code,name,level,parent_code\n", STORED).fileError).toBe("empty");
    expect(checkUnitImport("", STORED).fileError).toBe("empty");
  });
});
