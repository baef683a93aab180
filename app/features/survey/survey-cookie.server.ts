import { createCookie } from "@remix-run/node";
import { cookieSecrets } from "~/utils/secret.server";

/**
 * Which questionnaire this browser is filling, per round and unit: { "round/unit": responseId }.
 * Signed, HttpOnly, kept 60 days, so closing the browser and opening the same link
 * resumes where the person left off. It holds no answer and nothing personal.
 */
const surveyCookie = createCookie("hl_survey", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 60,
  secrets: cookieSecrets(),
  // Secure (HTTPS only) when COOKIE_SECURE=1: set it behind HTTPS. Off by default so the
  // app also works over plain HTTP on a local network (docs/operations.md, "Configuration").
  secure: process.env.COOKIE_SECURE === "1",
});

type SurveyCookie = Record<string, string>;

const key = (roundCode: string, unitCode: string) => `${roundCode}/${unitCode}`;

async function read(request: Request): Promise<SurveyCookie> {
  const value = await surveyCookie.parse(request.headers.get("Cookie"));
  return value && typeof value === "object" ? (value as SurveyCookie) : {};
}

export async function getSurveyResponseId(request: Request, roundCode: string, unitCode: string) {
  return (await read(request))[key(roundCode, unitCode)] ?? null;
}

/** Set-Cookie that remembers (or, with null, forgets) the response for a round and unit. */
export async function rememberSurveyResponse(
  request: Request,
  roundCode: string,
  unitCode: string,
  responseId: string | null,
): Promise<string> {
  const value = await read(request);
  if (responseId) value[key(roundCode, unitCode)] = responseId;
  else delete value[key(roundCode, unitCode)];
  // Keep the cookie small: at most the ten most recent surveys.
  const entries = Object.entries(value).slice(-10);
  return surveyCookie.serialize(Object.fromEntries(entries));
}
