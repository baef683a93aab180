/** Where the person is in the questionnaire, as text and a bar (the bar is decoration). */
export function StepProgress({ current, total, label }: { current: number; total: number; label: string }) {
  return (
    <div className="progress">
      <p className="progress-label">{label}</p>
      {/* An SVG attribute, not a style attribute: the CSP allows no inline style. */}
      <svg className="progress-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="progress-fill" width={Math.round((current / total) * 100)} height="6" />
      </svg>
    </div>
  );
}
