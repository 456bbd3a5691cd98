// SPDX-License-Identifier: MIT
// Element-wise comparison of numeric arrays for tests: |actual − expected| ≤ atol + rtol·|expected|.
// NaN matches only NaN and ±Infinity only itself. Failures name the case, the first bad index,
// both values and the tolerance, plus how many entries failed and where the worst one is.
import { AssertionError } from 'node:assert';

export interface CloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Case name printed in failure messages. */
  name?: string;
}

function closeAt(a: number, e: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= atol + rtol * Math.abs(e);
}

/** True when both arrays have the same length and every entry is close. */
export function allClose(actual: ArrayLike<number>, expected: ArrayLike<number>, options: CloseOptions = {}): boolean {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) if (!closeAt(actual[i], expected[i], rtol, atol)) return false;
  return true;
}

/** Throws an AssertionError naming the first index where actual and expected differ beyond tolerance. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, options: CloseOptions = {}): void {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  const name = options.name ?? 'values';
  if (actual.length !== expected.length) {
    throw new AssertionError({
      message: `${name}: length ${actual.length} differs from the expected ${expected.length}`,
      actual: actual.length,
      expected: expected.length,
      operator: 'expectClose',
    });
  }
  let first = -1;
  let bad = 0;
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < actual.length; i++) {
    if (closeAt(actual[i], expected[i], rtol, atol)) continue;
    bad++;
    if (first < 0) first = i;
    const excess = Math.abs(actual[i] - expected[i]) / (atol + rtol * Math.abs(expected[i]));
    if (!(excess <= worstExcess)) {
      worstExcess = excess;
      worst = i;
    }
  }
  if (first < 0) return;
  const describe = (i: number): string =>
    `index ${i}: expected ${expected[i]}, got ${actual[i]} (|diff| ${Math.abs(actual[i] - expected[i])}, ` +
    `tolerance ${atol + rtol * Math.abs(expected[i])})`;
  throw new AssertionError({
    message:
      `${name}: ${bad} of ${actual.length} entries differ (rtol ${rtol}, atol ${atol}); first at ${describe(first)}` +
      (worst !== first ? `; worst at ${describe(worst)}` : ''),
    actual: actual[first],
    expected: expected[first],
    operator: 'expectClose',
  });
}
