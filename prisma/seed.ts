/**
 * The demo data, as an idempotent upsert (run it as often as you like):
 * - the 47 units of Lai Châu 2020 (seed-data/units.csv; where they come from:
 *   docs/method/sipas.md, "The demo's units");
 * - the 2017–2020 SIPAS instrument (Decision 2640/QĐ-BNV) in Vietnamese and English;
 * - the round "Lai Châu 2020" (plan 1516/KH-UBND, 29/7/2020) with N_h per unit
 *   (illustrative: the plan does not publish them) and 625 questionnaires allocated
 *   proportionally to N_h with a minimum per unit, by analysis/allocation.ts;
 * - 625 synthetic submitted questionnaires with realistic differences between units;
 * - a few demo invitation links.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { allocateSample } from "../analysis";
import { prisma } from "../app/db/prisma.server";
import { databaseUrl, isPostgresUrl } from "../app/db/database-url";
import { receiptCodeFor } from "../app/domain/survey/receipt";
import { hashPassword } from "../app/domain/auth/password.server";
import { saveInstrumentDefinition } from "../app/models/instrument.server";
import { sipas2017 } from "./seed-data/instrument-sipas-2017";
import { generateSyntheticResponses } from "./seed-data/synthetic-responses";
import { seedDemoInterviews } from "./seed-data/demo-interviews";
import { seedParRules } from "./seed-data/par-rules";
import { seedDistrictBounds } from "./seed-data/district-bounds";
import { ONE_YEAR_EARLIER_MS, PREVIOUS_SYNTHETIC_SEED, seedPreviousRound } from "./seed-data/previous-round";

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUND_CODE = "lai-chau-2020";
const TARGET_SAMPLE = 625;
/** Every unit gets at least this many questionnaires, so none is left without an estimate. */
const MINIMUM_PER_UNIT = 8;
const SYNTHETIC_SEED = 2020;
const UNITS_VALID_FROM = new Date("2020-01-01T00:00:00Z");

function readCsv<T>(file: string): T[] {
  const text = readFileSync(path.join(here, "seed-data", file), "utf8");
  return Papa.parse<T>(text, { header: true, skipEmptyLines: true }).data;
}

type UnitRow = { code: string; name: string; level: "department" | "district" | "commune"; parent_code: string };

async function seedUnits(rows: UnitRow[]) {
  for (const row of rows) {
    await prisma.unit.upsert({
      where: { code: row.code },
      create: { code: row.code, name: row.name, level: row.level, validFrom: UNITS_VALID_FROM },
      update: { name: row.name, level: row.level },
    });
  }
  for (const row of rows.filter((r) => r.parent_code)) {
    const parent = await prisma.unit.findUniqueOrThrow({ where: { code: row.parent_code } });
    await prisma.unit.update({ where: { code: row.code }, data: { parentId: parent.id } });
  }
}

async function seedRound(instrumentId: string, units: UnitRow[]) {
  const round = await prisma.round.upsert({
    where: { code: ROUND_CODE },
    create: {
      code: ROUND_CODE,
      title: "Khảo sát sự hài lòng tỉnh Lai Châu năm 2020",
      planReference: "1516/KH-UBND",
      planDate: new Date("2020-07-29T00:00:00Z"),
      periodStart: new Date("2020-08-15T00:00:00Z"),
      periodEnd: new Date("2020-10-31T00:00:00Z"),
      instrumentId,
      status: "collecting",
      targetSampleSize: TARGET_SAMPLE,
    },
    update: {},
  });
  const populations = new Map(
    readCsv<{ unit_code: string; population: string }>("lai-chau-2020-strata.csv").map((r) => [
      r.unit_code,
      Number(r.population),
    ]),
  );
  const allocation = allocateSample(
    units.map((u) => ({ code: u.code, level: u.level, population: populations.get(u.code)! })),
    { method: "proportional", total: TARGET_SAMPLE, minimum: MINIMUM_PER_UNIT },
  );
  const targets = new Map(allocation.map((a) => [a.code, a.n]));
  for (const unit of units) {
    const { id: unitId } = await prisma.unit.findUniqueOrThrow({ where: { code: unit.code } });
    const values = { population: populations.get(unit.code)!, targetSize: targets.get(unit.code)! };
    await prisma.stratum.upsert({
      where: { roundId_unitId: { roundId: round.id, unitId } },
      create: { roundId: round.id, unitId, ...values },
      update: values,
    });
  }
  return { round, targets };
}

