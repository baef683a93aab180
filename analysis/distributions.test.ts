/** Numeric building blocks against R 4.2.2 (values printed with sprintf("%.17g")). */
import { describe, expect, it } from "vitest";
import { clopperPearsonInterval } from "./clopper-pearson";
import { betaQuantile, incompleteBeta } from "./incomplete-beta";
import { logBeta, logGamma } from "./log-gamma";
import { normalCdf, normalQuantile } from "./normal";
import { studentTCdf, studentTQuantile, studentTUpperTail } from "./student-t";

const near = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );

describe("normal", () => {
  it("matches qnorm and pnorm", () => {
    near(normalQuantile(0.975), 1.9599639845400536, 1e-14);
    near(normalQuantile(0.995), 2.5758293035488999, 1e-14);
    near(normalQuantile(1e-10), -6.3613409024040557, 1e-14);
    near(normalCdf(-5) / 2.8665157187919391e-7, 1, 1e-13);
    near(normalCdf(-1.96), 0.024997895148220428, 1e-15);
    near(normalCdf(0.3), 0.61791142218895267, 1e-15);
  });
});

describe("student t", () => {
  const qt: [number, number][] = [
    [1, 12.706204736174694],
    [2, 4.3026527297494619],
    [3, 3.1824463052837078],
    [7, 2.3646242515927844],
    [30, 2.0422724563012378],
    [250, 1.9694983934211523],
    [5000, 1.9604385517065075],
    [1e5, 1.9599877075346088],
    [1e6, 1.9599663568141066],
  ];
  it.each(qt)("qt(0.975, %d)", (df, expected) => near(studentTQuantile(0.975, df), expected, 1e-11));
  it("matches pt, including R's normal approximation above 4e5 df", () => {
    near(studentTCdf(-3, 12), 0.0055333478430168387, 1e-14);
    near(studentTCdf(0.5, 12), 0.68694126188733795, 1e-14);
    near(studentTCdf(2.5, 12), 0.98604230021433747, 1e-14);
    near(studentTUpperTail(2.1, 4e6), 0.01786445179392444, 1e-14);
  });
  it("is symmetric", () => near(studentTQuantile(0.025, 9), -studentTQuantile(0.975, 9), 1e-15));
});

describe("gamma and beta", () => {
  it("matches lgamma and lbeta", () => {
    near(logGamma(0.5), 0.57236494292470008, 1e-14);
    near(logGamma(3.7), 1.4280723266653881, 1e-14);
    near(logGamma(150.2), 601.01106392589224, 1e-15);
    near(logBeta(1e6, 0.5), -6.3353902110574367, 1e-13);
  });
  it("matches pbeta and qbeta", () => {
    near(incompleteBeta(0.3, 2.5, 7.5), 0.67894348586618181, 1e-14);
    near(incompleteBeta(0.5, 2, 3), 0.6875, 1e-14);
    near(betaQuantile(0.025, 3, 8), 0.066739511177734467, 1e-13);
    near(betaQuantile(0.975, 3, 8), 0.5560954623076414, 1e-13);
  });
});

describe("clopperPearsonInterval", () => {
  it("matches binom.test", () => {
    const [lo, hi] = clopperPearsonInterval(7, 10)!;
    near(lo, 0.34754714994000269, 1e-13);
    near(hi, 0.93326048882226553, 1e-13);
    expect(clopperPearsonInterval(0, 12)![0]).toBe(0);
    near(clopperPearsonInterval(0, 12)![1], 0.26464846939705111, 1e-13);
    near(clopperPearsonInterval(10, 10)![0], 0.69150289218123917, 1e-13);
    expect(clopperPearsonInterval(10, 10)![1]).toBe(1);
    const large = clopperPearsonInterval(830, 1000)!;
    near(large[0], 0.80525585492879626, 1e-13);
    near(large[1], 0.85278297764753141, 1e-13);
  });
  it("has no interval without trials", () => expect(clopperPearsonInterval(0, 0)).toBeNull());
});
