/**
 * log Γ(x) and log B(a, b) for x, a, b > 0.
 *
 * Stirling's series lnΓ(x) = (x−½)ln x − x + ½ln 2π + δ(x) with the correction
 * δ(x) = 1/(12x) − 1/(360x³) + … (Abramowitz & Stegun 6.1.40), used for x ≥ 10 after
 * the recurrence Γ(x+1) = xΓ(x). log B splits off the large Stirling terms as R's
 * `lbeta` does (R Core, src/nmath/lbeta.c), so that B(a, b) for a ≈ 10⁶ keeps full
 * relative precision instead of losing it to the cancellation of three huge lnΓ.
 *
 * Complexity: O(1).
 *
 * @example logGamma(0.5) // 0.5723649429246986 (ln √π = 0.5723649429247001)
 * @example logBeta(3, 4) // -4.094344562222099 (= ln 1/60)
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const STIRLING_MIN = 10;

/** δ(x) = lnΓ(x) − [(x−½)ln x − x + ½ln 2π], for x ≥ 10. */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  let product = 1;
  while (x < STIRLING_MIN) {
    product *= x;
    x += 1;
    shift += 1;
    if (product > 1e280) break;
  }
  const stirling = (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
  return shift === 0 ? stirling : stirling - Math.log(product);
}

export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= STIRLING_MIN) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return HALF_LOG_2PI - 0.5 * Math.log(q) + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= STIRLING_MIN) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}
