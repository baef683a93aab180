/**
 * Staff of their own for specs and benchmarks that must not touch the demo accounts' counts.
 */
import { hash } from "@node-rs/argon2";
import type { TestPrisma } from "../prisma";

export interface EnumeratorRound {
  roundCode: string;
  unitCode: string;
  email: string;
  password: string;
}

/**
 * A collecting round on the demo questionnaire (lai-chau-2020's instrument) and an
 * enumerator assigned to one of its units (whole unit, no frame rows). Returns how to sign in.
 */
export async function addEnumeratorRound(
  db: TestPrisma,
  options: {
    roundCode: string;
    email: string;
    password: string;
    unitCode?: string;
    title?: string;
    planReference?: string;
    periodStart?: Date;
    name?: string;
  },
): Promise<EnumeratorRound> {
  const unitCode = options.unitCode ?? "huyen-tam-duong";
  const base = await db.round.findUniqueOrThrow({ where: { code: "lai-chau-2020" }, select: { instrumentId: true } });
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } });
  const round = await db.round.create({
    data: {
      code: options.roundCode,
      title: options.title ?? "Benchmark",
      periodStart: options.periodStart ?? new Date("2020-01-01"),
      periodEnd: new Date("2099-12-31"),
      planReference: options.planReference ?? "BENCH",
      instrumentId: base.instrumentId,
      status: "collecting",
      targetSampleSize: 10,
    },
  });
  const user = await db.user.create({
    data: {
      email: options.email,
      name: options.name ?? "Benchmark",
      passwordHash: await hash(options.password),
      role: "enumerator",
    },
  });
  await db.assignment.create({ data: { roundId: round.id, userId: user.id, unitId: unit.id } });
  return { roundCode: options.roundCode, unitCode, email: options.email, password: options.password };
}

/** A viewer limited to one unit (the dashboard's unit scope). Returns the user's id. */
export async function addLimitedViewer(db: TestPrisma, unitCode: string, email: string): Promise<string> {
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } });
  const user = await db.user.create({
    data: {
      email,
      name: "Lãnh đạo đơn vị",
      passwordHash: "x",
      role: "viewer",
      limitedToUnits: true,
      failedLogins: 0,
      units: { create: { unitId: unit.id } },
    },
  });
  return user.id;
}
