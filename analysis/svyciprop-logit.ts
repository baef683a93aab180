/**
 * The logit confidence interval exactly as R's `svyciprop(~y, design, method = "logit")`
 * computes it, including the stopping point of the model fit.
 *
 * svyciprop fits `svyglm(y ~ 1, design, family = quasibinomial)`: iteratively
 * reweighted least squares (R's `glm.fit`) with prior weights rescaled to mean 1,
 * started from μᵢ = (wᵢyᵢ + ½)/(wᵢ + 1) and stopped when the relative change of the
 * deviance falls below `GLM_EPSILON` = 1e-8. The intercept β̂ is therefore logit(p̂) only
 * to about 1e-8, which moves the interval by up to ~1e-9; reproducing the iterations
 * (`REPRODUCE_GLM_CONVERGENCE`) keeps the published interval equal to R's to ~1e-15.
 * The interval is β̂ ± t_{1−α/2, df}·SE(β̂), back-transformed by expit, with SE(β̂) from
 * the sandwich estimator: influence wᵢ(yᵢ − μ̂)/(μ̂(1 − μ̂)·Σw), stratified with fpc, and
 * lonely strata centred at μ̂ (survey.lonely.psu = "adjust").
 * Observations only differ by stratum and y ∈ {0, 1}, so each iteration is O(H).
 *
 * Source: Lumley, survey package (`svyciprop`, `svyglm`, `svy.varcoef`,
 * `confint.svyglm`); R Core, stats `glm.fit`, `binomial()$dev.resids`.
 * Complexity: O(H · iterations), typically 4–6 iterations.
 *
 * @example
 * svycipropLogit([{ population: 400, n: 25, successes: 20 }], 24)
 * // [0.5906153877559551, 0.9172896683024557]  (R: 0.590615387755955 0.917289668302456)
 */
import { CONFIDENCE_LEVEL } from "./constants";
import { expit } from "./logit-interval";
import { stratifiedVariance } from "./stratified-mean";
import { studentTQuantile } from "./student-t";

export const REPRODUCE_GLM_CONVERGENCE = true;
export const GLM_EPSILON = 1e-8;
export const GLM_MAX_ITERATIONS = 25;

export interface BinaryStratum {
  population: number;
  n: number;
  successes: number;
}

interface Cell {
  weight: number;
  y: 0 | 1;
  count: number;
}

/** Binomial deviance Σ 2wᵢ[yᵢ ln(yᵢ/μᵢ) + (1 − yᵢ) ln((1 − yᵢ)/(1 − μᵢ))], y ∈ {0, 1}. */
function deviance(cells: Cell[], mu: (i: number) => number): number {
  let dev = 0;
  cells.forEach((c, i) => {
    const m = mu(i);
    dev += c.count * 2 * c.weight * (c.y === 1 ? Math.log(1 / m) : Math.log(1 / (1 - m)));
  });
  return dev;
}

/** R's logit `linkinv` and `mu.eta` (stats C_logit_linkinv, C_logit_mu_eta). */
function linkinv(eta: number): number {
  const t = eta < -30 ? Number.EPSILON : eta > 30 ? 1 / Number.EPSILON : Math.exp(eta);
  return t / (1 + t);
}
function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > 30 || eta < -30 ? Number.EPSILON : Math.exp(eta) / (opexp * opexp);
}

/** β̂ of svyglm(y ~ 1, family = quasibinomial) after glm.fit's iterations. */
export function glmInterceptLogit(strata: readonly BinaryStratum[]): number {
  const used = strata.filter((s) => s.n > 0);
  const nTotal = used.reduce((s, h) => s + h.n, 0);
  const meanWeight = used.reduce((s, h) => s + h.population, 0) / nTotal;
  const cells: Cell[] = [];
  for (const s of used) {
    const weight = s.population / s.n / meanWeight;
    if (s.successes > 0) cells.push({ weight, y: 1, count: s.successes });
    if (s.n - s.successes > 0) cells.push({ weight, y: 0, count: s.n - s.successes });
  }
  let eta = cells.map((c) => {
    const start = (c.weight * c.y + 0.5) / (c.weight + 1);
    return Math.log(start / (1 - start));
  });
  let devOld = deviance(cells, (i) => linkinv(eta[i]));
  let beta = 0;
  for (let iteration = 0; iteration < GLM_MAX_ITERATIONS; iteration++) {
    let sw = 0;
    let swz = 0;
    cells.forEach((c, i) => {
      const mu = linkinv(eta[i]);
      const d = muEta(eta[i]);
      const w2 = (c.weight * d * d) / (mu * (1 - mu));
      sw += c.count * w2;
      swz += c.count * w2 * (eta[i] + (c.y - mu) / d);
    });
    beta = swz / sw;
    eta = cells.map(() => beta);
    const mu = linkinv(beta);
    const dev = deviance(cells, () => mu);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < GLM_EPSILON) break;
    devOld = dev;
  }
  return beta;
}

export function svycipropLogit(
  strata: readonly BinaryStratum[],
  df: number,
  level: number = CONFIDENCE_LEVEL,
): [number, number] | null {
  const used = strata.filter((s) => s.n > 0);
  const x = used.reduce((s, h) => s + h.successes, 0);
  const n = used.reduce((s, h) => s + h.n, 0);
  if (!(df >= 1) || x === 0 || x === n) return null;
  const beta = glmInterceptLogit(used);
  const mu = linkinv(beta);
  const scale = mu * (1 - mu);
  const variance = stratifiedVariance(
    used.map((s) => {
      const p = s.successes / s.n;
      return {
        population: s.population,
        n: s.n,
        mean: p,
        sumSquaredDeviations: s.successes * (1 - p) * (1 - p) + (s.n - s.successes) * p * p,
      };
    }),
    mu,
  );
  const se = Math.sqrt(variance) / scale;
  if (!(se > 0)) return null;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return [expit(beta - q * se), expit(beta + q * se)];
}
