/**
 * A wide table that scrolls sideways on a phone. The scrolling box is a named, focusable
 * region so a keyboard user can scroll it (axe "scrollable-region-focusable").
 */
export function TableRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