async function seedResponses(
  roundId: string,
  units: UnitRow[],
  targets: Map<string, number>,
  seed = SYNTHETIC_SEED,
  shiftMs = 0,
) {
  const synthetic = generateSyntheticResponses(
    units.map((u) => ({ code: u.code, level: u.level, targetSize: targets.get(u.code)! })),
    sipas2017,
    seed,
  );
  const existing = new Set(
    (await prisma.response.findMany({ where: { id: { in: synthetic.map((r) => r.id) } }, select: { id: true } })).map(
      (r) => r.id,
    ),
  );
  const unitIds = new Map(
    (await prisma.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]),
  );
  const missing = synthetic.filter((r) => !existing.has(r.id));
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100);
    await prisma.$transaction([
      prisma.response.createMany({
        data: batch.map((r) => ({
          id: r.id,
          roundId,
          unitId: unitIds.get(r.unitCode)!,
          mode: r.mode,
          language: r.language,
          status: "submitted",
          currentStep: "done",
          receiptCode: receiptCodeFor(r.id),
          startedAt: new Date(r.startedAt.getTime() + shiftMs),
          submittedAt: new Date(r.submittedAt.getTime() + shiftMs),
        })),
      }),
      insertAnswers(batch.flatMap((r) => r.answers.map((a) => ({ ...a, responseId: r.id })))),
    ]);
  }
  return { total: synthetic.length, added: missing.length };
}

/**
 * The answer rows of a batch as ONE statement with ONE JSON parameter (json_each on
 * SQLite, jsonb_to_recordset on PostgreSQL): Prisma's createMany binds five parameters
 * per row and managed about 1,000 rows/s here, so the 37,500 answers of the two demo
 * rounds took most of the seed's 30 s, which every e2e server and the crash test pay.
 */
function insertAnswers(
  rows: { responseId: string; itemCode: string; choice?: string; value?: number | null; text?: string | null }[],
) {
  const json = JSON.stringify(
    rows.map((a) => ({ r: a.responseId, i: a.itemCode, c: a.choice ?? "", v: a.value ?? null, t: a.text ?? null })),
  );
  return isPostgresUrl(databaseUrl())
    ? prisma.$executeRaw`INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text")
        SELECT x.r, x.i, x.c, x.v, x.t FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS x(r text, i text, c text, v integer, t text)`
    : prisma.$executeRaw`INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text")
        SELECT j.value ->> 'r', j.value ->> 'i', j.value ->> 'c', j.value ->> 'v', j.value ->> 't' FROM json_each(${json}) AS j`;
}

/** Demo invitation links, listed in docs/tour.md. Tokens are fixed so the links are stable. */
async function seedInvitations(roundId: string) {
  const demo = [
    { token: "LC2020-DEMO-NOIVU", unit: "so-noi-vu", expiresAt: new Date("2099-12-31T00:00:00Z") },
    { token: "LC2020-DEMO-TAMDUONG", unit: "huyen-tam-duong", expiresAt: new Date("2099-12-31T00:00:00Z") },
    { token: "LC2020-DEMO-EXPIRED", unit: "so-tu-phap", expiresAt: new Date("2020-11-30T00:00:00Z") },
  ];
  for (const invitation of demo) {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { code: invitation.unit } });
    await prisma.invitation.upsert({
      where: { token: invitation.token },
      create: { token: invitation.token, roundId, unitId: unit.id, expiresAt: invitation.expiresAt },
      update: {},
    });
  }
}

