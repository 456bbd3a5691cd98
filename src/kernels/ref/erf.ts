// SPDX-License-Identifier: MIT
// erf and erfc in float64, accurate to a few ulps (needed by exact GELU and its gradient check).
// |x| < 1.5: the all-positive series erf(x) = (2/√π)·e^{−x²}·Σₙ 2ⁿ·x^{2n+1} / (1·3·…·(2n+1))
//   (Abramowitz & Stegun 7.1.6); its terms never cancel, so it keeps full relative precision.
// |x| ≥ 1.5: Laplace's continued fraction erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
//   (A&S 7.1.14), evaluated from the tail; 120 levels converge to double precision for x ≥ 1.5.
// erfc below 1.5 is 1 − erf, which loses at most a factor 30 (erfc(1.5) ≈ 0.034) of relative precision.

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SERIES_LIMIT = 1.5;
const FRACTION_DEPTH = 120;

/** erf(x) for 0 ≤ x < SERIES_LIMIT, by the positive series. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x ≥ SERIES_LIMIT, by the continued fraction. */
function erfcFraction(x: number): number {
  let tail = x;
  for (let k = FRACTION_DEPTH; k >= 1; k--) tail = x + k / 2 / tail;
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / tail;
}

/** The error function erf(x) = (2/√π)·∫₀ˣ e^{−t²} dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const value = ax < SERIES_LIMIT ? erfSeries(ax) : 1 - erfcFraction(ax);
  return x < 0 ? -value : value;
}

/** The complementary error function erfc(x) = 1 − erf(x), without cancellation for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= SERIES_LIMIT) return erfcFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcFraction(-x);
  return 1 - erf(x);
}
