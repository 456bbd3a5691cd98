// SPDX-License-Identifier: MIT
// Shared pieces of the layer and loss tests: seeded inputs chosen away from kinks, and a
// gradcheck assertion that prints every checked tensor when it fails.
import assert from 'node:assert/strict';
import { formatGradcheck, gradcheck, type Differentiable, type GradcheckOptions } from '../../src/gradcheck.js';
import type { Layer } from '../../src/layers/layer.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor, type DType } from '../../src/tensor/tensor.js';

/** The bound for gradient checks in float64. */
export const GRADCHECK_TOLERANCE = 1e-6;

/** Normal draws, N(0, scale²). */
export function randn(rng: Rng, shape: readonly number[], scale = 1, dtype: DType = 'float64'): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, scale);
  return t;
}

/** Values with |x| in [0.1, 1.1], random signs: at least 0.1 from a ReLU-like kink at 0. */
export function awayFromZero(rng: Rng, shape: readonly number[]): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < t.size; i++) t.data[i] = (rng.next() < 0.5 ? -1 : 1) * (0.1 + rng.next());
  return t;
}

/**
 * A random permutation of distinct values spaced 0.05 apart (centred on 0), so no two elements tie
 * and a finite-difference step of 1e-6 never changes which element of a pooling window wins.
 */
export function distinctValues(rng: Rng, shape: readonly number[]): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  const order = rng.permutation(t.size);
  for (let i = 0; i < t.size; i++) t.data[i] = 0.05 * (order[i] - t.size / 2);
  return t;
}

/** Fills every parameter of a layer with N(0, 1) draws (so γ ≠ 1, β ≠ 0 etc. are exercised). */
export function randomizeParameters(layer: Layer, rng: Rng, scale = 1): void {
  for (const p of layer.parameters()) for (let i = 0; i < p.size; i++) p.value.data[i] = rng.normal(0, scale);
}

/**
 * Default finite-difference step. A central difference errs by about step²·|f‴|/6 (truncation) plus
 * u·|L|/step (rounding of L = Σ r⊙y, u = 2⁻⁵³). With |L| ~ 10 and the gradcheck floor of 1e-3, a step
 * of 1e-6 leaves ~1e-9 of rounding, up to 7e-7 relative on small gradients (measured on Sigmoid,
 * BatchNorm2d), too close to the 1e-6 bound to say anything; 1e-5 brings the worst case to ~7e-8.
 * Piecewise-linear layers pass 1e-3 themselves (no truncation error away from kinks).
 */
export const DEFAULT_STEP = 1e-5;

/** Runs gradcheck and fails with the whole report unless the worst relative error is under the bound. */
export function expectGradientsOk(
  name: string,
  target: Layer | Differentiable,
  inputs: Tensor | Tensor[],
  options: GradcheckOptions = {},
): void {
  const report = gradcheck(target, inputs, { tolerance: GRADCHECK_TOLERANCE, ...options, eps: options.eps ?? DEFAULT_STEP });
  assert.ok(
    report.ok && report.worst.maxRelError < GRADCHECK_TOLERANCE,
    `${name}: gradcheck failed, worst ${report.worst.name}\n${formatGradcheck(report)}`,
  );
  // Every input and parameter was checked, not just some.
  const expectedEntries = (Array.isArray(inputs) ? inputs.length : 1) + (target.parameters?.().length ?? 0);
  assert.equal(report.entries.length, expectedEntries, `${name}: gradcheck entries`);
}

/** Asserts that fn throws an Error whose message contains every one of `parts`. */
export function expectThrowsWith(fn: () => unknown, parts: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof Error, `expected an Error, got ${String(e)}`);
    for (const part of parts) {
      assert.ok(e.message.includes(part), `message ${JSON.stringify(e.message)} should contain ${JSON.stringify(part)}`);
    }
    return true;
  });
}

export { Rng, Tensor };
