// SPDX-License-Identifier: MIT
// An independent, high-precision standard normal CDF for checking exact GELU: the Taylor series
// Φ(x) = ½ + (1/√(2π))·Σₙ (−1)ⁿ·x^{2n+1} / (2ⁿ·n!·(2n+1)), summed in 320-bit fixed point with
// BigInt so the alternating terms (up to e^{x²/2}) cancel without losing double precision.
// π comes from Machin's formula; nothing here shares code with any backend.

const BITS = 320n;
const ONE = 1n << BITS;

/** atan(1/m) in fixed point, by its alternating series. */
function atanInverse(m: bigint): bigint {
  let power = ONE / m; // 1/m^{2k+1}
  let sum = 0n;
  for (let k = 0n; power !== 0n; k++) {
    const term = power / (2n * k + 1n);
    sum += k % 2n === 0n ? term : -term;
    power /= m * m;
  }
  return sum;
}

function sqrtFixed(value: bigint): bigint {
  // √(value/ONE)·ONE = √(value·ONE), by Newton's method on integers.
  const target = value * ONE;
  let r = 1n << ((BigInt(target.toString(2).length) + 1n) / 2n);
  for (;;) {
    const next = (r + target / r) / 2n;
    if (next >= r) return r;
    r = next;
  }
}

const PI = 16n * atanInverse(5n) - 4n * atanInverse(239n);
const SQRT_TWO_PI = sqrtFixed(2n * PI);

/** x as an exact fixed-point number (every double with |x| ≥ 2^-200 converts exactly). */
function toFixed(x: number): bigint {
  if (x === 0) return 0n;
  const exponent = Math.floor(Math.log2(Math.abs(x)));
  const shift = 60 - exponent; // x·2^shift is an integer of about 61 bits
  const scaled = BigInt(Math.round(x * 2 ** shift));
  const move = BITS - BigInt(shift);
  return move >= 0n ? scaled << move : scaled >> -move;
}

function toNumber(v: bigint): number {
  return Number(v) * 2 ** -Number(BITS);
}

/**
 * Far left tail (x < −12, where the series' cancellation would outgrow 320 bits): the asymptotic
 * expansion Φ(x) = φ(x)/|x| · Σₙ (−1)ⁿ·(2n − 1)!!/x^{2n}; 20 terms leave a relative error below 1e-19.
 */
function normalTail(x: number): number {
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 20; n++) {
    term *= -(2 * n - 1) / x2;
    sum += term;
  }
  return (Math.exp(-0.5 * x2) / Math.sqrt(2 * Math.PI) / -x) * sum;
}

/** Φ(x) accurate to about 1e-16 relative. */
export function normalCdf(x: number): number {
  if (x < -12) return normalTail(x);
  if (x > 12) return 1; // 1 − Φ(12) ≈ 1.8e-33 is far below double precision
  const t = toFixed(x);
  const t2 = (t * t) >> BITS;
  let power = t; // x^{2n+1} / (2ⁿ·n!)
  let sum = 0n;
  for (let n = 0n; power !== 0n; n++) {
    const term = power / (2n * n + 1n);
    sum += n % 2n === 0n ? term : -term;
    power = (power * t2) >> BITS;
    power /= 2n * (n + 1n);
  }
  return toNumber(ONE / 2n + (sum << BITS) / SQRT_TWO_PI);
}
