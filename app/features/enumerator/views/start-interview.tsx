import { useState } from "react";
import type { Interview, PackagePerson, PackageRound } from "~/domain/interviews/interview-schema";
import { languageName } from "~/i18n/language-names";
import { useT } from "~/utils/use-language";
import { newInterviewId } from "~/features/enumerator/interview-values";
import type { LocalInterview } from "~/features/enumerator/local-interview";

export interface StartTarget {
  roundCode: string;
  unitCode: string;
  /** null: a walk-in (khách vãng lai). */
  person: PackagePerson | null;
}

/**
 * Languages an enumerator interprets into orally (docs/method/sipas.md §3): the province's minority
 * languages, by the same ISO 639 codes as the instrument's translations
 * (app/i18n/language-names.ts).
 */
export const INTERPRETED_LANGUAGES = ["hmn", "blt", "tmp", "hni", "ium", "mji"] as const;

interface StartProps {
  round: PackageRound;
  target: StartTarget;
  onStarted: (interview: LocalInterview) => Promise<void>;
  onLocation: (id: string, location: NonNullable<Interview["location"]>) => Promise<void>;
  onCancel: () => void;
}

/** Before the first question: language on screen, oral interpretation, and location only with consent. */
export function StartInterview({ round, target, onStarted, onLocation, onCancel }: StartProps) {
  const t = useT();
  const unit = round.units.find((u) => u.code === target.unitCode);
  const [wantsLocation, setWantsLocation] = useState(false);
  const [consent, setConsent] = useState(false);
  const [locationNote, setLocationNote] = useState<string | null>(null);
  const respondent = target.person?.name ?? (target.person ? target.person.dossierCode : t("enum.walkIn"));

  async function start(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const now = new Date().toISOString();
    const interpreted = String(form.get("interpretedInto") ?? "");
    const interview: LocalInterview = {
      id: newInterviewId(),
      roundCode: round.code,
      unitCode: target.unitCode,
      frameRowId: target.person?.frameRowId ?? null,
      language: String(form.get("language") ?? "vi"),
      interpretedInto: interpreted || null,
      startedAt: now,
      endedAt: null,
      location: null,
      answers: {},
      state: "draft",
      currentStep: round.instrument.sections[0]?.code ?? "review",
      respondentName: target.person ? respondent : null,
      unitName: unit?.name ?? target.unitCode,
      lastRefusal: null,
      updatedAt: now,
    };
    // Location only when the enumerator switched it on AND the respondent agreed; a refusal
    // or a phone without a fix simply leaves it out.
    if (wantsLocation && consent && "geolocation" in navigator) {
      navigator.geolocation.getCurrentPosition(
        (position) =>
          void onLocation(interview.id, {
            latitude: position.coords.latitude,
            longitude: position.coords.longitude,
            accuracy: Math.min(position.coords.accuracy, 100_000),
          }),
        () => setLocationNote(t("enum.start.locationFailed")),
        { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
      );
    }
    await onStarted(interview);
  }

  return (
    <section className="card">
      <h1 tabIndex={-1}>{t("enum.start.heading")}</h1>
      <p className="eyebrow">{round.title}</p>
      <p>
        <strong>{respondent}</strong> · {unit?.name}
      </p>
      <form onSubmit={start}>
        <div className="field">
          <label htmlFor="start-language">{t("enum.start.language")}</label>
          <select id="start-language" name="language" defaultValue={round.languages[0] ?? "vi"}>
            {round.languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="start-interpreted">{t("enum.start.interpreted")}</label>
          <select
            id="start-interpreted"
            name="interpretedInto"
            defaultValue=""
            aria-describedby="start-interpreted-hint"
          >
            <option value="">{t("enum.start.notInterpreted")}</option>
            {INTERPRETED_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
          <p className="hint" id="start-interpreted-hint">
            {t("enum.start.interpretedHint")}
          </p>
        </div>
        <fieldset className="field">
          <legend>{t("enum.start.location")}</legend>
          <label className="check">
            <input
              type="checkbox"
              name="wantsLocation"
              checked={wantsLocation}
              onChange={(e) => setWantsLocation(e.target.checked)}
            />
            <span>{t("enum.start.locationOn")}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="consent"
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              disabled={!wantsLocation}
            />
            <span>{t("enum.start.consent")}</span>
          </label>
          {wantsLocation && !consent ? <p className="hint">{t("enum.start.consentNeeded")}</p> : null}
          {locationNote ? (
            <p className="hint" role="status">
              {locationNote}
            </p>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button primary">
            {t("enum.start.begin")}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t("enum.back")}
          </button>
        </div>
      </form>
    </section>
  );
}
