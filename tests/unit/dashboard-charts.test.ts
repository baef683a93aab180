import { describe, expect, it } from "vitest";
import { cividis, contrastRatio, linearScale, shorten, textColorOn, ticks } from "~/components/charts/scale";
import { filterQuery, parseFilter } from "~/domain/results/filters";
import { isStable } from "~/features/results/ranking";

describe("chart scales", () => {
  it("maps a domain onto a range and clamps outside it", () => {
    const x = linearScale([0, 100], [200, 600]);
    expect(x(0)).toBe(200);
    expect(x(50)).toBe(400);
    expect(x(100)).toBe(600);
    expect(x(120)).toBe(600);
    expect(x(-5)).toBe(200);
  });

  it("puts ticks on multiples of the step", () => {
    expect(ticks([0, 100], 20)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks([0.35, 0.8], 0.1)).toEqual([0.4, 0.5, 0.6, 0.7, 0.8]);
  });

  it("cividis runs from dark blue to yellow, its ends the published colours", () => {
    expect(cividis(0)).toBe("#00204d");
    expect(cividis(1)).toBe("#ffea46");
    expect(cividis(-1)).toBe("#00204d");
    expect(cividis(0.5)).toBe("#7c7b78");
  });

  it("writes cell numbers in black or white with at least 4.5:1 contrast over the whole palette", () => {
    for (let i = 0; i <= 100; i++) {
      const background = cividis(i / 100);
      expect(contrastRatio(background, textColorOn(background))).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn("#00204d")).toBe("#ffffff");
    expect(textColorOn("#ffea46")).toBe("#000000");
  });

  it("shortens long labels with an ellipsis", () => {
    expect(shorten("Sở Nội vụ", 28)).toBe("Sở Nội vụ");
    expect(shorten("Sở Văn hóa, Thể thao và Du lịch tỉnh", 12)).toBe("Sở Văn hóa,…");
  });
});

describe("dashboard filters and stability", () => {
  it("reads known filters from the query string and ignores the rest", () => {
    const filter = parseFilter(new URLSearchParams("level=district&gender=female&mode=fax&unit=&sort=x"));
    expect(filter).toEqual({
      level: "district",
      gender: "female",
      mode: undefined,
      unit: undefined,
      language: undefined,
      age: undefined,
      ethnicity: undefined,
    });
    expect(filterQuery(filter, { page: "2" })).toBe("?level=district&gender=female&page=2");
    expect(parseFilter(new URLSearchParams("level=province")).level).toBeUndefined();
  });

  it("calls an estimate stable from 30 questionnaires and an interval within ±10 points", () => {
    expect(isStable(30, { ci: [80, 100] })).toBe(true);
    expect(isStable(29, { ci: [85, 90] })).toBe(false);
    expect(isStable(100, { ci: [70, 90.5] })).toBe(false);
    expect(isStable(100, { ci: null })).toBe(false);
  });
});
