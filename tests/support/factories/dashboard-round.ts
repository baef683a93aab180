import { randomUUID } from "node:crypto";
import { mulberry32 } from "../../fixtures/r/synthetic-round";
import { prisma } from "~/db/prisma.server";
import { createSurvey, type UnitSpec } from "./data";

/**
 * Rounds for the dashboard's data tests (dashboard.test.ts, round-aggregates.test.ts),
 * written in batches straight into Response and Answer.
 */

export const CRITERIA = Array.from({ length: 22 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);

export interface ResponseSpec {
  unitId: string;
  /** Criterion code → stored value (1..5, 9, or null); a criterion left out has no row. */
  scores: Record<string, number | null>;
  profile?: Record<string, string>;
  mode?: string;
  language?: string;
  status?: string;
  review?: string | null;
  expect?: string[];
  comment?: string;
}

const WHEN = new Date("2020-09-01T08:00:00Z");

export async function writeResponses(roundId: string, specs: ResponseSpec[]) {
  for (let i = 0; i < specs.length; i += 200) {
    const batch = specs.slice(i, i + 200).map((spec) => ({ id: randomUUID(), spec }));
    await prisma.response.createMany({
      data: batch.map(({ id, spec }) => ({
        id,
        roundId,
        unitId: spec.unitId,
        mode: spec.mode ?? "enumerator",
        language: spec.language ?? "vi",
        status: spec.status ?? "submitted",
        currentStep: "done",
        startedAt: WHEN,
        submittedAt: WHEN,
        reviewStatus: spec.review ?? null,
      })),
    });
    await prisma.answer.createMany({
      data: batch.flatMap(({ id, spec }) => [
        ...Object.entries(spec.scores).map(([itemCode, value]) => ({ responseId: id, itemCode, value })),
        ...Object.entries(spec.profile ?? {}).map(([itemCode, choice]) => ({ responseId: id, itemCode, choice })),
        ...(spec.expect ?? []).map((choice) => ({ responseId: id, itemCode: "x01", choice })),
        ...(spec.comment !== undefined ? [{ responseId: id, itemCode: "y01", text: spec.comment }] : []),
      ]),
    });
  }
}

/**
 * The dashboard round: dept has 12 women scoring 5 (one comment with a phone number) and
 * 12 men scoring 2 (3 of them by phone); the district 11 women aged 50-60 scoring 4 with
 * c01 not applicable, 4 men scoring 3, and two men scoring 3 accepted and pending in
 * review. Not counted: one in progress, one rejected in review.
 */
export async function createDashboardRound() {
  const survey = await createSurvey({
    units: [
      { key: "dept", level: "department", population: 200 },
      { key: "dist", level: "district", population: 100 },
    ],
  });
  const { dept, dist } = survey.units;
  const person = (
    unitId: string,
    score: number,
    gender: string,
    extra: Partial<ResponseSpec> & { age?: string } = {},
  ): ResponseSpec => ({
    unitId,
    scores: Object.fromEntries(CRITERIA.map((c, i) => [c, i === 0 && score === 4 ? 9 : score])),
    profile: { p01: gender, p02: extra.age ?? "26-34", p03: "thai" },
    ...extra,
  });
  const specs: ResponseSpec[] = [];
  for (let i = 0; i < 12; i++)
    specs.push(
      person(dept.id, 5, "female", {
        expect: ["shorter-time", "lower-fees"],
        ...(i === 0 ? { comment: "Gọi 0912 345 678" } : {}),
      }),
    );
  for (let i = 0; i < 12; i++)
    specs.push(person(dept.id, 2, "male", { mode: i < 3 ? "phone" : "enumerator", expect: ["shorter-time"] }));
  for (let i = 0; i < 11; i++) specs.push(person(dist.id, 4, "female", { age: "50-60" }));
  for (let i = 0; i < 4; i++) specs.push(person(dist.id, 3, "male"));
  specs.push(person(dept.id, 1, "female", { status: "in_progress" }));
  specs.push(person(dept.id, 1, "female", { review: "rejected" }));
  specs.push(person(dist.id, 3, "male", { review: "accepted" }));
  specs.push(person(dist.id, 3, "male", { review: "pending" }));
  await writeResponses(survey.round.id, specs);
  return survey;
}

const MODES = ["online", "enumerator", "phone", "paper"];
const LANGUAGES = ["vi", "en", "hmn"];
const GENDERS = ["male", "female"];
const AGES = ["18-25", "26-34", "35-49", "50-60", "over-60"];
const ETHNICITIES = ["kinh", "thai", "mong", "dao"];
const OPTIONS = [
  "info-channels",
  "simpler-procedures",
  "shorter-time",
  "lower-fees",
  "attitude",
  "competence",
  "feedback",
  "it-use",
];

/**
 * A seeded random round: units of every level with 0, 1, 2 or many questionnaires (a unit
 * of one is a lonely stratum), answers 1..5 with 9, NULL and missing rows mixed in (some
 * questionnaires with no valid answer at all), random modes, languages and profiles
 * (some without a gender), expectations and comments (some blank), and questionnaires
 * that do not count: in progress, rejected.
 */
export async function createRandomRound(seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sizes = [60, 35, 1, 1, 2, 25, 0, 18, 1, 40];
  const levels = [
    "department",
    "department",
    "department",
    "district",
    "district",
    "district",
    "commune",
    "commune",
    "commune",
    "commune",
  ] as const;
  const specs: UnitSpec[] = sizes.map((n, h) => ({
    key: `u${h}`,
    level: levels[h],
    population: n + 1 + Math.floor(random() * 50),
  }));
  const survey = await createSurvey({ units: specs });
  const units = Object.values(survey.units);
  const responses: ResponseSpec[] = [];
  sizes.forEach((n, h) => {
    const lenient = random() * 2;
    for (let i = 0; i < n + 2; i++) {
      const scores: Record<string, number | null> = {};
      const blank = random() < 0.03;
      for (const c of CRITERIA) {
        const u = random();
        if (blank || u < 0.04) scores[c] = 9;
        else if (u < 0.06) scores[c] = null;
        else if (u < 0.08)
          continue; // no row
        else scores[c] = Math.max(1, Math.min(5, Math.round(2 + lenient + 2.2 * random())));
      }
      const profile: Record<string, string> = { p02: pick(AGES), p03: pick(ETHNICITIES) };
      if (random() < 0.9) profile.p01 = pick(GENDERS);
      const expect = OPTIONS.filter(() => random() < 0.2).slice(0, 3);
      const comment = random() < 0.3 ? pick(["Tốt", "  ", "Cần nhanh hơn\n", "Gọi 0912 345 678"]) : undefined;
      // The first two of each unit do not count: one in progress, one rejected.
      const status = i === 0 ? "in_progress" : "submitted";
      const review = i === 1 ? "rejected" : pick([null, null, "pending", "accepted"]);
      responses.push({
        unitId: units[h].id,
        scores,
        profile,
        mode: pick(MODES),
        language: pick(LANGUAGES),
        status,
        review,
        expect,
        comment,
      });
    }
  });
  await writeResponses(survey.round.id, responses);
  return survey;
}
