/**
 * Design-based mean of a stratified simple random sample, with each stratum's
 * finite-population correction, as R's survey package computes it for
 * `svymean(~y, svydesign(ids=~1, strata=~h, weights=~w, fpc=~N_h))` with w = N_h/n_h.
 *
 *   ȳ_st = Σ_h N_h ȳ_h / Σ_h N_h
 *   V(ȳ_st) = Σ_h (1 − n_h/N_h) · N_h² / N² · s_h² / n_h,  s_h² = Σ(y − ȳ_h)²/(n_h − 1)
 *   df = Σ_h n_h − H   (survey's `degf`: PSUs minus strata)
 *
 * A stratum with a single answer (a "lonely PSU") follows
 * `options(survey.lonely.psu = "adjust")`: survey's `onestrat` leaves its influence
 * value uncentred, i.e. centred at the grand mean, so it adds
 * (1 − 1/N_h) · N_h²/N² · (y − ȳ_st)². A stratum with n_h = N_h adds nothing (census).
 *
 * Source: Cochran (1977) Sampling Techniques, 3rd ed., §5.3 (Theorem 5.3);
 * Lumley, survey package, R/surveyrep.R… `svyrecvar`, `onestrat` (survey 4.1-1).
 *
 * Complexity: O(H) for H strata.
 *
 * @example
 * stratifiedMean([
 *   { population: 100, n: 4, mean: 3.5, sumSquaredDeviations: 5 },
 *   { population: 50, n: 2, mean: 4, sumSquaredDeviations: 2 },
 * ]) // { estimate: 3.6666666666666665, se: 0.5333333333333333, df: 4 }
 */

export interface StratumSample {
  /** N_h, the stratum's population size. */
  population: number;
  /** n_h, the number of valid answers in the stratum. */
  n: number;
  /** ȳ_h. */
  mean: number;
  /** Σ (y − ȳ_h)² over the stratum's answers. */
  sumSquaredDeviations: number;
}

export interface DesignEstimate {
  estimate: number;
  se: number;
  df: number;
}

/** survey's onestrat treats f < 1e-7 as a self-representing (census) stratum. */
const CENSUS_FRACTION_TOLERANCE = 1e-7;

export function stratifiedMean(strata: readonly StratumSample[]): DesignEstimate | null {
  let total = 0;
  let weighted = 0;
  let n = 0;
  let h = 0;
  for (const s of strata) {
    if (s.n <= 0) continue;
    total += s.population;
    weighted += s.population * s.mean;
    n += s.n;
    h += 1;
  }
  if (h === 0) return null;
  const estimate = weighted / total;
  return { estimate, se: Math.sqrt(stratifiedVariance(strata, estimate)), df: n - h };
}

/**
 * V(ȳ_st) as above; `centre` is where lonely strata are centred (the estimate itself
 * for a mean; the fitted μ̂ for svyglm's sandwich, see svyciprop-logit.ts).
 */
export function stratifiedVariance(strata: readonly StratumSample[], centre: number): number {
  let total = 0;
  for (const s of strata) if (s.n > 0) total += s.population;
  let variance = 0;
  for (const s of strata) {
    if (s.n <= 0) continue;
    const f = (s.population - s.n) / s.population;
    if (f < CENSUS_FRACTION_TOLERANCE) continue;
    const share = s.population / total;
    if (s.n === 1) {
      const deviation = s.mean - centre;
      variance += f * share * share * deviation * deviation;
    } else {
      variance += (f * share * share * s.sumSquaredDeviations) / (s.n * (s.n - 1));
    }
  }
  return variance;
}
