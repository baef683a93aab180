import { useId } from "react";
import { cividis, linearScale, shorten, textColorOn } from "./scale";

/** The colour scale's span: indices below 40 get the darkest colour (few units score that low). */
export const HEAT_DOMAIN: [number, number] = [40, 100];

/**
 * Units × criteria, each cell coloured by its index on the cividis scale (colour-blind
 * safe, prints in grey) with the number written in it, in black or white for contrast.
 */
export function HeatMap({
  title,
  desc,
  columns,
  rows,
  format,
}: {
  title: string;
  desc: string;
  columns: readonly string[];
  rows: readonly { key: string; label: string; values: (number | null)[] }[];
  format: (v: number) => string;
}) {
  const id = useId();
  const label = 170;
  const cell = 34;
  const header = 22;
  const width = label + columns.length * cell;
  const height = header + rows.length * cell;
  const t = linearScale(HEAT_DOMAIN, [0, 1]);
  return (
    <svg className="chart heat-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {columns.map((c, j) => (
        <text key={c} x={label + j * cell + cell / 2} y={header - 6} textAnchor="middle" className="chart-small">
          {c}
        </text>
      ))}
      {rows.map((row, i) => (
        <g key={row.key}>
          <text x={label - 6} y={header + i * cell + cell / 2 + 4} textAnchor="end" className="chart-small">
            {shorten(row.label, 26)}
          </text>
          {row.values.map((v, j) => {
            const fill = v === null ? "#ffffff" : cividis(t(v));
            return (
              <g key={columns[j]}>
                <rect
                  x={label + j * cell}
                  y={header + i * cell}
                  width={cell - 1}
                  height={cell - 1}
                  fill={fill}
                  stroke="#c9d1da"
                />
                <text
                  x={label + j * cell + cell / 2}
                  y={header + i * cell + cell / 2 + 4}
                  textAnchor="middle"
                  className="chart-cell"
                  fill={textColorOn(fill)}
                >
                  {v === null ? "—" : format(v)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
