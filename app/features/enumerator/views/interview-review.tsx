import { useState } from "react";
import { interviewSchema, type PackageRound } from "~/domain/interviews/interview-schema";
import { localized } from "~/i18n";
import { languageName } from "~/i18n/language-names";
import { REVIEW_STEP } from "~/domain/survey/steps";
import { useLanguage, useT } from "~/utils/use-language";
import { missingSections } from "~/features/enumerator/interview-values";
import { toUpload, type LocalInterview } from "~/features/enumerator/local-interview";
import { formatWhen } from "./format";

interface ReviewProps {
  round: PackageRound;
  interview: LocalInterview;
  onSave: (interview: LocalInterview) => Promise<void>;
  onEdit: (step: string) => void;
  onHome: () => void;
}

/** The end of an interview: what was recorded, each section to reopen, and "finish" into the outbox. */
export function InterviewReview({ round, interview, onSave, onEdit, onHome }: ReviewProps) {
  const t = useT();
  const lang = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const missing = missingSections(round.instrument, interview);

  async function finish() {
    if (missing.length) return setError(t("enum.review.incomplete"));
    const now = new Date().toISOString();
    // The first end time stays: an edit afterwards is a correction, not a longer interview.
    const finished: LocalInterview = {
      ...interview,
      endedAt: interview.endedAt ?? now,
      state: "outbox",
      currentStep: REVIEW_STEP,
      updatedAt: now,
    };
    // The contract's own schema, as the server will check it (interview-schema.ts).
    if (!interviewSchema.safeParse(toUpload(finished)).success) return setError(t("enum.review.invalid"));
    await onSave(finished);
    onHome();
  }

  return (
    <section className="card">
      <p className="eyebrow">{round.title}</p>
      <h1 tabIndex={-1}>{t("enum.review.heading")}</h1>
      <dl>
        <dt>{t("enum.review.respondent")}</dt>
        <dd>
          {interview.respondentName ?? t("enum.walkIn")} · {interview.unitName}
        </dd>
        <dt>{t("enum.start.language")}</dt>
        <dd>{languageName(interview.language)}</dd>
        <dt>{t("enum.start.interpreted")}</dt>
        <dd>{interview.interpretedInto ? languageName(interview.interpretedInto) : t("enum.start.notInterpreted")}</dd>
        <dt>{t("enum.review.started")}</dt>
        <dd>{formatWhen(interview.startedAt, lang)}</dd>
        <dt>{t("enum.start.location")}</dt>
        <dd>
          {interview.location
            ? t("enum.review.locationKept", { metres: Math.round(interview.location.accuracy) })
            : t("enum.review.noLocation")}
        </dd>
      </dl>
      <h2>{t("enum.review.sections")}</h2>
      <ul className="plain-list">
        {round.instrument.sections.map((section) => {
          const answered = Object.keys(interview.answers[section.code] ?? {}).length;
          const title = localized(section.title, interview.language);
          return (
            <li key={section.code}>
              <p className="person-name">{title}</p>
              <p className={missing.includes(section.code) ? "status-warn" : "person-detail"}>
                {t("enum.review.answered", { n: answered, total: section.items.length })}
                {missing.includes(section.code) ? ` — ${t("enum.review.missing")}` : ""}
              </p>
              <button type="button" className="button secondary" onClick={() => onEdit(section.code)}>
                {t("survey.edit", { section: title })}
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="error-summary" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void finish()}>
          {t("enum.review.finish")}
        </button>
        <button type="button" className="button secondary" onClick={onHome}>
          {t("enum.step.pause")}
        </button>
      </div>
    </section>
  );
}
