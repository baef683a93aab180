/**
 * A closed round before Lai Châu 2020, so the dashboard has a "change since the previous
 * round" to show (issue 6). Illustrative: the province's 2019 results are not public, so
 * the populations are the 2020 ones scaled by POPULATION_SHARE and the answers come from
 * the same synthetic generator under another seed (unit qualities differ, as they would
 * from one year to the next). Idempotent, like the rest of the seed.
 */
import { allocateSample } from "../../analysis";
import { prisma } from "../../app/db/prisma.server";

export const PREVIOUS_ROUND_CODE = "lai-chau-2019";
export const PREVIOUS_SYNTHETIC_SEED = 2019;
/** The 2019 stratum sizes as a share of 2020's (fewer online dossiers then). */
const POPULATION_SHARE = 0.9;
const TARGET_SAMPLE = 625;
const MINIMUM_PER_UNIT = 8;
/** The generator's answers are dated in the 2020 window; 2019's were a year (366 days, 2020 is leap) earlier. */
export const ONE_YEAR_EARLIER_MS = -366 * 86_400_000;

interface PreviousRoundInput {
  instrumentId: string;
  currentRoundId: string;
  units: { code: string; level: "department" | "district" | "commune" }[];
  populations: Map<string, number>;
  /** The seed's own writer of synthetic questionnaires, given the round and targets. */
  writeResponses: (roundId: string, targets: Map<string, number>) => Promise<{ total: number; added: number }>;
}

export async function seedPreviousRound(input: PreviousRoundInput) {
  const round = await prisma.round.upsert({
    where: { code: PREVIOUS_ROUND_CODE },
    create: {
      code: PREVIOUS_ROUND_CODE,
      title: "Khảo sát sự hài lòng tỉnh Lai Châu năm 2019 (dữ liệu minh họa)",
      planReference: "KH-2019 (minh họa)",
      planDate: new Date("2019-07-15T00:00:00Z"),
      periodStart: new Date("2019-08-15T00:00:00Z"),
      periodEnd: new Date("2019-10-31T00:00:00Z"),
      instrumentId: input.instrumentId,
      status: "closed",
      targetSampleSize: TARGET_SAMPLE,
    },
    update: {},
  });
  const populations = new Map(
    [...input.populations].map(([code, n]) => [code, Math.max(1, Math.round(n * POPULATION_SHARE))]),
  );
  const allocation = allocateSample(
    input.units.map((u) => ({ code: u.code, level: u.level, population: populations.get(u.code)! })),
    { method: "proportional", total: TARGET_SAMPLE, minimum: MINIMUM_PER_UNIT },
  );
  const targets = new Map(allocation.map((a) => [a.code, a.n]));
  const unitIds = new Map(
    (await prisma.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]),
  );
  for (const unit of input.units) {
    const values = { population: populations.get(unit.code)!, targetSize: targets.get(unit.code)! };
    const unitId = unitIds.get(unit.code)!;
    await prisma.stratum.upsert({
      where: { roundId_unitId: { roundId: round.id, unitId } },
      create: { roundId: round.id, unitId, ...values },
      update: values,
    });
  }
  const written = await input.writeResponses(round.id, targets);
  await prisma.round.update({ where: { id: input.currentRoundId }, data: { previousRoundId: round.id } });
  return { round, ...written };
}
