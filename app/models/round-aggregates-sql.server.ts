/**
 * The one statement behind round-aggregates.server.ts, the same SQL on SQLite and
 * PostgreSQL. Values (round, units, filter, criterion codes, thresholds) are bound
 * parameters; the generated parts are column names made from positions (v0, b0, e0 …).
 *
 *  "resp": the counted questionnaires of the view (counted-responses.server.ts);
 *  "p":    one row per questionnaire with a valid answer: its unit and its scores — a GROUP
 *          BY of its answer rows, so the database reads each answer once. The scores are
 *          packed, 3 bits each, PACKED_PER_INTEGER to a 64-bit integer (w0, w1 …): two sums
 *          per answer row instead of one MAX per criterion (the pivot is the costliest part);
 *  "q":    the scores unpacked, v_k = 1..5, or 0 (not applicable, missing, no row);
 *  "f":    q with, per questionnaire, b_k = [v_k valid], s_k = [v_k satisfied], the number
 *          of valid answers c, their sum S, and per element e_g = [every criterion of g
 *          valid] and t_g = the sum of its scores. Materialised: every branch reads it.
 * Then one UNION ALL of sums over f, each row (kind, unit, key, x1 … xW), padded to the
 * widest branch (W = 5K):
 *  n        per unit           x1 = questionnaires (from resp: those without a valid answer count too)
 *  score    per unit           x = [v_k = v] for k, then v = 1..5
 *  c        per c (key)        x = count, Σ S, Σ S², then per k: Σ b_k, Σ v_k, Σ v_k²
 *  cs       per c (key)        x = per k: Σ b_k·S, Σ v_k·S, Σ b_k·S²
 *  element  one row            x = per g: Σ e_g, Σ e_g·t_g, Σ e_g·t_g², then per k: Σ e·v_k, Σ e·v_k²
 *  pair     per unit, key = j  x = per l > j: Σ b_j·b_l, Σ s_j·b_l, Σ b_j·s_l, Σ s_j·s_l, then the
 *                              same for j' = K − 2 − j (rows j and j' folded into one: 4K wide)
 * Every sum is of small integers, so exact in both databases and in JavaScript doubles.
 *
 * Work: one read of the view's answers, then O(R·K²) multiply-adds over the R rows of f
 * (the pairs); result: about (2 + K/2)·H + 2K + 1 rows of 5K numbers, whatever R is.
 */
import { Prisma } from "~/generated/prisma/client";
import { SATISFIED_MIN_SCORE, SCALE_MAX, SCALE_MIN } from "../../analysis";

export type AggregateRowKind = "n" | "score" | "c" | "cs" | "element" | "pair";

export interface AggregateRow {
  kind: AggregateRowKind;
  unit: string;
  key: number | bigint;
  [column: `x${number}`]: number | bigint | null;
}

const { sql, join, raw } = Prisma;
/** A generated column name (letters and a position: never a value). */
const col = (name: string) => raw(`"${name}"`);
const flag = (condition: Prisma.Sql) => sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const sum = (...factors: Prisma.Sql[]) => sql`SUM(${join(factors, " * ")})`;

/** A score (0..5) takes 3 bits; 20 of them, 60 bits, fit a signed 64-bit integer in both databases. */
const PACK_BASE = 8n;
const PACKED_PER_INTEGER = 20;
/** 8^j as an exact SQL integer literal (8^19 is beyond a double's exact decimal form). */
const packWeight = (j: number) => raw((PACK_BASE ** BigInt(j)).toString());

/** Width of every row: the widest branch ("score" but for odd instruments), for K criteria in G elements. */
export const rowWidth = (K: number, G: number) => Math.max(5 * K, 3 + 3 * K, 3 * G + 2 * K);

/** The pair rows: j with its partner K − 2 − j (none for the middle j of an odd K − 1), so each row is 4K wide. */
export function pairRowKeys(K: number): [number, number | null][] {
  const keys: [number, number | null][] = [];
  for (let j = 0; j < K - 1 - j; j++) keys.push([j, K - 2 - j > j ? K - 2 - j : null]);
  return keys;
}

