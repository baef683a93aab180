/**
 * Student's t distribution with ν degrees of freedom: upper tail, density, quantile.
 *
 * P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (Abramowitz & Stegun 26.7.1 with
 * 26.5.27). As in R's `pt` (src/nmath/pt.c), for ν > 4·10⁵ the tail is the normal
 * approximation of A&S 26.7.8, P(T > t) ≈ 1 − Φ(t(1 − 1/(4ν)) / √(1 + t²/(2ν))), so that
 * quantiles for very large designs equal R's `qt`, which inverts that same `pt`.
 * The quantile solves the tail equation by Newton steps from the normal quantile.
 *
 * Complexity: O(√ν) per tail evaluation (continued fraction), O(1) for ν > 4·10⁵.
 *
 * @example studentTQuantile(0.975, 10) // 2.228138851986272 (R qt: 2.2281388519862739)
 */
import { incompleteBeta } from "./incomplete-beta";
import { logBeta } from "./log-gamma";
import { normalCdf, normalQuantile } from "./normal";

/** Above this many degrees of freedom R's pt switches to a normal approximation. */
export const T_NORMAL_APPROXIMATION_DF = 4e5;

/** P(T > t). */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  if (df > T_NORMAL_APPROXIMATION_DF) {
    const v = 1 / (4 * df);
    return normalCdf(-(t * (1 - v)) / Math.sqrt(1 + t * t * 2 * v));
  }
  const t2 = t * t;
  const tail = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return t >= 0 ? tail : 1 - tail;
}

/** P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  return 1 - studentTUpperTail(t, df);
}

/** Density of T at t. */
export function studentTDensity(t: number, df: number): number {
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** t such that P(T ≤ t) = p, for 0 < p < 1 and ν > 0. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const tail = 1 - p;
  if (df > T_NORMAL_APPROXIMATION_DF) {
    // Closed-form inverse of the approximation above.
    const z = normalQuantile(p);
    const v = 1 / (4 * df);
    return z / Math.sqrt((1 - v) * (1 - v) - 2 * v * z * z);
  }
  let t = normalQuantile(p);
  if (df < 3) t = Math.max(t, 1); // heavy tails: start further out
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const f = studentTUpperTail(t, df) - tail;
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / studentTDensity(t, df);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : 2 * t;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}
