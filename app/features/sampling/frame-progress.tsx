import { useEffect, useState } from "react";
import { formatNumber, type Translate, type UiLanguage } from "~/i18n";

/** Bytes read from the start of the chosen file to estimate its number of rows. */
const SAMPLE_BYTES = 64 * 1024;
const POLL_MS = 1000;

/**
 * Estimate a CSV's rows from its size and the line length of its first 64 KB, in the
 * browser, before upload: enough for a progress bar, never used as a count.
 */
export async function estimateRows(file: File): Promise<number> {
  const sample = await file.slice(0, SAMPLE_BYTES).text();
  const lines = sample.split("\n").length - 1;
  if (lines <= 0) return 1;
  const bytesPerLine = Math.min(file.size, SAMPLE_BYTES) / lines;
  return Math.max(1, Math.round(file.size / bytesPerLine) - 1);
}

/**
 * The progress bar of a running frame upload (with JavaScript; without it the browser's
 * own loading indicator and the status line remain). Polls the round's progress endpoint
 * while `active`.
 */
export function FrameProgress({
  active,
  estimate,
  progressUrl,
  lang,
  t,
}: {
  active: boolean;
  estimate: number | null;
  progressUrl: string;
  lang: UiLanguage;
  t: Translate;
}) {
  const [processed, setProcessed] = useState(0);
  useEffect(() => {
    if (!active) return;
    setProcessed(0);
    const timer = setInterval(async () => {
      const reply = await fetch(progressUrl, { headers: { Accept: "application/json" } }).catch(() => null);
      if (reply?.ok) setProcessed(((await reply.json()) as { processed: number }).processed);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, progressUrl]);
  if (!active) return null;
  const max = Math.max(estimate ?? 0, processed, 1);
  return (
    <div className="field">
      <label htmlFor="frame-progress">
        {t("frame.progress", { n: formatNumber(lang, processed, 0), total: formatNumber(lang, max, 0) })}
      </label>
      <progress id="frame-progress" max={max} value={processed} />
    </div>
  );
}
