/**
 * Interviews as the enumerator's app uploads them, for the crash test and the submission
 * benchmark: the package a signed-in enumerator downloads, complete interviews made from it.
 */
import type { EnumeratorPackage, Interview } from "../../../app/domain/interviews/interview-schema";
import type { TestPrisma } from "../prisma";

export async function fetchPackage(url: string, cookie: string): Promise<EnumeratorPackage> {
  const response = await fetch(`${url}/api/enumerator/package`, { headers: { cookie } });
  if (!response.ok) throw new Error(`package: ${response.status}`);
  return (await response.json()) as EnumeratorPackage;
}

/**
 * Makes complete interviews for one round and unit, each with a new UUID: criteria 5 and 4
 * in turn, other questions their first option. Each ends a minute before the previous one,
 * so the quality rules see an enumerator's normal pace (no same-minute flags).
 */
export function interviewMaker(pack: EnumeratorPackage, roundCode: string, unitCode: string) {
  const round = pack.rounds.find((r) => r.code === roundCode);
  if (!round) throw new Error(`round ${roundCode} is not in the enumerator's package`);
  const answers: Interview["answers"] = {};
  let n = 0;
  for (const section of round.instrument.sections) {
    answers[section.code] = {};
    for (const item of section.items) {
      if (item.kind === "likert") answers[section.code][item.code] = n++ % 2 ? "4" : "5";
      if (item.kind === "single") answers[section.code][item.code] = item.options![0].code;
      if (item.kind === "multi") answers[section.code][item.code] = [item.options![0].code];
      if (item.kind === "text") answers[section.code][item.code] = "Cán bộ nhiệt tình, thủ tục nhanh.";
    }
  }
  const base = Date.now();
  let made = 0;
  return (): Interview => {
    made += 1;
    const ended = base - made * 60_000;
    return {
      id: crypto.randomUUID(),
      roundCode,
      unitCode,
      frameRowId: null,
      language: "vi",
      interpretedInto: null,
      startedAt: new Date(ended - 15 * 60_000).toISOString(),
      endedAt: new Date(ended).toISOString(),
      location: null,
      answers,
    };
  };
}

/** Answer rows a complete interview of this package's round stores (for checks). */
export function answerRowCount(interview: Interview): number {
  return Object.values(interview.answers).reduce(
    (sum, values) =>
      sum + Object.values(values).reduce((s, v) => s + (Array.isArray(v) ? v.length : v === "" ? 0 : 1), 0),
    0,
  );
}

export interface StoredResponse {
  id: string;
  answers: number;
  contentHash: string | null;
}

/** The stored questionnaires of a round, with their number of answer rows. */
export async function storedResponses(db: TestPrisma, roundCode: string): Promise<StoredResponse[]> {
  const rows = await db.response.findMany({
    where: { round: { code: roundCode } },
    select: { id: true, contentHash: true, _count: { select: { answers: true } } },
  });
  return rows.map((r) => ({ id: r.id, contentHash: r.contentHash, answers: r._count.answers }));
}
