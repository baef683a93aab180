import { parseWithZod } from "@conform-to/zod";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ZodType } from "zod";
import { ElementsSchema } from "../../analysis/read-round-csv";
import { translator } from "~/i18n";
import { sipas2017 } from "../../prisma/seed-data/instrument-sipas-2017";
import * as assignment from "~/features/assignments/assignment-schema";
import * as backcheck from "~/domain/backchecks/backcheck-schema";
import * as interview from "~/domain/interviews/interview-schema";
import * as invitations from "~/features/invitations/invitation-schemas";
import * as paper from "~/features/paper/paper-schema";
import * as review from "~/domain/review/review-schema";
import * as instruments from "~/features/instruments/schemas";
import * as login from "~/features/auth/login-schema";
import * as parRule from "~/domain/report/par-rule-schema";
import * as report from "~/features/report/report-schema";
import * as filters from "~/domain/results/filters";
import * as round from "~/domain/rounds/round-schema";
import * as draw from "~/features/sampling/draw-forms";
import * as frame from "~/features/sampling/frame-forms";
import * as start from "~/features/survey/start-schema";
import * as step from "~/domain/survey/step-schema";
import * as units from "~/features/units/schemas";
import * as users from "~/features/users/user-schema";

// Issue 7, hostile input: every zod schema of the app (grep z.object in app/), fed any
// form or JSON a client could send — missing and extra fields, huge strings, arrays where
// one value is expected, control characters, formula-like text, wrong types — answers
// with success or with field errors that have a message. Never an exception: an
// exception in an action is a 500.

const t = translator("vi");
const modules = {
  assignment,
  backcheck,
  interview,
  invitations,
  paper,
  review,
  instruments,
  login,
  parRule,
  report,
  filters,
  round,
  draw,
  frame,
  start,
  step,
  units,
  users,
};

/** Arguments for the schema builders that need more than the translator. */
const unitOption = {
  code: "so-noi-vu",
  name: "Sở Nội vụ",
  level: "department" as const,
  validFrom: "2019-01-01",
  validTo: null,
};
const builderArgs: Record<string, unknown[]> = {
  buildStepSchema: [sipas2017.sections[1], t],
  buildStartSchema: [["vi", "en"], t],
  buildPaperSchema: [sipas2017, t],
  buildAssignSchema: [["so-noi-vu"], ["5b0f1c2e-8a51-4a43-9d1e-000000000001"], t],
  buildUnassignSchema: [],
  buildIssueSchema: [["so-noi-vu"], t],
  buildAnonymousSchema: [["so-noi-vu"], t],
  buildRoundSchema: [t, { units: [unitOption], takenCodes: ["lai-chau-2020"] }],
  buildItemEditSchema: [t, ["vi", "en"]],
  buildAddItemSchema: [t, ["A", "B"]],
};

function allSchemas(): [string, ZodType][] {
  const found: [string, ZodType][] = [["analysis ElementsSchema", ElementsSchema]];
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports as Record<string, unknown>)) {
      if (value instanceof ZodType) found.push([`${file}.${name}`, value]);
      else if (typeof value === "function" && /^build\w*Schema$/.test(name)) {
        const schema = (value as (...args: unknown[]) => unknown)(...(builderArgs[name] ?? [t]));
        if (schema instanceof ZodType) found.push([`${file}.${name}`, schema]);
      } else if (value && typeof value === "object" && !Array.isArray(value)) {
        // A record of schemas (ParRuleParamsSchema: one per rule kind).
        for (const [key, inner] of Object.entries(value))
          if (inner instanceof ZodType) found.push([`${file}.${name}.${key}`, inner]);
      }
    }
  }
  return found;
}

const SCHEMAS = allSchemas();

/** The keys a schema knows, so that generated input hits its real fields, not only noise. */
function keysOf(schema: ZodType): string[] {
  const def = (
    schema as unknown as {
      _def: {
        typeName: string;
        schema?: ZodType;
        shape?: () => Record<string, ZodType>;
        options?: ZodType[];
        innerType?: ZodType;
        in?: ZodType;
      };
    }
  )._def;
  if (def.shape) return Object.keys(def.shape());
  if (def.schema) return keysOf(def.schema);
  if (def.innerType) return keysOf(def.innerType);
  if (def.in) return keysOf(def.in);
  if (def.options) return def.options.flatMap(keysOf);
  return [];
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "=1+1",
    "@SUM(A1)",
    "-2",
    "+84",
    "0",
    "9",
    "1e309",
    "NaN",
    "-0",
    "2026-02-30",
    "on",
    "true",
    "null",
    "<script>alert(1)</script>",
    "\u0000",
    "\uFEFF",
    "../../etc/passwd",
    "5b0f1c2e-8a51-4a43-9d1e-000000000001",
    "so-noi-vu",
    "vi",
    "accept",
    "issue",
    "likert",
  ),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(100_000)),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
);

function inputFor(schema: ZodType) {
  const keys = [...new Set([...keysOf(schema), "intent", "id", "code"])];
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), hostileValue, {
    maxKeys: keys.length + 2,
  });
}

describe("every zod schema", () => {
  test("the app has the schemas this test expects to cover", () => {
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(SCHEMAS)("%s: any JSON-like input gives success or messages, never an exception", (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(inputFor(schema), hostileValue), (input) => {
        const result = schema.safeParse(input);
        if (!result.success) for (const issue of result.error.issues) expect(issue.message).toMatch(/\S/);
      }),
      { numRuns: 120 },
    );
  });

  // Form schemas only: the others (a record, a list) never read a form.
  const FORM_SCHEMAS = SCHEMAS.filter(([, schema]) => keysOf(schema).length > 0);
  test.each(FORM_SCHEMAS)("%s: any form post gives success or field errors, never an exception", (_name, schema) => {
    const keys = keysOf(schema);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys, "intent", "x"), hostileString), { maxLength: keys.length * 2 + 2 }),
        (fields) => {
          const form = new FormData();
          for (const [key, value] of fields) form.append(key, value);
          const submission = parseWithZod(form, { schema });
          expect(["success", "error"]).toContain(submission.status);
          if (submission.status === "error") {
            for (const messages of Object.values(submission.error ?? {}))
              expect((messages ?? []).every((m) => /\S/.test(m))).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
