import type { UnitLevel } from "../../analysis";
import { Prisma } from "~/generated/prisma/client";
import type { InstrumentDefinition } from "~/domain/instruments/instrument-definition";
import { elementsOf, getInstrument } from "./instrument.server";
import { countedResponsesSql, toNumber } from "./counted-responses.server";
import { COUNTED_IN_INDEX } from "./results.server";
import { aggregateRound } from "./round-aggregates.server";
import { getRoundByCode, getRoundStrata } from "./round.server";
import { GROUP_ITEMS, type DashboardFilter } from "~/domain/results/filters";
import type { RoundData, ViewCounts, ViewUnit } from "~/domain/results/round-view";
import { prisma, resultsReader } from "~/db/prisma.server";

/** The instrument's "improve first" (multi) and open-comment (text) items, by section kind. */
export function dashboardItems(instrument: InstrumentDefinition) {
  const items = instrument.sections.flatMap((s) => s.items.map((item) => ({ ...item, sectionKind: s.kind })));
  return {
    expectations: items.find((i) => i.sectionKind === "expectations" && i.kind === "multi"),
    comment: items.find((i) => i.kind === "text"),
    groups: Object.fromEntries(
      Object.entries(GROUP_ITEMS).map(([key, code]) => [key, items.find((i) => i.code === code)]),
    ),
  };
}

/**
 * What every view of a round starts from: its units (a viewer's only, with `unitIds`), its
 * elements, and the languages its counted questionnaires were answered in (the filter's
 * options). Two small queries; the questionnaires themselves stay in the database.
 */
export async function getRoundData(
  roundId: string,
  instrument: InstrumentDefinition,
  unitIds: string[] | null,
): Promise<RoundData> {
  const strata = (await getRoundStrata(roundId)).filter((s) => !unitIds || unitIds.includes(s.unitId));
  const languages = await resultsReader().response.groupBy({
    by: ["language"],
    where: { roundId, status: "submitted", ...COUNTED_IN_INDEX, unitId: { in: strata.map((s) => s.unitId) } },
  });
  const units: ViewUnit[] = strata.map((s) => ({
    id: s.unitId,
    code: s.unit.code,
    name: s.unit.name,
    level: s.unit.level as UnitLevel,
    population: s.population,
    targetSize: s.targetSize,
  }));
  return { units, elements: elementsOf(instrument), languages: languages.map((l) => l.language).sort() };
}

/**
 * JavaScript's String.prototype.trim whitespace (ECMA-262 WhiteSpace and LineTerminator),
 * so that SQL's TRIM(text, chars) finds the same blank comments as JavaScript's `trim()` in
 * the row-by-row reader the tests compare with (tests/data/round-responses.ts).
 */
const JS_WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

interface CountRow {
  kind: "option" | "respondents" | "comments";
  key: string;
  n: number | bigint;
}

/**
 * A view's counts besides the aggregates, in one statement: questionnaires choosing each
 * "improve first" option and those choosing any (`expectationCodes`: the items counted), and
 * non-blank comments per unit.
 */
async function countExtras(responses: Prisma.Sql, expectationCodes: string[], commentCode: string | undefined) {
  const parts: Prisma.Sql[] = [];
  const answers = Prisma.sql`FROM "resp" JOIN "Answer" a ON a."responseId" = "resp"."id"`;
  if (expectationCodes.length) {
    const items = Prisma.sql`a."itemCode" IN (${Prisma.join(expectationCodes)})`;
    parts.push(
      Prisma.sql`SELECT 'option' AS "kind", a."choice" AS "key", COUNT(*) AS "n" ${answers} WHERE ${items} GROUP BY a."choice"`,
    );
    parts.push(Prisma.sql`SELECT 'respondents', '', COUNT(DISTINCT a."responseId") ${answers} WHERE ${items}`);
  }
  if (commentCode) {
    parts.push(Prisma.sql`SELECT 'comments', "resp"."unitId", COUNT(*) ${answers}
      WHERE a."itemCode" = ${commentCode} AND TRIM(a."text", ${JS_WHITESPACE}) <> '' GROUP BY "resp"."unitId"`);
  }
  const rows = parts.length
    ? await resultsReader().$queryRaw<CountRow[]>`WITH "resp" AS (${responses}) ${Prisma.join(parts, " UNION ALL ")}`
    : [];
  const counts = {
    options: {} as Record<string, number>,
    respondents: 0,
    commentsPerUnit: {} as Record<string, number>,
  };
  for (const row of rows) {
    if (row.kind === "option") counts.options[row.key] = toNumber(row.n);
    else if (row.kind === "respondents") counts.respondents = toNumber(row.n);
    else counts.commentsPerUnit[row.key] = toNumber(row.n);
  }
  return counts;
}