export function aggregateStatement(
  responses: Prisma.Sql,
  criteria: readonly string[],
  elements: readonly (readonly number[])[],
): Prisma.Sql {
  const K = criteria.length;
  const ks = criteria.map((_, k) => k);
  const v = (k: number) => col(`v${k}`);
  const b = (k: number) => col(`b${k}`);
  const s = (k: number) => col(`s${k}`);
  const e = (g: number) => col(`e${g}`);
  const t = (g: number) => col(`t${g}`);
  const S = col("S");
  const packs = Array.from({ length: Math.ceil(K / PACKED_PER_INTEGER) }, (_, i) =>
    ks.slice(i * PACKED_PER_INTEGER, (i + 1) * PACKED_PER_INTEGER),
  );
  const packed = packs.map((members, i) => {
    const weights = members.map((k, j) => sql`WHEN ${criteria[k]} THEN ${packWeight(j)}`);
    return sql`CAST(SUM(a."value" * CASE a."itemCode" ${join(weights, " ")} ELSE 0 END) AS BIGINT) AS ${col(`w${i}`)}`;
  });
  const unpacked = ks.map(
    (k) =>
      sql`(${col(`w${Math.floor(k / PACKED_PER_INTEGER)}`)} / ${packWeight(k % PACKED_PER_INTEGER)}) % ${raw(PACK_BASE.toString())} AS ${v(k)}`,
  );
  const plus = (terms: Prisma.Sql[]) => (terms.length ? join(terms, " + ") : sql`0`);
  const derived = [
    ...ks.map((k) => sql`${v(k)}`),
    ...ks.map((k) => sql`${flag(sql`${v(k)} > 0`)} AS ${b(k)}`),
    ...ks.map((k) => sql`${flag(sql`${v(k)} >= ${SATISFIED_MIN_SCORE}`)} AS ${s(k)}`),
    sql`${plus(ks.map((k) => flag(sql`${v(k)} > 0`)))} AS "c"`,
    sql`${plus(ks.map(v))} AS ${S}`,
    ...elements.map(
      (members, g) =>
        sql`${
          members.length
            ? flag(
                join(
                  members.map((k) => sql`${v(k)} > 0`),
                  " AND ",
                ),
              )
            : sql`1`
        } AS ${e(g)}`,
    ),
    ...elements.map((members, g) => sql`${plus(members.map(v))} AS ${t(g)}`),
  ];
  const width = rowWidth(K, elements.length);
  const branch = (
    kind: AggregateRowKind,
    unit: Prisma.Sql,
    key: Prisma.Sql,
    values: Prisma.Sql[],
    rest: Prisma.Sql,
  ) => {
    const xs = Array.from(
      { length: width },
      (_, i) => sql`${i < values.length ? values[i] : sql`0`} AS ${col(`x${i + 1}`)}`,
    );
    return sql`SELECT ${raw(`'${kind}'`)} AS "kind", ${unit} AS "unit", ${key} AS "key", ${join(xs)} ${rest}`;
  };
  const pairSums = (j: number) =>
    ks.slice(j + 1).flatMap((l) => [sum(b(j), b(l)), sum(s(j), b(l)), sum(b(j), s(l)), sum(s(j), s(l))]);
  const elementOf = new Map(elements.flatMap((members, g) => members.map((k) => [k, g] as const)));
  const branches = [
    branch("n", sql`"unitId"`, sql`0`, [sql`COUNT(*)`], sql`FROM "resp" GROUP BY "unitId"`),
    branch(
      "score",
      sql`"unit"`,
      sql`0`,
      ks.flatMap((k) => range(SCALE_MIN, SCALE_MAX).map((score) => sql`SUM(${flag(sql`${v(k)} = ${score}`)})`)),
      sql`FROM "f" GROUP BY "unit"`,
    ),
    branch(
      "c",
      sql`''`,
      sql`"c"`,
      [sql`COUNT(*)`, sum(S), sum(S, S), ...ks.flatMap((k) => [sum(b(k)), sum(v(k)), sum(v(k), v(k))])],
      sql`FROM "f" GROUP BY "c"`,
    ),
    branch(
      "cs",
      sql`''`,
      sql`"c"`,
      ks.flatMap((k) => [sum(b(k), S), sum(v(k), S), sum(b(k), S, S)]),
      sql`FROM "f" GROUP BY "c"`,
    ),
    branch(
      "element",
      sql`''`,
      sql`0`,
      [
        ...elements.flatMap((_, g) => [sum(e(g)), sum(e(g), t(g)), sum(e(g), t(g), t(g))]),
        ...ks.flatMap((k) => [sum(e(elementOf.get(k)!), v(k)), sum(e(elementOf.get(k)!), v(k), v(k))]),
      ],
      sql`FROM "f"`,
    ),
    ...pairRowKeys(K).map(([j, partner]) =>
      branch(
        "pair",
        sql`"unit"`,
        raw(String(j)),
        [...pairSums(j), ...(partner === null ? [] : pairSums(partner))],
        sql`FROM "f" GROUP BY "unit"`,
      ),
    ),
  ];
  return sql`
    WITH "resp" AS (${responses}),
    "p" AS (
      SELECT MIN("resp"."unitId") AS "unit", ${join(packed)}
      FROM "resp" CROSS JOIN "Answer" a
      WHERE a."responseId" = "resp"."id" AND a."itemCode" IN (${join(criteria)}) AND a."choice" = '' AND a."value" BETWEEN ${SCALE_MIN} AND ${SCALE_MAX}
      GROUP BY "resp"."id"),
    "q" AS (SELECT "unit", ${join(unpacked)} FROM "p"),
    "f" AS MATERIALIZED (SELECT "unit", ${join(derived)} FROM "q")
    ${join(branches, " UNION ALL ")}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
