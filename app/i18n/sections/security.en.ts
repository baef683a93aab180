import type { securityVi } from "./security.vi";

export const securityEn: Record<keyof typeof securityVi, string> = {
  "security.tooManyHeading": "Too many requests",
  "security.tooManyBody":
    "Too many requests came from this device or network in a short time. Please wait about {seconds} seconds and try again. Answers already saved are not lost.",
  "security.forbiddenHeading": "Request refused",
  "security.crossOriginBody":
    "This form was sent from another website, not from Hài Lòng, so it was refused to protect you. Please open the page again from the official address and send it again.",
  "security.forbiddenBody": "Your account may not see this page.",
  "security.backHome": "Back to the home page",
};
