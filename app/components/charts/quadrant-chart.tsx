import { useId } from "react";
import { linearScale, ticks } from "./scale";

export interface QuadrantPoint {
  key: string;
  label: string;
  index: number;
  importance: number;
  /** Weak and important: drawn filled and bold (the ones to improve first). */
  highlight: boolean;
}

/**
 * Importance–performance chart (Martilla & James 1977, analysis/priorities.ts): index
 * across, importance up, lines at the means; the top-left quadrant is "weak but important".
 */
export function QuadrantChart({
  title,
  desc,
  points,
  centre,
  axisLabels,
}: {
  title: string;
  desc: string;
  points: readonly QuadrantPoint[];
  centre: { index: number; importance: number };
  axisLabels: { x: string; y: string; weakImportant: string };
}) {
  const id = useId();
  const width = 640;
  const height = 400;
  const pad = { left: 56, right: 16, top: 16, bottom: 44 };
  const xs = points.map((p) => p.index);
  const ys = points.map((p) => p.importance);
  const xDomain: [number, number] = [
    Math.floor(Math.min(...xs, centre.index) / 5) * 5 - 5,
    Math.min(100, Math.ceil(Math.max(...xs) / 5) * 5 + 5),
  ];
  const yDomain: [number, number] = [
    Math.floor(Math.min(...ys) * 10) / 10 - 0.05,
    Math.ceil(Math.max(...ys) * 10) / 10 + 0.05,
  ];
  const x = linearScale(xDomain, [pad.left, width - pad.right]);
  const y = linearScale(yDomain, [height - pad.bottom, pad.top]);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <rect
        x={pad.left}
        y={pad.top}
        width={x(centre.index) - pad.left}
        height={y(centre.importance) - pad.top}
        className="chart-quadrant"
      />
      <text x={pad.left + 6} y={pad.top + 16} className="chart-small">
        {axisLabels.weakImportant}
      </text>
      {ticks(xDomain, 5).map((v) => (
        <text key={`x${v}`} x={x(v)} y={height - pad.bottom + 16} textAnchor="middle" className="chart-small">
          {v}
        </text>
      ))}
      {ticks(yDomain, 0.1).map((v) => (
        <text key={`y${v}`} x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="chart-small">
          {v.toFixed(1)}
        </text>
      ))}
      <g className="chart-axis">
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} />
        <line x1={x(centre.index)} x2={x(centre.index)} y1={pad.top} y2={height - pad.bottom} strokeDasharray="4 4" />
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(centre.importance)}
          y2={y(centre.importance)}
          strokeDasharray="4 4"
        />
      </g>
      <text x={(pad.left + width) / 2} y={height - 6} textAnchor="middle" className="chart-label">
        {axisLabels.x}
      </text>
      <text
        x={14}
        y={(pad.top + height - pad.bottom) / 2}
        textAnchor="middle"
        className="chart-label"
        transform={`rotate(-90 14 ${(pad.top + height - pad.bottom) / 2})`}
      >
        {axisLabels.y}
      </text>
      {points.map((p) => (
        <g key={p.key} className={p.highlight ? "chart-point chart-point-strong" : "chart-point"}>
          <circle cx={x(p.index)} cy={y(p.importance)} r={p.highlight ? 6 : 4} />
          <text x={x(p.index) + 8} y={y(p.importance) + 4} className="chart-small">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
