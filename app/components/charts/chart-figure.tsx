/**
 * A chart with its numbers: the figure's caption, the SVG, and the data table in a
 * <details> under it (open when printed, see app/features/results/dashboard.css), so every number
 * a chart shows can be read, copied and found by a screen reader.
 */
export function ChartFigure({
  caption,
  tableLabel,
  chart,
  table,
  openTable = false,
}: {
  caption: string;
  tableLabel: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  openTable?: boolean;
}) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      {chart}
      <details open={openTable}>
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
}
