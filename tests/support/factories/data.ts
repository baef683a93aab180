import { randomUUID } from "node:crypto";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { saveInstrumentDefinition } from "~/models/instrument.server";
import type { RoundStatus, UnitLevel } from "~/models/round.server";
import { prisma } from "~/db/prisma.server";
import { sipas2017 } from "../../../prisma/seed-data/instrument-sipas-2017";

/**
 * Rows for data-layer tests, written through the app's own writers where it has them. Every code is made unique per call, so tests in one file share its
 * database without seeing each other's rows.
 */

const VALID_FROM = new Date("2020-01-01T00:00:00Z");

/** Insert an instrument version through the same writer the seed uses. */
export async function createInstrument(definition: InstrumentDefinition = sipas2017, languages = ["vi", "en"]) {
  return saveInstrumentDefinition(definition, languages);
}

export interface UnitSpec {
  /** Short name used by the test; the stored code gets a unique suffix. */
  key: string;
  level: UnitLevel;
  /** N_h of the unit's stratum. */
  population: number;
  targetSize?: number;
}

const DEFAULT_UNITS: UnitSpec[] = [{ key: "dept", level: "department", population: 100 }];

/**
 * A collecting round of the SIPAS 2017 instrument (under a unique instrument code, so each
 * survey has its own version to freeze) over fresh units, one stratum each.
 * `units[key]` gives each unit's row.
 */
export async function createSurvey(options: { units?: UnitSpec[]; status?: RoundStatus } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const instrument = await createInstrument({ ...sipas2017, code: `${sipas2017.code}-${suffix}` });
  const round = await prisma.round.create({
    data: {
      code: `round-${suffix}`,
      title: `Test round ${suffix}`,
      periodStart: new Date("2020-08-15T00:00:00Z"),
      periodEnd: new Date("2020-10-31T00:00:00Z"),
      planReference: "test",
      instrumentId: instrument.id,
      status: options.status ?? "collecting",
      targetSampleSize: 0,
    },
  });
  const units: Record<string, Awaited<ReturnType<typeof prisma.unit.create>>> = {};
  for (const spec of options.units ?? DEFAULT_UNITS) {
    const unit = await prisma.unit.create({
      data: { code: `${spec.key}-${suffix}`, name: `${spec.key} ${suffix}`, level: spec.level, validFrom: VALID_FROM },
    });
    await prisma.stratum.create({
      data: { roundId: round.id, unitId: unit.id, population: spec.population, targetSize: spec.targetSize ?? 10 },
    });
    units[spec.key] = unit;
  }
  return { instrument, round, units };
}

/**
 * A questionnaire with its criterion answers, written directly (not through the model
 * layer), for tests that read results. `answers` maps criterion codes to 1..5 or 9.
 */
export async function createResponse(input: {
  roundId: string;
  unitId: string;
  status: "in_progress" | "submitted";
  answers: Record<string, number>;
}) {
  const id = randomUUID();
  const now = new Date("2020-09-01T08:00:00Z");
  await prisma.response.create({
    data: {
      id,
      roundId: input.roundId,
      unitId: input.unitId,
      mode: "online",
      language: "vi",
      status: input.status,
      currentStep: input.status === "submitted" ? "done" : "E1",
      startedAt: now,
      submittedAt: input.status === "submitted" ? now : null,
      receiptCode: input.status === "submitted" ? `T-${id}` : null,
      answers: {
        create: Object.entries(input.answers).map(([itemCode, value]) => ({ itemCode, value })),
      },
    },
  });
  return id;
}

/** A staff account of a role, with a unique email. */
export function createStaff(role: string) {
  return prisma.user.create({ data: { email: `${role}-${randomUUID()}@t`, name: role, passwordHash: "x", role } });
}

/** `n` drawn people (main sample) of a unit, in an accepted frame import of the round. */
export async function addMainRows(roundId: string, unitId: string, n: number) {
  const frameImport = await prisma.frameImport.create({
    data: {
      roundId,
      fileName: "f.csv",
      fingerprint: "x",
      rowCount: n,
      badRowCount: 0,
      report: "{}",
      status: "accepted",
    },
  });
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      prisma.frameRow.create({
        data: {
          importId: frameImport.id,
          roundId,
          unitId,
          line: i + 2,
          dossierCode: `D${i}`,
          procedure: "p",
          returnedAt: new Date(),
          drawGroup: "main",
          drawOrder: i + 1,
        },
      }),
    ),
  );
}
