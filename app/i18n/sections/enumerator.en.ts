import type { enumeratorVi } from "./enumerator.vi";

/** English strings of the enumerator's offline app (same keys as enumerator.vi.ts). */
export const enumeratorEn: Record<keyof typeof enumeratorVi, string> = {
  "enum.heading": "Face-to-face interviews",
  "enum.needsJs":
    "The interview app needs JavaScript to keep interviews on this phone and to work without a connection. Please turn JavaScript on (Chrome on Android: Settings › Site settings › JavaScript) and open this page again.",
  "enum.signedOutHere":
    "This phone has signed out of the account that last opened the interview app, so that account's data stays closed. Connect and sign in to work; an account's unsent interviews stay on the phone and come back when that account signs in.",
  "enum.signInAgain": "Sign in",
  "enum.loading": "Opening the interview app…",
  "enum.storageFailed":
    "This browser does not allow storing data on the phone (IndexedDB), so offline work is impossible. Leave private browsing or use Chrome.",
  "enum.signedInAs": "Enumerator: {name}",
  "enum.online": "Connected.",
  "enum.offline":
    "No connection. You can still interview: interviews are kept on the phone and sent when a connection returns.",
  "enum.shellNotReady":
    "The app is not yet stored for offline use. Keep this page open while connected until this line disappears.",
  "enum.back": "Back",
  "enum.walkIn": "Walk-in",
  "enum.startedAt": "started {when}",
  "enum.qualityRule": "Quality rule: at least {n} seconds per question.",
  "enum.startWalkIn": "Interview a walk-in",
  "enum.peopleOf": "People to visit at {unit}",
  "enum.noPeople": "No drawn people are assigned to you in this unit.",
  "enum.dossier": "Dossier {code}: {procedure}",
  "enum.visited": "Interviewed",
  "enum.interview": "Interview",

  "enum.package.heading": "Data for offline work",
  "enum.package.none": "Nothing downloaded yet. While connected, download the people to visit and the questionnaire.",
  "enum.package.download": "Download for offline work",
  "enum.package.refresh": "Download the latest data",
  "enum.package.loading": "Downloading…",
  "enum.package.done": "Downloaded.",
  "enum.package.downloadedAt": "Downloaded {when}.",
  "enum.package.persistent": "Persistent storage: yes. The browser will not delete interviews on its own.",
  "enum.package.notPersistent":
    "Persistent storage: no. The browser may delete data when the phone runs out of space; send interviews as soon as you have a connection and install the app on the home screen.",
  "enum.package.persistUnknown":
    "This browser does not say whether data is kept persistently; send interviews as soon as you have a connection.",
  "enum.package.noRounds": "You have no units assigned in a round that is collecting.",
  "enum.package.failed.offline": "Could not download: no connection. Try again when connected.",
  "enum.package.failed.signed-out": "Your session has ended. Sign in again, then download.",
  "enum.package.failed.server": "The server has a problem; nothing downloaded. Try again in a few minutes.",

  "enum.outbox.heading": "Waiting to be sent",
  "enum.outbox.count": "{n} interviews waiting to be sent",
  "enum.outbox.sentCount": "Sent to the server from this phone: {n} interviews.",
  "enum.outbox.send": "Send now",
  "enum.outbox.list": "Interviews waiting to be sent",
  "enum.outbox.edit": "Open to edit",
  "enum.outbox.conflict": "Refused by the server (same id, different content):",
  "enum.outbox.invalid": "Refused by the server (not valid):",
  "enum.outbox.editedDuringSend":
    "Edited while being sent; the server keeps the version from before the edit. Tell your supervisor.",

  "enum.sync.sending": "Sending…",
  "enum.sync.retrying":
    "Not sent yet ({reason}). Trying again in {seconds} seconds (try {attempt}). The interviews stay on the phone.",
  "enum.sync.busy": "Another window is sending interviews. Wait a moment and try again.",
  "enum.sync.nothing": "Nothing to send.",
  "enum.sync.done": "Sent: the server has {n} interviews; {refused} were refused.",
  "enum.sync.failed": "Not sent ({reason}). Nothing is lost: the interviews stay on the phone and will be sent again.",
  "enum.sync.signedOut": "Not sent: your session has ended. Sign in again; the interviews stay on the phone.",
  "enum.sync.offlineHint": "Interviews are sent automatically when a connection returns.",

  "enum.drafts.heading": "Unfinished interviews ({n})",
  "enum.drafts.continue": "Continue",
  "enum.drafts.discard": "Discard…",
  "enum.drafts.discardConfirm":
    "Discard the unfinished interview with {name}? Its answers will be deleted from this phone and never sent to the server.",
  "enum.drafts.discardYes": "Delete this interview",
  "enum.drafts.discardNo": "Keep it",

  "enum.start.heading": "Start an interview",
  "enum.start.language": "Questionnaire language on screen",
  "enum.start.interpreted": "Oral interpretation",
  "enum.start.notInterpreted": "Not interpreted (read as written)",
  "enum.start.interpretedHint": "The language you interpret the questions into for the respondent, if any.",
  "enum.start.location": "Location",
  "enum.start.locationOn": "Record the interview location (GPS)",
  "enum.start.consent": "The respondent agrees to the location being recorded",
  "enum.start.consentNeeded": "The location is recorded only with the respondent's consent.",
  "enum.start.locationFailed": "No location could be found; the interview is kept without one.",
  "enum.start.begin": "Start",

  "enum.step.pause": "Save and go to the list",
  "enum.step.saved": "Every answer is saved on the phone at once; switching off or losing the signal loses nothing.",

  "enum.review.heading": "Review and finish the interview",
  "enum.review.respondent": "Respondent",
  "enum.review.started": "Started",
  "enum.review.locationKept": "Recorded (accuracy about {metres} m)",
  "enum.review.noLocation": "Not recorded",
  "enum.review.sections": "Parts of the questionnaire",
  "enum.review.answered": "{n}/{total} questions answered",
  "enum.review.missing": "required questions missing",
  "enum.review.incomplete": "Required questions are missing. Open the marked parts to ask them.",
  "enum.review.invalid": "The interview holds invalid data and cannot be queued yet.",
  "enum.review.finish": "Finish the interview",

  "enum.signOut.heading": "Sign out of this phone",
  "enum.signOut.intro": "Use it when handing the phone back or on a shared phone: your data on this phone is deleted.",
  "enum.signOut.open": "Sign out…",
  "enum.signOut.explain":
    "Signing out deletes all your data from this phone: the people to visit, the questionnaire and any unsent interviews.",
  "enum.signOut.unsent": "{n} interviews not yet sent to the server",
  "enum.signOut.draft": "unfinished",
  "enum.signOut.sendFirst": "Send them first",
  "enum.signOut.nothingUnsent": "Every interview has been sent to the server.",
  "enum.signOut.understand": "I understand that these {n} unsent interviews will be lost",
  "enum.signOut.mustConfirm":
    "Not signed out: some interviews are unsent. Send them first, or tick “I understand…” if you accept losing them.",
  "enum.signOut.needsSignal": "Signing out needs a connection. Nothing has been deleted.",
  "enum.signOut.confirm": "Delete the data and sign out",
};
