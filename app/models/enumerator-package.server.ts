import type { EnumeratorPackage, PackagePerson, PackageRound } from "~/domain/interviews/interview-schema";
import { prisma } from "~/db/prisma.server";
import { getInstrument, getInstrumentLanguages } from "./instrument.server";

/**
 * What an enumerator takes offline (issue 5): every collecting round they have assignments
 * in, the instrument in every language, their units and their drawn people with contact
 * data. Only their own assignments: contact data never reaches another enumerator's phone.
 */
export async function getEnumeratorPackage(user: {
  id: string;
  name: string;
  email: string;
}): Promise<EnumeratorPackage> {
  const assignments = await collectingAssignments(user.id);
  const byRound = new Map<string, typeof assignments>();
  for (const a of assignments) byRound.set(a.roundId, [...(byRound.get(a.roundId) ?? []), a]);
  const rounds: PackageRound[] = [];
  for (const list of byRound.values()) rounds.push(await packageRound(list));
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    user: { id: user.id, name: user.name, email: user.email },
    rounds,
  };
}

function collectingAssignments(userId: string) {
  return prisma.assignment.findMany({
    where: { userId, round: { status: "collecting" } },
    include: {
      round: true,
      unit: { select: { code: true, name: true, level: true } },
      frameRow: {
        select: {
          id: true,
          dossierCode: true,
          procedure: true,
          returnedAt: true,
          name: true,
          phone: true,
          address: true,
        },
      },
    },
    orderBy: [{ round: { periodStart: "desc" } }, { createdAt: "asc" }],
  });
}
type AssignmentWithRefs = Awaited<ReturnType<typeof collectingAssignments>>[number];

async function packageRound(list: AssignmentWithRefs[]): Promise<PackageRound> {
  const round = list[0].round;
  const units = new Map(list.map((a) => [a.unit.code, a.unit]));
  const people = new Map<string, PackagePerson>();
  for (const a of list) {
    if (!a.frameRow) continue;
    const row = a.frameRow;
    people.set(row.id, {
      frameRowId: row.id,
      unitCode: a.unit.code,
      dossierCode: row.dossierCode,
      procedure: row.procedure,
      returnedAt: row.returnedAt.toISOString(),
      name: row.name,
      phone: row.phone,
      address: row.address,
    });
  }
  return {
    code: round.code,
    title: round.title,
    instrument: await getInstrument(round.instrumentId),
    languages: await getInstrumentLanguages(round.instrumentId),
    minSecondsPerItem: round.qcMinSecondsPerItem,
    units: [...units.values()].map((u) => ({ code: u.code, name: u.name, level: u.level })),
    people: [...people.values()],
  };
}
