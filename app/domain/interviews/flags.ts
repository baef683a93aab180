/**
 * Automatic quality flags on an interview (issue 5, ADR 008): pure rules, no database.
 * A flag refuses nothing; it puts the interview in front of a supervisor with the measured
 * values (`detail`) that raised it. app/models/interview-store.server.ts stores
 * the flags as ResponseFlag rows.
 */

export type FlagCode = "too_fast" | "straight_line" | "same_minute" | "outside_district";
export interface Flag {
  code: FlagCode;
  detail: Record<string, string | number | number[] | null>;
}

/** Straight-lining needs at least this many answered criteria: four equal answers are common and honest. */
export const STRAIGHT_LINE_MIN_ANSWERED = 5;
/** "Not applicable" (docs/method/sipas.md §2) says nothing about the person's view, so it is left out. */
const NOT_APPLICABLE = 9;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * too_fast: seconds of interview per question answered under the round's threshold
 * (Round.qcMinSecondsPerItem). Reading a question aloud and hearing the answer takes more
 * than a couple of seconds, so a faster pace suggests answers were filled in, not asked.
 * Example: 40 questions in 60 s = 1.5 s per question < 2 → flagged.
 */
export function tooFastFlag(input: {
  startedAt: Date;
  endedAt: Date;
  answered: number;
  minSecondsPerItem: number;
}): Flag | null {
  if (input.answered <= 0 || input.minSecondsPerItem <= 0) return null;
  const seconds = (input.endedAt.getTime() - input.startedAt.getTime()) / 1000;
  const perItem = seconds / input.answered;
  if (perItem >= input.minSecondsPerItem) return null;
  return {
    code: "too_fast",
    detail: {
      seconds: round2(seconds),
      answered: input.answered,
      secondsPerItem: round2(perItem),
      threshold: input.minSecondsPerItem,
    },
  };
}

/**
 * straight_line: every answered criterion (the likert items of element sections, "not
 * applicable" left out) has the same value, with at least STRAIGHT_LINE_MIN_ANSWERED
 * answered. Example: 22 × "5" → flagged; 21 × "5" and one "4" → not.
 */
export function straightLineFlag(criterionValues: number[]): Flag | null {
  const answered = criterionValues.filter((v) => v !== NOT_APPLICABLE);
  if (answered.length < STRAIGHT_LINE_MIN_ANSWERED) return null;
  if (answered.some((v) => v !== answered[0])) return null;
  return { code: "straight_line", detail: { value: answered[0], answered: answered.length } };
}

/** The UTC minute an interview ended in, "2020-09-01T08:15": the key of same_minute. */
export function minuteOf(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** The start and end (exclusive) of a minute key, for the query of an enumerator's interviews in it. */
export function minuteRange(minute: string): { from: Date; to: Date } {
  const from = new Date(`${minute}:00.000Z`);
  return { from, to: new Date(from.getTime() + 60_000) };
}

/**
 * same_minute: `count` interviews by one enumerator ended in one minute, `threshold`
 * (Round.qcSameMinuteCount) or more. One person cannot finish several face-to-face
 * interviews in a minute; batch-filled forms can. Every interview of that minute gets it.
 */
export function sameMinuteFlag(input: { minute: string; count: number; threshold: number }): Flag | null {
  if (input.threshold <= 0 || input.count < input.threshold) return null;
  return { code: "same_minute", detail: { minute: input.minute, count: input.count, threshold: input.threshold } };
}

/** [south, west, north, east] in WGS84 degrees (Unit.bounds). */
export type Bounds = [number, number, number, number];

/** Unit.bounds as stored (JSON), or null when missing or malformed. */
export function parseBounds(json: string | null | undefined): Bounds | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value) || value.length !== 4 || !value.every((x) => typeof x === "number" && Number.isFinite(x)))
      return null;
    const [south, west, north, east] = value as Bounds;
    return south < north && west < east ? [south, west, north, east] : null;
  } catch {
    return null;
  }
}

interface UnitForBounds {
  code: string;
  level: string;
  bounds: string | null;
  parent?: { code: string; level: string; bounds: string | null } | null;
}

/**
 * The district an interview of a unit should happen in: a district's own box, a commune's
 * parent district's. A provincial department serves citizens from the whole province and
 * enumerators visit them at home, so it has none and the rule is skipped (ADR 008).
 */
export function districtBoundsFor(unit: UnitForBounds): { district: string; bounds: Bounds } | null {
  const district =
    unit.level === "district"
      ? unit
      : unit.level === "commune" && unit.parent?.level === "district"
        ? unit.parent
        : null;
  const bounds = parseBounds(district?.bounds);
  return district && bounds ? { district: district.code, bounds } : null;
}

/** Metres per degree of latitude (mean; WGS84 varies 110.6–111.7 km, plenty for a bounding-box test). */
const METRES_PER_DEGREE = 111_320;

/**
 * outside_district: the location lies outside the district's box by more than its own
 * accuracy radius, so a fix that is merely imprecise near the border is not flagged.
 * A degree of longitude is cos(latitude) times shorter than a degree of latitude.
 */
export function outsideDistrictFlag(
  location: { latitude: number; longitude: number; accuracy: number } | null,
  district: { district: string; bounds: Bounds } | null,
): Flag | null {
  if (!location || !district) return null;
  const [south, west, north, east] = district.bounds;
  const marginLat = location.accuracy / METRES_PER_DEGREE;
  const marginLon =
    location.accuracy / (METRES_PER_DEGREE * Math.max(Math.cos((location.latitude * Math.PI) / 180), 0.01));
  const inside =
    location.latitude >= south - marginLat &&
    location.latitude <= north + marginLat &&
    location.longitude >= west - marginLon &&
    location.longitude <= east + marginLon;
  if (inside) return null;
  return {
    code: "outside_district",
    detail: {
      latitude: location.latitude,
      longitude: location.longitude,
      accuracy: location.accuracy,
      district: district.district,
      bounds: district.bounds,
    },
  };
}

/**
 * The flags an interview raises on its own, before it is stored: all but same_minute, which
 * needs the enumerator's other interviews (read in the storing transaction). `criterionCodes`
 * are the likert items of element sections (elementsOf).
 */
export function ownFlags(input: {
  startedAt: Date;
  endedAt: Date;
  rows: { itemCode: string; value: number | null }[];
  criterionCodes: string[];
  minSecondsPerItem: number;
  location: { latitude: number; longitude: number; accuracy: number } | null;
  unit: UnitForBounds;
}): Flag[] {
  const criteria = new Set(input.criterionCodes);
  return [
    tooFastFlag({
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      answered: new Set(input.rows.map((r) => r.itemCode)).size,
      minSecondsPerItem: input.minSecondsPerItem,
    }),
    straightLineFlag(input.rows.filter((r) => criteria.has(r.itemCode) && r.value !== null).map((r) => r.value!)),
    outsideDistrictFlag(input.location, districtBoundsFor(input.unit)),
  ].filter((f): f is Flag => f !== null);
}
