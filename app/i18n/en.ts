import { dashboardEn } from "./sections/dashboard.en";
import { authEn } from "./sections/auth.en";
import { reportEn } from "./sections/report.en";
import { enumeratorEn } from "./sections/enumerator.en";
import { fieldworkEn } from "./sections/fieldwork.en";
import { reviewEn } from "./sections/review.en";
import { syncEn } from "./sections/sync.en";
import { roundsEn } from "./sections/rounds.en";
import { unitsEn } from "./sections/units.en";
import { securityEn } from "./sections/security.en";
import type { MessageKey } from "./vi";

/** English: the second language. Same keys as vi.ts; the type check finds a missing one. */
const core = {
  "app.name": "Hài Lòng",
  "app.tagline": "Measuring satisfaction with public administrative services (SIPAS)",
  "app.title": "Hài Lòng — measuring satisfaction (SIPAS)",
  "nav.home": "Home",
  "nav.skip": "Skip to main content",
  "nav.language": "Language",
  "nav.results": "Results",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",

  "home.heading": "Survey rounds",
  "home.intro":
    "Hài Lòng helps a province survey citizens and organisations about their satisfaction with administrative procedures, and computes the SIPAS index of every department, district and commune.",
  "home.noRounds": "There are no survey rounds yet.",
  "home.plan": "Plan {plan}",
  "home.period": "Period: {from} – {to}",
  "home.progress": "{n} of {target} questionnaires collected",
  "home.takeSurvey": "Answer the survey",
  "home.viewResults": "See the results",
  "home.officialResults": "Results (for officials)",

  "status.draft": "Draft",
  "status.collecting": "Collecting",
  "status.closed": "Closed",

  "level.department": "Department",
  "level.district": "District",
  "level.commune": "Commune",
  "level.departments": "Provincial departments",
  "level.districts": "Districts and city",
  "level.communes": "Communes, wards and towns",

  "pick.heading": "Choose the office where you completed your procedure",
  "pick.intro":
    "Choose the office that received your application and returned the result. Each office has its own survey link.",

  "survey.startHeading": "Satisfaction questionnaire",
  "survey.startIntro":
    "You recently completed an administrative procedure at {unit}. Please take about 10 minutes to tell us how satisfied you were. The questionnaire asks for no name or phone number; answers are used only for statistics.",
  "survey.chooseLanguage": "Choose the language of your answers",
  "survey.begin": "Start",
  "survey.stepOf": "Step {n} of {total}",
  "survey.next": "Continue",
  "survey.back": "Back",
  "survey.review": "Review your answers",
  "survey.reviewIntro": "Please check your answers before sending. You can change any part.",
  "survey.edit": "Change “{section}”",
  "survey.notAnswered": "Not answered",
  "survey.submit": "Send the questionnaire",
  "survey.saved": "Your answers are saved after each step. If the connection drops, open this link again to continue.",
  "survey.required": "Required",
  "survey.optional": "Optional",
  "survey.errorSummary": "{n} answers need attention. See the message under each question.",
  "survey.chooseUpTo": "Choose up to {n}.",
  "survey.commentHint": "At most 2,000 characters. Please do not write names or phone numbers.",
  "survey.thanksHeading": "Thank you!",
  "survey.thanksBody":
    "Your questionnaire has been recorded. Your opinion helps the administration serve people better.",
  "survey.receipt": "Receipt code",
  "survey.receiptHint": "You may note this code to refer to your questionnaire later.",
  "survey.alreadyHeading": "You have already sent this questionnaire",
  "survey.alreadyBody": "The questionnaire for {unit} from this device has been sent, receipt code {receipt}.",
  "survey.startNew": "Answer a new questionnaire (someone else sharing this phone)",
  "survey.incomplete": "Some parts are not answered yet: {sections}. Please complete them before sending.",

  "scale.1": "Very dissatisfied",
  "scale.2": "Dissatisfied",
  "scale.3": "Neutral",
  "scale.4": "Satisfied",
  "scale.5": "Very satisfied",
  "scale.9": "Not applicable / no opinion",

  "error.required": "Please choose an answer to this question.",
  "error.invalidChoice": "This choice is not in the list. Please choose again.",
  "error.tooManyChoices": "Please choose at most {n}.",
  "error.tooLong": "Your comment is longer than {n} characters. Please shorten it.",
  "error.language": "Please choose a language.",

  "gone.notFoundHeading": "Page not found",
  "gone.notFoundBody": "The link is wrong or no longer exists. Please check the link you received.",
  "gone.tokenUnknown": "This invitation code does not exist. Please check the link in the message you received.",
  "gone.tokenUsed":
    "This invitation has already been used to send a questionnaire. Each invitation works once. Thank you.",
  "gone.tokenExpired": "This invitation has expired. The round no longer accepts answers through it.",
  "gone.roundClosed": "The survey round “{round}” has closed and accepts no more answers. Thank you.",
  "gone.roundNotOpen": "The survey round “{round}” is not open yet. Please come back later.",
  "gone.heading": "The questionnaire cannot be opened",
  "error.heading": "Something went wrong",
  "error.body":
    "The system could not process the request. Answers already saved are not lost; please try again in a few minutes.",
  "error.backHome": "Back to the home page",

  "results.heading": "Results: {round}",
  "results.summary":
    "{n} valid questionnaires of a target of {target}, {units} units. Provincial SIPAS index (stratified-sample estimate): {index}%.",
  "results.method":
    "A criterion's index is the share of respondents answering “Satisfied” or “Very satisfied” among those with an opinion (“Not applicable” is left out). An element's index is the mean of its criteria; a unit's index the mean of its five elements. The provincial figure is a stratified-sample estimate with weights N_h/n_h.",
  "results.meanOfUnits": "Mean of the units' indices: {index}%",
  "results.tableCaption": "Satisfaction index by unit (%), sorted by {sort}",
  "results.unit": "Unit",
  "results.level": "Level",
  "results.n": "Questionnaires",
  "results.index": "SIPAS index",
  "results.sortBy": "Sort by {column}",
  "results.ascending": "ascending",
  "results.descending": "descending",
  "results.noData": "No questionnaires yet",
  "results.byLevel": "By level",
  "results.unitHeading": "{unit}: detailed results",
  "results.unitSummary":
    "{n} valid questionnaires (target {target}, N = {population} dossiers). SIPAS index: {index}%.",
  "results.criterion": "Criterion",
  "results.criterionIndex": "Index (%)",
  "results.ci": "95% confidence interval",
  "results.naShare": "“Not applicable” share",
  "results.meanScore": "Mean score (1–5)",
  "results.elementIndex": "Element index",
  "results.backToRound": "← All units of the round",
  "results.ciExact": "exact interval (Clopper–Pearson)",
  "results.dash": "—",
};

/** The one English dictionary, with exactly the keys of the Vietnamese one. */
export const en: Record<MessageKey, string> = {
  ...core,
  ...authEn,
  ...dashboardEn,
  ...reportEn,
  ...unitsEn,
  ...roundsEn,
  ...fieldworkEn,
  ...enumeratorEn,
  ...reviewEn,
  ...syncEn,
  ...securityEn,
};