/**
 * One demo account per role (README "Demo accounts"). The password is public: these are
 * for trying the app, and a real deployment deletes them. Passwords are set only when the
 * account is created, so a changed password survives a re-seed.
 */
const DEMO_PASSWORD = "HaiLong-demo-2020";
const DEMO_USERS = [
  { email: "admin@hailong.test", name: "Nguyễn Văn Quản", role: "admin", units: [] as string[] },
  { email: "giamsat@hailong.test", name: "Trần Thị Giám", role: "supervisor", units: ["huyen-tam-duong", "so-noi-vu"] },
  { email: "dieutra@hailong.test", name: "Lò Văn Điều", role: "enumerator", units: ["huyen-tam-duong"] },
  { email: "lanhdao@hailong.test", name: "Hoàng Minh Lãnh", role: "viewer", units: [] as string[] },
];

async function seedUsers() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const user = await prisma.user.upsert({
      where: { email: demo.email },
      create: { email: demo.email, name: demo.name, role: demo.role, passwordHash },
      update: { name: demo.name, role: demo.role },
    });
    for (const code of demo.units) {
      const unit = await prisma.unit.findUniqueOrThrow({ where: { code } });
      await prisma.userUnit.upsert({
        where: { userId_unitId: { userId: user.id, unitId: unit.id } },
        create: { userId: user.id, unitId: unit.id },
        update: {},
      });
    }
  }
}

/**
 * The demo enumerator's work in the 2020 round: all of Huyện Tam Đường (walk-ins; the
 * demo has no drawn people), so the offline app's package is not empty on a fresh
 * install. Made once; a supervisor's later changes are kept.
 */
async function seedDemoAssignment(roundId: string) {
  const enumerator = await prisma.user.findUniqueOrThrow({ where: { email: "dieutra@hailong.test" } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: "huyen-tam-duong" } });
  const existing = await prisma.assignment.findFirst({
    where: { roundId, userId: enumerator.id, unitId: unit.id, frameRowId: null },
  });
  if (!existing) await prisma.assignment.create({ data: { roundId, userId: enumerator.id, unitId: unit.id } });
}

async function main() {
  const units = readCsv<UnitRow>("units.csv");
  await seedUnits(units);
  const instrument = await saveInstrumentDefinition(sipas2017, ["vi", "en"]);
  const { round, targets } = await seedRound(instrument.id, units);
  const { total, added } = await seedResponses(round.id, units, targets);
  // The closed 2019 round the dashboard compares 2020 with (seed-data/previous-round.ts).
  const previous = await seedPreviousRound({
    instrumentId: instrument.id,
    currentRoundId: round.id,
    units,
    populations: new Map(
      readCsv<{ unit_code: string; population: string }>("lai-chau-2020-strata.csv").map((r) => [
        r.unit_code,
        Number(r.population),
      ]),
    ),
    writeResponses: (roundId, previousTargets) =>
      seedResponses(roundId, units, previousTargets, PREVIOUS_SYNTHETIC_SEED, ONE_YEAR_EARLIER_MS),
  });
  if (added > 0) await prisma.instrument.update({ where: { id: instrument.id }, data: { frozenAt: new Date() } });
  await seedInvitations(round.id);
  await seedUsers();
  await seedDemoAssignment(round.id);
  // Enumerator interviews waiting for supervisor review (seed-data/demo-interviews.ts).
  await seedDemoInterviews(round.id, sipas2017);
  await seedParRules();
  await seedDistrictBounds();
  console.log(
    `Seeded ${units.length} units, instrument ${instrument.code} v${instrument.version}, round ${round.code}: ${added} of ${total} synthetic questionnaires added; previous round ${previous.round.code}: ${previous.added} of ${previous.total}.`,
  );
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
