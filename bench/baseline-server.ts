/**
 * The baseline of `npm run bench:submit`: a plain node:http server doing the same database
 * insert as POST /api/sync/interviews — same Prisma client and settings (~/utils/db.server:
 * WAL, the same synchronous level), same transaction shape (one transaction per interview:
 * the Response row with its answer rows created through the relation) and the same answer
 * rows (answerRowsFromValues) — and nothing else: no Remix, Express, headers, session,
 * rate limit, Origin check, zod validation, content hash, duplicate lookup or quality flags.
 *
 *   PORT=3163 DATABASE_URL=file:… BENCH_USER_EMAIL=… npx tsx bench/baseline-server.ts
 */
import { createServer } from "node:http";
import type { Interview } from "~/fieldwork/interview-schema";
import { getInstrument } from "~/models/instrument.server";
import type { InstrumentDefinition } from "~/models/instrument-definition";
import { answerRowsFromValues, type AnswerRow } from "~/survey/answers";
import type { StepValues } from "~/survey/step-schema";
import { prisma } from "~/utils/db.server";

const rounds = new Map<string, Promise<{ id: string; instrument: InstrumentDefinition; units: Map<string, string> }>>();
function round(code: string) {
  if (!rounds.has(code)) {
    rounds.set(
      code,
      (async () => {
        const found = await prisma.round.findUniqueOrThrow({ where: { code } });
        const units = await prisma.unit.findMany({ select: { id: true, code: true } });
        return { id: found.id, instrument: await getInstrument(found.instrumentId), units: new Map(units.map((u) => [u.code, u.id])) };
      })(),
    );
  }
  return rounds.get(code)!;
}

const user = await prisma.user.findUniqueOrThrow({ where: { email: process.env.BENCH_USER_EMAIL ?? "" } });

async function store(interview: Interview) {
  const context = await round(interview.roundCode);
  const rows: AnswerRow[] = context.instrument.sections.flatMap((section) =>
    interview.answers[section.code] ? answerRowsFromValues(section, interview.answers[section.code] as StepValues) : [],
  );
  await prisma.$transaction(async (tx) => {
    await tx.response.create({
      data: {
        id: interview.id,
        roundId: context.id,
        unitId: context.units.get(interview.unitCode)!,
        mode: "enumerator",
        language: interview.language,
        status: "submitted",
        currentStep: "done",
        startedAt: new Date(interview.startedAt),
        submittedAt: new Date(interview.endedAt),
        receivedAt: new Date(),
        recordedById: user.id,
        reviewStatus: "pending",
        answers: { create: rows },
      },
    });
  });
}

createServer(async (request, response) => {
  if (request.url === "/healthz") return void response.end("ok");
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const { interviews } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { interviews: Interview[] };
    const results = [];
    for (const interview of interviews) {
      await store(interview);
      results.push({ id: interview.id, status: "stored" });
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ results }));
  } catch (error) {
    response.writeHead(500).end(String((error as Error).message));
  }
}).listen(Number(process.env.PORT ?? 3163), "127.0.0.1");
