// SPDX-License-Identifier: MIT
// Kernel suite, element-wise: every activation and its derivative against independent formulas
// (GELU against a high-precision Φ), kinks and saturation, and the product a ⊙ b.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Activation, Kernels } from '../../src/kernels/backend.js';
import { Rng } from '../../src/tensor/rng.js';
import { type DType, Tensor } from '../../src/tensor/tensor.js';
import { type CloseOptions, expectClose } from '../helpers/close.js';
import { naiveActivation, naiveDerivative } from './naive.js';
import { DTYPES, elementwiseTolerance, randomTensor, shapeName, SIZES } from './util.js';

const ACTIVATIONS: Activation[] = [
  { kind: 'relu' },
  { kind: 'leakyRelu', negativeSlope: 0.01 },
  { kind: 'leakyRelu', negativeSlope: 0.2 },
  { kind: 'sigmoid' },
  { kind: 'tanh' },
  { kind: 'gelu' },
  { kind: 'softplus', beta: 1, threshold: 20 },
  { kind: 'softplus', beta: 2, threshold: 5 },
  { kind: 'softplus', beta: 0.5, threshold: 3 },
  { kind: 'geluTanh' },
  { kind: 'relu6' },
  { kind: 'hardsigmoid' },
  { kind: 'hardswish' },
  { kind: 'silu' },
  { kind: 'elu', alpha: 1 },
  { kind: 'elu', alpha: 0.3 },
  { kind: 'mish' },
];

const SHAPES: number[][] = [...SIZES.map((n) => [n]), [2, 3, 4, 5], [3, 17]];

function activationName(f: Activation): string {
  const { kind, ...params } = f;
  const list = Object.entries(params).map(([key, value]) => `${key}=${value}`);
  return list.length > 0 ? `${kind}(${list.join(', ')})` : kind;
}

/**
 * Inputs of scale 6 (reaching saturation), kept 1e-3 away from softplus's switch to the identity
 * (the two branches differ there, and float32 may round β·x to either side).
 */
function activationInput(rng: Rng, f: Activation, shape: readonly number[], dtype: DType): Tensor {
  const x = randomTensor(rng, shape, dtype, 6);
  for (let i = 0; i < x.size; i++) {
    if (f.kind === 'softplus' && Math.abs(f.beta * x.data[i] - f.threshold) < 1e-3) x.data[i] += 0.01;
  }
  return x;
}

/** Derivatives computed from y = f(x) (σ(1 − σ), 1 − tanh²) inherit y's rounding: an absolute error of ~2u·|dy|. */
function backwardTolerance(dtype: DType, name: string): CloseOptions {
  return dtype === 'float32' ? { rtol: 1e-5, atol: 1e-6, name } : { rtol: 1e-11, atol: 1e-14, name };
}

