import { redirect } from "@remix-run/node";
import { getResponse } from "~/models/response.server";
import { getSurveyResponseId } from "~/features/survey/survey-cookie.server";
import { getInstrument, getInstrumentLanguages } from "~/models/instrument.server";
import { getRoundByCode, getStratum } from "~/models/round.server";
import { checkInvitation } from "~/models/invitation.server";
import { translator, type UiLanguage } from "~/i18n";

/** Throw the plain page a person sees for a link that cannot open a questionnaire. */
function gone(status: 404 | 410, message: string): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The round, unit and instrument behind a survey URL, or a clear 404/410 page: an
 * unknown round or unit is 404; a round not yet open is 404; a closed round is 410 Gone.
 */
export async function requireSurveyContext(roundCode: string, unitCode: string, lang: UiLanguage) {
  const t = translator(lang);
  const round = await getRoundByCode(roundCode);
  if (!round) gone(404, t("gone.notFoundBody"));
  if (round.status === "draft") gone(404, t("gone.roundNotOpen", { round: round.title }));
  if (round.status === "closed") gone(410, t("gone.roundClosed", { round: round.title }));
  const stratum = await getStratum(round.id, unitCode);
  if (!stratum) gone(404, t("gone.notFoundBody"));
  const instrument = await getInstrument(round.instrumentId);
  const languages = await getInstrumentLanguages(round.instrumentId);
  return { round, unit: stratum.unit, stratum, instrument, languages };
}

/** A valid invitation, or the page that says why it is not (404 unknown, 410 used or expired). */
export async function requireValidInvitation(token: string, lang: UiLanguage) {
  const t = translator(lang);
  const { invitation, state } = await checkInvitation(token);
  if (state === "unknown" || !invitation) gone(404, t("gone.tokenUnknown"));
  if (state === "used") gone(410, t("gone.tokenUsed"));
  if (state === "expired") gone(410, t("gone.tokenExpired"));
  if (invitation.round.status === "closed") gone(410, t("gone.roundClosed", { round: invitation.round.title }));
  if (invitation.round.status === "draft") gone(404, t("gone.roundNotOpen", { round: invitation.round.title }));
  return invitation;
}

/**
 * The in-progress questionnaire this browser fills for a survey URL, or a redirect: to the
 * start page when there is none, to the thank-you page when it was already sent.
 */
export async function requireInProgressResponse(
  request: Request,
  roundCode: string,
  unitCode: string,
  context: { round: { id: string }; unit: { id: string } },
) {
  const id = await getSurveyResponseId(request, roundCode, unitCode);
  const response = id ? await getResponse(id) : null;
  const base = `/s/${roundCode}/${unitCode}`;
  if (!response || response.roundId !== context.round.id || response.unitId !== context.unit.id) {
    throw redirect(base);
  }
  if (response.status === "submitted") throw redirect(`${base}/done`);
  return response;
}
