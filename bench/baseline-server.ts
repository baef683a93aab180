/**
 * The baseline of `npm run bench:submit`: a plain node:http server doing the same database
 * insert as POST /api/sync/interviews — the app's own store, `storeInterviews`
 * (app/models/interview-store.server.ts: the same connection and settings, the same
 * transaction shape, group commit on SQLite, the same SQL on PostgreSQL) with the same
 * answer rows (answerRowsFromValues) — and nothing else: no Remix, Express, headers,
 * session, rate limit, Origin check, zod validation, content hash, duplicate lookup,
 * assignment checks or computed flags (the store's same-minute query still runs: it is part
 * of the insert).
 *
 *   PORT=3163 DATABASE_URL=… BENCH_USER_EMAIL=… node --import tsx bench/baseline-server.ts
 *
 * WEB_CONCURRENCY=n runs n processes on the port (node:cluster), as server.mjs does.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { storeInterviews, type InterviewToStore } from "~/models/interview-store.server";
import type { Interview } from "~/domain/interviews/interview-schema";
import { getInstrument } from "~/models/instrument.server";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { answerRowsFromValues } from "~/domain/survey/answers";
import type { StepValues } from "~/domain/survey/step-schema";
import { prisma } from "~/db/prisma.server";

interface RoundContext {
  id: string;
  instrumentId: string;
  qcSameMinuteCount: number;
  instrument: InstrumentDefinition;
  units: Map<string, string>;
}

const rounds = new Map<string, Promise<RoundContext>>();
function round(code: string) {
  if (!rounds.has(code)) {
    rounds.set(
      code,
      (async () => {
        const found = await prisma.round.findUniqueOrThrow({ where: { code } });
        const units = await prisma.unit.findMany({ select: { id: true, code: true } });
        return {
          ...found,
          instrument: await getInstrument(found.instrumentId),
          units: new Map(units.map((u) => [u.code, u.id])),
        };
      })(),
    );
  }
  return rounds.get(code)!;
}

async function toStore(interview: Interview, userId: string): Promise<InterviewToStore> {
  const context = await round(interview.roundCode);
  return {
    id: interview.id,
    roundId: context.id,
    unitId: context.units.get(interview.unitCode)!,
    instrumentId: context.instrumentId,
    recordedById: userId,
    language: interview.language,
    interpretedInto: interview.interpretedInto,
    frameRowId: interview.frameRowId,
    startedAt: new Date(interview.startedAt),
    endedAt: new Date(interview.endedAt),
    location: interview.location,
    contentHash: "baseline",
    rows: context.instrument.sections.flatMap((section) =>
      interview.answers[section.code]
        ? answerRowsFromValues(section, interview.answers[section.code] as StepValues)
        : [],
    ),
    flags: [],
    sameMinuteThreshold: context.qcSameMinuteCount,
  };
}

async function serve() {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: process.env.BENCH_USER_EMAIL ?? "" } });
  createServer(async (request, response) => {
    if (request.url === "/healthz") return void response.end("ok");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const { interviews } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { interviews: Interview[] };
      const outcomes = await storeInterviews(
        await Promise.all(interviews.map((interview) => toStore(interview, user.id))),
      );
      const results = interviews.map((interview, i) => ({
        id: interview.id,
        status: outcomes[i].stored ? "stored" : "duplicate",
      }));
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ results }));
    } catch (error) {
      response.writeHead(500).end(String((error as Error).message));
    }
  }).listen(Number(process.env.PORT ?? 3163), "127.0.0.1");
}

const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () =>
      Object.values(cluster.workers ?? {}).forEach((worker) => worker?.process.kill("SIGTERM")),
    );
  }
} else {
  await serve();
}