/**
 * Everything a dashboard view counts, from the database (issue 7): analysis/'s aggregates
 * (round-aggregates.server.ts) for the units of the view, in their order, and the
 * expectation and comment counts. Nothing here grows with the number of questionnaires.
 */
export async function getViewCounts(
  roundId: string,
  instrument: InstrumentDefinition,
  units: readonly ViewUnit[],
  filter: DashboardFilter,
): Promise<ViewCounts> {
  const unitIds = units.map((u) => u.id);
  const { expectations, comment } = dashboardItems(instrument);
  const [aggregates, extras] = await Promise.all([
    aggregateRound(roundId, instrument, { unitIds, filter }),
    unitIds.length
      ? countExtras(
          countedResponsesSql(roundId, unitIds, filter),
          expectations ? [expectations.code] : [],
          comment?.code,
        )
      : null,
  ]);
  const code = new Map(units.map((u) => [u.id, u.code]));
  return {
    aggregates,
    expectations: { respondents: extras?.respondents ?? 0, options: extras?.options ?? {} },
    commentsPerUnit: Object.fromEntries(
      Object.entries(extras?.commentsPerUnit ?? {}).map(([id, n]) => [code.get(id)!, n]),
    ),
  };
}

/** Respondents choosing each option of the round's expectations items, and those choosing any (the report). */
export async function countRoundExpectations(roundId: string, unitIds: readonly string[], itemCodes: string[]) {
  if (!unitIds.length || !itemCodes.length) return { respondents: 0, options: {} as Record<string, number> };
  const { respondents, options } = await countExtras(countedResponsesSql(roundId, unitIds, {}), itemCodes, undefined);
  return { respondents, options };
}

/**
 * One page of a view's non-blank comments (the comments page and a unit's card list
 * them), oldest first: the only dashboard read of questionnaire rows, LIMIT rows at most.
 */
export async function listComments(
  roundId: string,
  instrument: InstrumentDefinition,
  scope: { unitIds: readonly string[]; filter: DashboardFilter },
  page: { offset: number; limit: number },
) {
  const { comment } = dashboardItems(instrument);
  if (!comment || !scope.unitIds.length) return [];
  const rows = await resultsReader().$queryRaw<{ id: string; unitId: string; text: string }[]>`
    WITH "resp" AS (${countedResponsesSql(roundId, scope.unitIds, scope.filter)})
    SELECT "resp"."id" AS "id", "resp"."unitId" AS "unitId", a."text" AS "text"
    FROM "resp" JOIN "Answer" a ON a."responseId" = "resp"."id"
    WHERE a."itemCode" = ${comment.code} AND TRIM(a."text", ${JS_WHITESPACE}) <> ''
    ORDER BY "resp"."submittedAt", "resp"."id" LIMIT ${page.limit} OFFSET ${page.offset}`;
  return rows.map((r) => ({ ...r, text: r.text.trim() }));
}

/** A round by code with its instrument and previous round, or null. */
export async function getDashboardRound(code: string) {
  const round = await getRoundByCode(code);
  if (!round) return null;
  const [instrument, previous] = await Promise.all([
    getInstrument(round.instrumentId),
    round.previousRoundId ? prisma.round.findUnique({ where: { id: round.previousRoundId } }) : null,
  ]);
  return { round, instrument, previous };
}

/** Rounds a viewer can open, newest first. */
export function listResultRounds() {
  return prisma.round.findMany({
    where: { status: { not: "draft" } },
    orderBy: { periodStart: "desc" },
    select: { code: true, title: true, status: true },
  });
}
