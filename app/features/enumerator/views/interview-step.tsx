import { getFormProps } from "@conform-to/react";
import { useRef } from "react";
import type { PackageRound } from "~/domain/interviews/interview-schema";
import { Question } from "~/components/question";
import { StepProgress } from "~/components/step-progress";
import { localized } from "~/i18n";
import { buildStepSchema, type StepValues } from "~/domain/survey/step-schema";
import { findSection, nextStep, previousStep, stepCodes } from "~/domain/survey/steps";
import { useT } from "~/utils/use-language";
import { compactValues, valuesFromFormData } from "~/features/enumerator/interview-values";
import type { LocalInterview } from "~/features/enumerator/local-interview";
import { useSchemaForm } from "~/components/use-schema-form";

interface StepProps {
  round: PackageRound;
  interview: LocalInterview;
  step: string;
  onSave: (interview: LocalInterview) => Promise<void>;
  onGo: (step: string) => void;
  onHome: () => void;
}

/**
 * One section of the questionnaire in interview mode: the citizen survey's own step schema
 * (buildStepSchema) and question component (Question), so both modes ask the same thing
 * the same way (issue 5, "one definition, two modes"). Every change is written to
 * IndexedDB at once; "Tiếp tục" checks the step like the citizen's form does.
 */
export function InterviewStep({ round, interview, step, onSave, onGo, onHome }: StepProps) {
  const t = useT();
  const instrument = round.instrument;
  const section = findSection(instrument, step) ?? instrument.sections[0];
  const schema = buildStepSchema(section, t);
  const codes = stepCodes(instrument);
  const stepNumber = codes.indexOf(section.code) + 1;
  const hasPrevious = previousStep(instrument, section.code) !== null;
  // Writes are chained, so a quick series of taps lands in order.
  const pending = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(interview);

  function persist(values: Record<string, string | string[]>, currentStep: string) {
    const next: LocalInterview = {
      ...latest.current,
      // A location that arrived after this step opened (StartInterview) is kept.
      location: latest.current.location ?? interview.location,
      answers: { ...latest.current.answers, [section.code]: values },
      currentStep,
      lastRefusal: null,
      updatedAt: new Date().toISOString(),
    };
    latest.current = next;
    pending.current = pending.current.then(() => onSave(next));
    return pending.current;
  }

  const [form, fields] = useSchemaForm(schema, {
    id: `interview-${interview.id}-${section.code}`,
    defaultValue: interview.answers[section.code] ?? {},
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    skipValidation: (formData) => formData.get("intent") === "back",
    onSubmit(event, { formData, submission }) {
      event.preventDefault();
      const back = formData.get("intent") === "back";
      const values =
        back || submission?.status !== "success"
          ? valuesFromFormData(section, formData)
          : compactValues(submission.value as StepValues);
      const target = back
        ? (previousStep(instrument, section.code) ?? section.code)
        : nextStep(instrument, section.code);
      void persist(values, target).then(() => onGo(target));
    },
  });
  const errorCount = Object.keys(form.allErrors).length;
  const whoAndWhere = `${interview.respondentName ?? t("enum.walkIn")} · ${interview.unitName}`;

  return (
    <section className="card">
      <StepProgress
        current={stepNumber}
        total={codes.length}
        label={t("survey.stepOf", { n: stepNumber, total: codes.length })}
      />
      <p className="eyebrow">{whoAndWhere}</p>
      <h1 tabIndex={-1}>{localized(section.title, interview.language)}</h1>
      {section.intro ? <p>{localized(section.intro, interview.language)}</p> : null}
      {errorCount > 0 ? (
        <p className="error-summary" role="alert">
          {t("survey.errorSummary", { n: errorCount })}
        </p>
      ) : null}
      <form
        {...getFormProps(form)}
        onChange={(event) => void persist(valuesFromFormData(section, new FormData(event.currentTarget)), section.code)}
      >
        {section.items.map((item, index) => (
          <Question
            key={item.code}
            item={item}
            number={index + 1}
            field={fields[item.code as keyof typeof fields]}
            lang={interview.language}
            t={t}
          />
        ))}
        <div className="actions">
          <button type="submit" name="intent" value="next" className="button primary">
            {t("survey.next")}
          </button>
          {hasPrevious ? (
            <button type="submit" name="intent" value="back" formNoValidate className="button secondary">
              {t("survey.back")}
            </button>
          ) : null}
          <button type="button" className="button secondary" onClick={() => void pending.current.then(onHome)}>
            {t("enum.step.pause")}
          </button>
        </div>
      </form>
      <p className="hint">{t("enum.step.saved")}</p>
    </section>
  );
}