export function elementwiseSuite(k: Kernels): void {
  describe(`${k.name}: activations`, () => {
    it('forward matches each definition, in both dtypes and across sizes', () => {
      const rng = new Rng(401);
      for (const dtype of DTYPES) {
        for (const f of ACTIVATIONS) {
          for (const shape of SHAPES) {
            const name = `${activationName(f)} x=${shapeName(shape)} ${dtype}`;
            const x = activationInput(rng, f, shape, dtype);
            const y = k.activation(f, x);
            assert.deepEqual(y.shape, shape, name);
            assert.equal(y.dtype, dtype, name);
            expectClose(y.data, Array.from(x.data, (v) => naiveActivation(f, v)), elementwiseTolerance(dtype, name));
          }
        }
      }
    });

    it("backward is f'(x) ⊙ dy", () => {
      const rng = new Rng(402);
      for (const dtype of DTYPES) {
        for (const f of ACTIVATIONS) {
          for (const shape of SHAPES) {
            const name = `${activationName(f)} backward x=${shapeName(shape)} ${dtype}`;
            const x = activationInput(rng, f, shape, dtype);
            const y = k.activation(f, x);
            const dy = randomTensor(rng, shape, dtype);
            const dx = k.activationBackward(f, x, y, dy);
            assert.deepEqual(dx.shape, shape, name);
            assert.equal(dx.dtype, dtype, name);
            const expected = Array.from(x.data, (v, i) => naiveDerivative(f, v) * dy.data[i]);
            expectClose(dx.data, expected, backwardTolerance(dtype, name));
          }
        }
      }
    });

    it("takes the left-hand derivative at the kink: ReLU'(0) = 0, leaky ReLU'(0) = slope", () => {
      for (const dtype of DTYPES) {
        const x = Tensor.from([0, -0, 2, -2], [4], dtype);
        const dy = Tensor.from([1, 1, 1, 1], [4], dtype);
        const relu: Activation = { kind: 'relu' };
        const leaky: Activation = { kind: 'leakyRelu', negativeSlope: 0.25 };
        assert.deepEqual(Array.from(k.activationBackward(relu, x, k.activation(relu, x), dy).data), [0, 0, 1, 0]);
        assert.deepEqual(Array.from(k.activationBackward(leaky, x, k.activation(leaky, x), dy).data), [0.25, 0.25, 1, 0.25]);
      }
    });

    it("at the kinks −3, 0, 3, 6 takes PyTorch's values: ReLU6, Hardsigmoid, Hardswish, ELU", () => {
      for (const dtype of DTYPES) {
        const x = Tensor.from([-3, 0, 3, 6, -4, 7], [6], dtype);
        const dy = Tensor.full([6], 1, dtype);
        const at = (f: Activation): [number[], number[]] => {
          const y = k.activation(f, x);
          return [Array.from(y.data), Array.from(k.activationBackward(f, x, y, dy).data)];
        };
        assert.deepEqual(at({ kind: 'relu6' }), [[0, 0, 3, 6, 0, 6], [0, 0, 1, 0, 0, 0]], `relu6 ${dtype}`);
        const sixth = dtype === 'float32' ? Math.fround(1 / 6) : 1 / 6;
        assert.deepEqual(at({ kind: 'hardsigmoid' }), [[0, 0.5, 1, 1, 0, 1], [0, sixth, 0, 0, 0, 0]], `hardsigmoid ${dtype}`);
        assert.deepEqual(at({ kind: 'hardswish' }), [[-0, 0, 3, 6, -0, 7], [-0.5, 0.5, 1, 1, 0, 1]], `hardswish ${dtype}`);
        const [yElu, dElu] = at({ kind: 'elu', alpha: 0.5 });
        assert.deepEqual([yElu[1], dElu[1], dElu[2]], [0, 0.5, 1], `elu ${dtype}: ELU'(0) = α`);
      }
    });

    it('lets NaN and ±Infinity through every activation, as PyTorch does (a ReLU must not hide a diverged input)', () => {
      for (const dtype of DTYPES) {
        // 9 values: past the 4-lane SIMD body and into the scalar tail, NaN in both.
        const x = Tensor.from([NaN, 1, -1, Infinity, -Infinity, NaN, 0, 2, NaN], [9], dtype);
        for (const f of ACTIVATIONS) {
          const y = Array.from(k.activation(f, x).data);
          for (const i of [0, 5, 8]) assert.ok(Number.isNaN(y[i]), `${activationName(f)}(NaN) at ${i} ${dtype}: ${y[i]}`);
        }
        const relu = Array.from(k.activation({ kind: 'relu' }, x).data);
        assert.deepEqual(relu.slice(1, 5), [1, 0, Infinity, 0], `relu ${dtype}`);
      }
    });

    it('stays finite and exact at saturation (±1000), with softplus the identity beyond its threshold', () => {
      for (const dtype of DTYPES) {
        const x = Tensor.from([-1000, -100, 100, 1000], [4], dtype);
        const dy = Tensor.from([1, 1, 1, 1], [4], dtype);
        const check = (f: Activation, y: number[], dx: number[]): void => {
          const out = k.activation(f, x);
          const name = `${activationName(f)} saturated ${dtype}`; // e^{−100} ≈ 4e-44 passes as 0
          expectClose(out.data, y, { rtol: 1e-7, atol: 1e-30, name });
          expectClose(k.activationBackward(f, x, out, dy).data, dx, { rtol: 1e-7, atol: 1e-30, name: `${name} backward` });
        };
        check({ kind: 'sigmoid' }, [0, 0, 1, 1], [0, 0, 0, 0]);
        check({ kind: 'tanh' }, [-1, -1, 1, 1], [0, 0, 0, 0]);
        check({ kind: 'gelu' }, [-0, -0, 100, 1000], [0, 0, 1, 1]);
        check({ kind: 'softplus', beta: 1, threshold: 20 }, [0, 0, 100, 1000], [0, 0, 1, 1]);
        check({ kind: 'geluTanh' }, [-0, -0, 100, 1000], [0, 0, 1, 1]);
        check({ kind: 'silu' }, [-0, -0, 100, 1000], [-0, -0, 1, 1]);
        check({ kind: 'mish' }, [-0, -0, 100, 1000], [-0, -0, 1, 1]);
        check({ kind: 'elu', alpha: 2 }, [-2, -2, 100, 1000], [0, 0, 1, 1]);
        check({ kind: 'hardswish' }, [-0, -0, 100, 1000], [0, 0, 1, 1]);
      }
    });

    it('rejects mixed dtypes', () => {
      const f: Activation = { kind: 'tanh' };
      const x = Tensor.zeros([3]);
      assert.throws(() => k.activationBackward(f, x, x, Tensor.zeros([3], 'float64')), /dtype|float64/);
    });

    it('backward refuses x, y and dy of different shapes, even of one size', () => {
      const x = Tensor.zeros([2, 3]);
      for (const kind of ['relu', 'silu', 'tanh'] as const) {
        assert.throws(() => k.activationBackward({ kind }, x, x, Tensor.zeros([3, 2])), /x \[2, 3\] and dy \[3, 2\] must have the same shape/, kind);
        assert.throws(() => k.activationBackward({ kind }, x, Tensor.zeros([6]), Tensor.zeros([2, 3])), /same shape/, kind);
      }
    });
  });

  describe(`${k.name}: mul`, () => {
    it('multiplies element-wise, in both dtypes and across sizes', () => {
      const rng = new Rng(403);
      for (const dtype of DTYPES) {
        for (const shape of SHAPES) {
          const name = `mul x=${shapeName(shape)} ${dtype}`;
          const a = randomTensor(rng, shape, dtype);
          const b = randomTensor(rng, shape, dtype);
          const out = k.mul(a, b);
          assert.deepEqual(out.shape, shape, name);
          assert.equal(out.dtype, dtype, name);
          // One rounding of an exact product: within half an ulp.
          const u = dtype === 'float32' ? 2 ** -24 : 2 ** -53;
          expectClose(out.data, Array.from(a.data, (v, i) => v * b.data[i]), { rtol: u, atol: 0, name });
        }
      }
    });

    it('rejects mixed dtypes', () => {
      assert.throws(() => k.mul(Tensor.zeros([3]), Tensor.zeros([3], 'float64')), /dtype|float64/);
    });
  });
}
