import { describe, expect, it } from "vitest";
import {
  districtBoundsFor,
  minuteOf,
  minuteRange,
  outsideDistrictFlag,
  parseBounds,
  sameMinuteFlag,
  STRAIGHT_LINE_MIN_ANSWERED,
  straightLineFlag,
  tooFastFlag,
  type Bounds,
} from "~/domain/interviews/flags";

const start = new Date("2026-11-20T01:00:00Z");
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("too_fast", () => {
  it("flags under the threshold of seconds per answered question, with the measured values", () => {
    expect(tooFastFlag({ startedAt: start, endedAt: after(60), answered: 40, minSecondsPerItem: 2 })).toEqual({
      code: "too_fast",
      detail: { seconds: 60, answered: 40, secondsPerItem: 1.5, threshold: 2 },
    });
  });

  it("does not flag exactly at the threshold, nor above it", () => {
    expect(tooFastFlag({ startedAt: start, endedAt: after(80), answered: 40, minSecondsPerItem: 2 })).toBeNull();
    expect(tooFastFlag({ startedAt: start, endedAt: after(600), answered: 40, minSecondsPerItem: 2 })).toBeNull();
  });

  it("flags just under the threshold", () => {
    expect(tooFastFlag({ startedAt: start, endedAt: after(79.9), answered: 40, minSecondsPerItem: 2 })?.code).toBe(
      "too_fast",
    );
  });

  it("skips an interview with nothing answered, or a round with the rule switched off (0)", () => {
    expect(tooFastFlag({ startedAt: start, endedAt: after(1), answered: 0, minSecondsPerItem: 2 })).toBeNull();
    expect(tooFastFlag({ startedAt: start, endedAt: after(1), answered: 40, minSecondsPerItem: 0 })).toBeNull();
  });
});

describe("straight_line", () => {
  it("flags every answered criterion the same, with the value and the count", () => {
    expect(straightLineFlag(Array(22).fill(5))).toEqual({ code: "straight_line", detail: { value: 5, answered: 22 } });
  });

  it("does not flag one different answer", () => {
    expect(straightLineFlag([...Array(21).fill(5), 4])).toBeNull();
  });

  it("leaves 'not applicable' (9) out of the comparison and the count", () => {
    expect(straightLineFlag([3, 3, 9, 3, 3, 9, 3])).toEqual({
      code: "straight_line",
      detail: { value: 3, answered: 5 },
    });
    expect(straightLineFlag([3, 3, 9, 3, 3, 9])).toBeNull();
  });

  it("needs at least the minimum number answered", () => {
    expect(STRAIGHT_LINE_MIN_ANSWERED).toBe(5);
    expect(straightLineFlag([4, 4, 4, 4])).toBeNull();
    expect(straightLineFlag([4, 4, 4, 4, 4])?.code).toBe("straight_line");
    expect(straightLineFlag(Array(22).fill(9))).toBeNull();
  });
});

describe("same_minute", () => {
  it("keys interviews by their UTC minute", () => {
    expect(minuteOf(new Date("2026-11-20T08:20:59.999+07:00"))).toBe("2026-11-20T01:20");
    expect(minuteRange("2026-11-20T01:20")).toEqual({
      from: new Date("2026-11-20T01:20:00Z"),
      to: new Date("2026-11-20T01:21:00Z"),
    });
  });

  it("flags from the threshold on, not below", () => {
    expect(sameMinuteFlag({ minute: "2026-11-20T01:20", count: 2, threshold: 3 })).toBeNull();
    expect(sameMinuteFlag({ minute: "2026-11-20T01:20", count: 3, threshold: 3 })).toEqual({
      code: "same_minute",
      detail: { minute: "2026-11-20T01:20", count: 3, threshold: 3 },
    });
  });

  it("is off when the round sets 0", () => {
    expect(sameMinuteFlag({ minute: "2026-11-20T01:20", count: 9, threshold: 0 })).toBeNull();
  });
});

describe("outside_district", () => {
  // A box about the size of Huyện Tam Đường (the seed's is prisma/seed-data/district-bounds.ts).
  const tamDuong = { district: "huyen-tam-duong", bounds: [22.22, 103.4, 22.55, 103.82] as Bounds };

  it("does not flag a location inside the box, nor an interview without a location or a district", () => {
    expect(outsideDistrictFlag({ latitude: 22.4, longitude: 103.6, accuracy: 10 }, tamDuong)).toBeNull();
    expect(outsideDistrictFlag(null, tamDuong)).toBeNull();
    expect(outsideDistrictFlag({ latitude: 21, longitude: 105.8, accuracy: 10 }, null)).toBeNull();
  });

  it("flags a location well outside (Hà Nội) with the measured values", () => {
    expect(outsideDistrictFlag({ latitude: 21.03, longitude: 105.85, accuracy: 15 }, tamDuong)).toEqual({
      code: "outside_district",
      detail: {
        latitude: 21.03,
        longitude: 105.85,
        accuracy: 15,
        district: "huyen-tam-duong",
        bounds: [22.22, 103.4, 22.55, 103.82],
      },
    });
  });

  it("gives an imprecise fix the benefit of its accuracy radius at the border", () => {
    // 0.005° north of the box is about 557 m.
    const justNorth = { latitude: 22.555, longitude: 103.6 };
    expect(outsideDistrictFlag({ ...justNorth, accuracy: 600 }, tamDuong)).toBeNull();
    expect(outsideDistrictFlag({ ...justNorth, accuracy: 500 }, tamDuong)?.code).toBe("outside_district");
    // East: a degree of longitude is cos(22.4°) ≈ 0.925 of a degree of latitude, 0.005° ≈ 515 m.
    const justEast = { latitude: 22.4, longitude: 103.825 };
    expect(outsideDistrictFlag({ ...justEast, accuracy: 530 }, tamDuong)).toBeNull();
    expect(outsideDistrictFlag({ ...justEast, accuracy: 500 }, tamDuong)?.code).toBe("outside_district");
  });

  it("takes a district's own box, a commune's parent's, and none for a department", () => {
    const box = JSON.stringify([22.22, 103.4, 22.55, 103.82]);
    const district = { code: "huyen-tam-duong", level: "district", bounds: box };
    expect(districtBoundsFor(district)).toEqual(tamDuong);
    expect(districtBoundsFor({ code: "xa-binh-lu", level: "commune", bounds: null, parent: district })).toEqual(
      tamDuong,
    );
    expect(districtBoundsFor({ code: "so-noi-vu", level: "department", bounds: box })).toBeNull();
    expect(districtBoundsFor({ code: "huyen-x", level: "district", bounds: null })).toBeNull();
  });

  it("reads only well-formed boxes", () => {
    expect(parseBounds("[22.22,103.4,22.55,103.82]")).toEqual([22.22, 103.4, 22.55, 103.82]);
    expect(parseBounds("[22.55,103.4,22.22,103.82]")).toBeNull();
    expect(parseBounds("[1,2,3]")).toBeNull();
    expect(parseBounds("not json")).toBeNull();
    expect(parseBounds(null)).toBeNull();
  });
});
