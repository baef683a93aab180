/** The CLI, spawned with tsx on good and bad input (the only test touching files). */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
const fixtures = join(root, "tests/fixtures/r");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [tsx, join(root, "analysis/cli.ts"), ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const frame = "unit_code,level,population\nU1,department,3\nU2,commune,50\n";
const good = "response_id,unit_code,c01,c02\r\nr1,U1,4,5\r\nr2,U1,2,\r\nr3,U2,5,3\r\n";

function scratch(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "analyze-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("npm run analyze", () => {
  it("writes the result for a fixture data set", () => {
    const out = join(mkdtempSync(join(tmpdir(), "analyze-")), "out.json");
    const dir = join(fixtures, "medium");
    const r = run([
      "--responses",
      join(dir, "responses.csv"),
      "--frame",
      join(dir, "frame.csv"),
      "--elements",
      join(dir, "elements.json"),
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(result)).toEqual(["meta", "overall", "levels", "units", "cronbach_alpha", "priorities"]);
    expect(result.meta.units_without_responses).toEqual(["EMPTY"]);
    expect(result.units.ALIKE.criteria.c01.ci_method).toBe("clopper-pearson");
    expect(result.units.SINGLE.criteria.c01.se).toBeNull();
  });

  it("reads CRLF without elements into one element ALL", () => {
    const dir = scratch({ "r.csv": good, "f.csv": frame });
    const r = run(["--responses", join(dir, "r.csv"), "--frame", join(dir, "f.csv"), "--out", join(dir, "o.json")]);
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, "o.json"), "utf8"));
    expect(result.meta.elements).toEqual({ ALL: ["c01", "c02"] });
    expect(result.units.U1.criteria.c02).toMatchObject({ n: 1, n_not_applicable: 1 });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ["an unknown unit", { "r.csv": good.replace("r3,U2", "r3,U9") }, /r\.csv:4 column unit_code: unknown unit "U9"/],
    [
      "a value of 7",
      { "r.csv": good.replace("r1,U1,4,5", "r1,U1,4,7") },
      /r\.csv:2 column c02: "7" is not an integer 1\.\.5/,
    ],
    [
      "a duplicate id",
      { "r.csv": good.replace("r3,", "r1,") },
      /r\.csv:4 column response_id: duplicate response id r1/,
    ],
    [
      "more questionnaires than N_h",
      { "r.csv": good + "r4,U1,3,3\r\nr5,U1,3,3\r\n" },
      /r\.csv:6 column unit_code: unit U1 has more questionnaires than its population N_h = 3/,
    ],
    [
      "a missing column",
      { "r.csv": good.replace("unit_code", "unit") },
      /r\.csv:1 column unit_code: missing column "unit_code"/,
    ],
    ["a bad level", { "f.csv": frame.replace("commune", "village") }, /f\.csv:3 column level: "village" is not one of/],
    [
      "a criterion in two elements",
      { "e.json": '{"E1":["c01"],"E2":["c01","c02"]}' },
      /e\.json: criterion c01 is in two elements/,
    ],
    [
      "a non-numeric answer",
      { "r.csv": good.replace("r2,U1,2,", "r2,U1,2,x") },
      /r\.csv:3 column c02: "x" is not an integer/,
    ],
    ["an element naming no column", { "e.json": '{"E1":["c01","c03"]}' }, /e\.json: criterion c03 has no column/],
  ];
  it.each(bad)("rejects %s, naming file, line and column, and writes nothing", (_, files, message) => {
    const dir = scratch({ "r.csv": good, "f.csv": frame, ...files });
    const out = join(dir, "o.json");
    const args = ["--responses", join(dir, "r.csv"), "--frame", join(dir, "f.csv"), "--out", out];
    if (files["e.json"]) args.push("--elements", join(dir, "e.json"));
    const r = run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects an unreadable file", () => {
    const dir = scratch({ "f.csv": frame });
    const r = run([
      "--responses",
      join(dir, "missing.csv"),
      "--frame",
      join(dir, "f.csv"),
      "--out",
      join(dir, "o.json"),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.csv: cannot read the file \(ENOENT\)/);
    expect(existsSync(join(dir, "o.json"))).toBe(false);
  });

  it("explains its usage", () => {
    const r = run(["--responses", "x.csv"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run analyze/);
  });
});
