/**
 * A closed synthetic round of `size` submitted questionnaires over the demo round's 47
 * units (prisma/seed-data/synthetic-responses.ts, the seed's generator), written straight
 * through the database driver: Prisma's createMany took minutes for 600,000 answer rows on
 * a loaded machine. Same rows on SQLite (better-sqlite3, one transaction) and PostgreSQL
 * (pg, unnest of arrays per batch).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import { generateSyntheticResponses, type SyntheticUnit } from "../../prisma/seed-data/synthetic-responses";

interface DemoStratum {
  unitId: string;
  code: string;
  level: SyntheticUnit["level"];
}

interface Demo {
  roundId: string;
  instrumentId: string;
  strata: DemoStratum[];
}

const DEMO_ROUND = "lai-chau-2020";
const DEMO_SQL = `SELECT r."id" AS "roundId", r."instrumentId" AS "instrumentId", s."unitId" AS "unitId", u."code" AS "code", u."level" AS "level"
  FROM "Round" r JOIN "Stratum" s ON s."roundId" = r."id" JOIN "Unit" u ON u."id" = s."unitId" WHERE r."code" = $1 ORDER BY u."code"`;

function rows(demo: Demo, code: string, size: number, seed: number) {
  const per = Math.floor(size / demo.strata.length);
  const targets = demo.strata.map((_, h) => per + (h < size % demo.strata.length ? 1 : 0));
  const unitId = new Map(demo.strata.map((s) => [s.code, s.unitId]));
  const units = demo.strata.map((s, h) => ({ code: s.code, level: s.level, targetSize: targets[h] }));
  const responses = generateSyntheticResponses(units, sipas2017, seed).map((r) => ({
    ...r,
    id: randomUUID(),
    unitId: unitId.get(r.unitCode)!,
  }));
  const round = { id: randomUUID(), code, instrumentId: demo.instrumentId, size };
  const strata = demo.strata.map((s, h) => ({
    id: randomUUID(),
    unitId: s.unitId,
    population: 3 * targets[h],
    targetSize: targets[h],
  }));
  return { round, strata, responses };
}

const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00"); // the adapter's DateTime format

export function addSyntheticRoundSqlite(url: string, code: string, size: number, seed: number): void {
  const db = new Database(url.slice("file:".length));
  try {
    const found = db.prepare(DEMO_SQL.replace("$1", "?")).all(DEMO_ROUND) as (DemoStratum & {
      roundId: string;
      instrumentId: string;
    })[];
    const { round, strata, responses } = rows(
      { roundId: found[0].roundId, instrumentId: found[0].instrumentId, strata: found },
      code,
      size,
      seed,
    );
    const now = sqliteDate(new Date());
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Round" ("id", "code", "title", "periodStart", "periodEnd", "planReference", "instrumentId", "status", "targetSampleSize", "createdAt")
         VALUES (?, ?, 'Benchmark', ?, ?, 'bench', ?, 'closed', ?, ?)`,
      ).run(
        round.id,
        round.code,
        sqliteDate(new Date("2020-08-15")),
        sqliteDate(new Date("2020-10-31")),
        round.instrumentId,
        size,
        now,
      );
      const stratum = db.prepare(
        `INSERT INTO "Stratum" ("id", "roundId", "unitId", "population", "targetSize") VALUES (?, ?, ?, ?, ?)`,
      );
      for (const s of strata) stratum.run(s.id, round.id, s.unitId, s.population, s.targetSize);
      const response = db.prepare(
        `INSERT INTO "Response" ("id", "roundId", "unitId", "mode", "language", "status", "currentStep", "startedAt", "updatedAt", "submittedAt")
         VALUES (?, ?, ?, ?, ?, 'submitted', 'done', ?, ?, ?)`,
      );
      const answer = db.prepare(
        `INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text") VALUES (?, ?, ?, ?, ?)`,
      );
      for (const r of responses) {
        response.run(
          r.id,
          round.id,
          r.unitId,
          r.mode,
          r.language,
          sqliteDate(r.startedAt),
          now,
          sqliteDate(r.submittedAt),
        );
        for (const a of r.answers) answer.run(r.id, a.itemCode, a.choice, a.value, a.text);
      }
    })();
  } finally {
    db.close();
  }
}

export async function addSyntheticRoundPostgres(url: string, code: string, size: number, seed: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = (await client.query(DEMO_SQL, [DEMO_ROUND])).rows as (DemoStratum & {
      roundId: string;
      instrumentId: string;
    })[];
    const { round, strata, responses } = rows(
      { roundId: found[0].roundId, instrumentId: found[0].instrumentId, strata: found },
      code,
      size,
      seed,
    );
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Round" ("id", "code", "title", "periodStart", "periodEnd", "planReference", "instrumentId", "status", "targetSampleSize")
       VALUES ($1, $2, 'Benchmark', $3, $4, 'bench', $5, 'closed', $6)`,
      [round.id, round.code, new Date("2020-08-15"), new Date("2020-10-31"), round.instrumentId, size],
    );
    await client.query(
      `INSERT INTO "Stratum" ("id", "roundId", "unitId", "population", "targetSize") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[])`,
      [
        strata.map((s) => s.id),
        strata.map(() => round.id),
        strata.map((s) => s.unitId),
        strata.map((s) => s.population),
        strata.map((s) => s.targetSize),
      ],
    );
    for (let i = 0; i < responses.length; i += 2000) {
      const batch = responses.slice(i, i + 2000);
      await client.query(
        `INSERT INTO "Response" ("id", "roundId", "unitId", "mode", "language", "status", "currentStep", "startedAt", "updatedAt", "submittedAt")
         SELECT id, $2, unit, mode, language, 'submitted', 'done', started, now(), submitted
         FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[]) AS t(id, unit, mode, language, started, submitted)`,
        [
          batch.map((r) => r.id),
          round.id,
          batch.map((r) => r.unitId),
          batch.map((r) => r.mode),
          batch.map((r) => r.language),
          batch.map((r) => r.startedAt),
          batch.map((r) => r.submittedAt),
        ],
      );
      const answers = batch.flatMap((r) => r.answers.map((a) => ({ ...a, responseId: r.id })));
      await client.query(
        `INSERT INTO "Answer" ("responseId", "itemCode", "choice", "value", "text") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[])`,
        [
          answers.map((a) => a.responseId),
          answers.map((a) => a.itemCode),
          answers.map((a) => a.choice),
          answers.map((a) => a.value),
          answers.map((a) => a.text),
        ],
      );
    }
    await client.query("COMMIT");
    await client.query('ANALYZE "Response", "Answer"');
  } finally {
    await client.end();
  }
}
