import type { syncVi } from "./sync.vi";

/** English messages of the enumerator sync API, with exactly the keys of the Vietnamese ones. */
export const syncEn: Record<keyof typeof syncVi, string> = {
  "sync.unauthenticated":
    "You are not signed in, or your session has ended. Sign in again when you have a signal; your interviews stay on the phone.",
  "sync.forbidden": "This account may not collect interviews.",
  "sync.badBody": 'Bad request: send a JSON object {"interviews": […]} with 1 to {max} interviews.',
  "sync.serverError": "The server has a problem. Your interviews stay on the phone; send them again later.",
  "sync.testFailure": "The server refused this upload on purpose (test mode). Your interviews stay on the phone.",
  "sync.stored": "The server has received the interview.",
  "sync.duplicate": "The server already has this interview from an earlier upload.",
  "sync.conflict":
    "This interview was sent before with different content; the server keeps the version it received. Contact your supervisor.",
  "sync.invalid": "Interview not accepted: {reasons}",
  "sync.reason.shape": "the data is not in the expected format ({path})",
  "sync.reason.round": "the survey round does not exist or is no longer collecting",
  "sync.reason.unit": "you are not assigned to this unit in the round",
  "sync.reason.frameRow": "the person interviewed is not on your assignment list",
  "sync.reason.language": "the interview's language is not one of the questionnaire's",
  "sync.reason.times": "the end time must be after the start time and not in the future",
  "sync.reason.section": "section “{section}” is not in the questionnaire",
  "sync.reason.answer": "section “{section}”, question {item}: {message}",
  "sync.reason.incomplete": "these sections are not fully answered: {sections}",
  "sync.notFound": "Not found.",
};
