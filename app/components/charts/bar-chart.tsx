import { useId } from "react";
import { linearScale, shorten, ticks } from "./scale";

export interface BarRow {
  key: string;
  label: string;
  value: number | null;
  ci: [number, number] | null;
}

/**
 * Horizontal bars with 95% interval whiskers, drawn on the server (no JavaScript). The
 * SVG is an image with a title and description; the numbers are in the table the page
 * puts beside it (ChartFigure).
 */
export function BarChart({
  title,
  desc,
  rows,
  format,
  domain = [0, 100],
}: {
  title: string;
  desc: string;
  rows: readonly BarRow[];
  format: (v: number) => string;
  domain?: [number, number];
}) {
  const id = useId();
  const label = 190;
  const width = 640;
  const rowHeight = 26;
  const top = 8;
  const height = top + rows.length * rowHeight + 28;
  const x = linearScale(domain, [label, width - 56]);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {ticks(domain, 20).map((v) => (
        <g key={v} className="chart-grid">
          <line x1={x(v)} x2={x(v)} y1={top} y2={height - 22} />
          <text x={x(v)} y={height - 6} textAnchor="middle">
            {v}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={row.key}>
            <text x={label - 8} y={y + rowHeight / 2 + 5} textAnchor="end" className="chart-label">
              {shorten(row.label, 28)}
            </text>
            {row.value !== null ? (
              <>
                <rect
                  x={label}
                  y={y + 5}
                  width={Math.max(0, x(row.value) - label)}
                  height={rowHeight - 10}
                  className="chart-bar"
                />
                {row.ci ? (
                  <g className="chart-whisker">
                    <line x1={x(row.ci[0])} x2={x(row.ci[1])} y1={y + rowHeight / 2} y2={y + rowHeight / 2} />
                    <line x1={x(row.ci[0])} x2={x(row.ci[0])} y1={y + 6} y2={y + rowHeight - 6} />
                    <line x1={x(row.ci[1])} x2={x(row.ci[1])} y1={y + 6} y2={y + rowHeight - 6} />
                  </g>
                ) : null}
                <text x={width - 4} y={y + rowHeight / 2 + 5} textAnchor="end" className="chart-value">
                  {format(row.value)}
                </text>
              </>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
