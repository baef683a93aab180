import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInstrument } from "~/models/instrument.server";
import { aggregateRound } from "~/models/round-aggregates.server";
import { getRoundData } from "~/models/dashboard.server";
import { disconnectResultsReader, resultsReader, prisma } from "~/db/prisma.server";
import { createPostgresDatabase, dropPostgresDatabase, postgresTestServer, postgresUrlFor } from "../setup/postgres";
import { createDashboardRound } from "./dashboard-fixture";

// DATABASE_REPLICA_URL (docs/operations.md, "Deploying at scale"): the results pages' aggregate reads go
// to the replica, everything else to the primary. A real replica would hold the primary's
// rows a moment later; here the "replica" is a second migrated database that does not have
// the round's questionnaires, so where a read went shows in its numbers.

const server = postgresTestServer();

describe("the results reader", () => {
  it("is the primary when no replica is named", () => {
    delete process.env.DATABASE_REPLICA_URL;
    expect(resultsReader()).toBe(prisma);
  });

  it.skipIf(server !== null)("refuses a replica beside a SQLite primary", () => {
    process.env.DATABASE_REPLICA_URL = "postgresql://postgres@127.0.0.1:5432/elsewhere";
    try {
      expect(() => resultsReader()).toThrow(/DATABASE_REPLICA_URL must be a postgresql:\/\/ URL/);
    } finally {
      delete process.env.DATABASE_REPLICA_URL;
    }
  });
});

describe.skipIf(server === null)("with DATABASE_REPLICA_URL on PostgreSQL", () => {
  const name = `hailong_replica_${randomUUID().replace(/-/g, "")}`;
  let survey: Awaited<ReturnType<typeof createDashboardRound>>;

  beforeAll(async () => {
    survey = await createDashboardRound();
    await createPostgresDatabase(server!, name, process.env.HAILONG_TEMPLATE_DB);
  });

  afterAll(async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await disconnectResultsReader();
    await dropPostgresDatabase(server!, name);
  });

  it("sends the aggregate reads to the replica and the rest to the primary", async () => {
    const instrument = await getInstrument(survey.instrument.id);
    // The round's units come from the primary (Stratum rows, read with prisma).
    const data = await getRoundData(survey.round.id, instrument, null);
    const unitIds = data.units.map((u) => u.id);
    const onPrimary = await aggregateRound(survey.round.id, instrument, { unitIds, filter: {} });
    const primaryCount = onPrimary.tally.responsesPerUnit.reduce((a, b) => a + b, 0);
    expect(primaryCount).toBeGreaterThan(0);

    process.env.DATABASE_REPLICA_URL = postgresUrlFor(server!, name);
    expect(resultsReader()).not.toBe(prisma);
    const onReplica = await aggregateRound(survey.round.id, instrument, { unitIds, filter: {} });
    expect(onReplica.tally.responsesPerUnit.reduce((a, b) => a + b, 0)).toBe(0);
    // Everything else still reads the primary.
    expect(await prisma.response.count({ where: { roundId: survey.round.id } })).toBeGreaterThanOrEqual(primaryCount);
  });
});
