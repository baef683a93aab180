/** Where the person is in the questionnaire, as text and a bar (the bar is decoration). */
export function StepProgress({ current, total, label }: { current: number; total: number; label: string }) {
  return (
    <div className="progress">
      <p className="progress-label">{label}</p>
      <div className="progress-bar" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${Math.round((current / total) * 100)}%` }} />
      </div>
    </div>
  );
}
