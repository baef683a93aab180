/**
 * Small pure helpers for the server-rendered SVG charts: a linear scale, round tick
 * values, and a colour-blind-safe sequential palette with a readable text colour on it.
 */

/** Maps [d0, d1] linearly onto [r0, r1], clamped to the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  return (value: number) => {
    const t = d1 === d0 ? 0 : (value - d0) / (d1 - d0);
    return r0 + Math.max(0, Math.min(1, t)) * (r1 - r0);
  };
}

/** Tick values every `step` from the first multiple of step at or above d0 up to d1. */
export function ticks([d0, d1]: readonly [number, number], step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(d0 / step) * step; v <= d1 + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/**
 * cividis (Nuñez, Anderton & Renslow 2018, PLOS ONE 13(7): e0199239): a sequential map
 * that reads the same for people with red–green colour-vision deficiency and in grey
 * print. Five stops of matplotlib's table, interpolated linearly in sRGB.
 */
const CIVIDIS: readonly [number, number, number][] = [
  [0x00, 0x20, 0x4d],
  [0x41, 0x4d, 0x6b],
  [0x7c, 0x7b, 0x78],
  [0xbc, 0xaf, 0x6f],
  [0xff, 0xea, 0x46],
];

export function cividis(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (CIVIDIS.length - 1);
  const i = Math.min(CIVIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const rgb = CIVIDIS[i].map((c, k) => Math.round(c + f * (CIVIDIS[i + 1][k] - c)));
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2.2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Black or white, whichever contrasts more with the background (always ≥ 4.58:1). */
export function textColorOn(background: string): "#000000" | "#ffffff" {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Cut a label to `max` characters with an ellipsis (the full text is in the table). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
