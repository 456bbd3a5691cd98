// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from '../../src/layers/activations.js';
import type { Layer } from '../../src/layers/layer.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { awayFromZero, expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

describe('activation gradcheck (float64)', () => {
  // ReLU and LeakyReLU are linear on each side of 0 and inputs keep |x| ≥ 0.1, so a step of 1e-3 is exact.
  test('ReLU, inputs away from 0, x=[3,7]', () => {
    expectGradientsOk('ReLU', new ReLU(), awayFromZero(new Rng(1), [3, 7]), { eps: 1e-3 });
  });
  test('LeakyReLU 0.01 and 0.2, x=[2,3,5,5]', () => {
    expectGradientsOk('LeakyReLU', new LeakyReLU(), awayFromZero(new Rng(2), [2, 3, 5, 5]), { eps: 1e-3 });
    expectGradientsOk('LeakyReLU 0.2', new LeakyReLU(0.2), awayFromZero(new Rng(3), [4, 9]), { eps: 1e-3 });
  });
  test('Sigmoid x=[4,9] (scale 3)', () => {
    expectGradientsOk('Sigmoid', new Sigmoid(), randn(new Rng(4), [4, 9], 3));
  });
  test('Tanh x=[2,2,3,3] (scale 2)', () => {
    expectGradientsOk('Tanh', new Tanh(), randn(new Rng(5), [2, 2, 3, 3], 2));
  });
  test('GELU x=[5,7] (scale 2)', () => {
    expectGradientsOk('GELU', new GELU(), randn(new Rng(6), [5, 7], 2));
  });
  test('Softplus β=1 x=[4,6] (scale 4)', () => {
    expectGradientsOk('Softplus', new Softplus(), randn(new Rng(7), [4, 6], 4));
  });
  test('Softplus β=2, threshold 5, on both sides of the threshold (βx = 5 avoided)', () => {
    const x = Tensor.from([-3, -1.2, -0.3, 0.4, 1.1, 2, 2.9, 3.5, 6], [1, 9], 'float64');
    expectGradientsOk('Softplus β=2', new Softplus({ beta: 2, threshold: 5 }), x);
  });
});

function run(layer: Layer, values: number[]): number[] {
  return layer.forward(Tensor.from(values, [values.length], 'float64'), 'eval').toArray();
}

describe('activation properties', () => {
  const xs = randn(new Rng(10), [200], 3).toArray();
  const negated = xs.map((v) => -v);

  test('ReLU and LeakyReLU: x on the positive side, 0 / a·x on the negative side', () => {
    const relu = run(new ReLU(), xs);
    const leaky = run(new LeakyReLU(0.2), xs);
    xs.forEach((v, i) => {
      assert.equal(relu[i], v > 0 ? v : 0);
      assert.ok(Math.abs(leaky[i] - (v > 0 ? v : 0.2 * v)) < 1e-15);
    });
  });

  test('Sigmoid lies in (0, 1) and σ(−x) = 1 − σ(x); finite at ±1e4', () => {
    const s = run(new Sigmoid(), xs);
    const sn = run(new Sigmoid(), negated);
    s.forEach((v, i) => {
      assert.ok(v > 0 && v < 1);
      assert.ok(Math.abs(sn[i] - (1 - v)) < 1e-15);
    });
    assert.deepEqual(run(new Sigmoid(), [-1e4, 1e4]), [0, 1]);
  });

  test('Tanh is odd and bounded; ±1 at ±1e4', () => {
    const t = run(new Tanh(), xs);
    const tn = run(new Tanh(), negated);
    t.forEach((v, i) => assert.ok(Math.abs(v + tn[i]) < 1e-15 && Math.abs(v) < 1));
    assert.deepEqual(run(new Tanh(), [-1e4, 1e4]), [-1, 1]);
  });

  test('GELU: gelu(x) − gelu(−x) = x (Φ(x) + Φ(−x) = 1), → x for large x and → 0 for very negative x', () => {
    const g = run(new GELU(), xs);
    const gn = run(new GELU(), negated);
    xs.forEach((v, i) => assert.ok(Math.abs(g[i] - gn[i] - v) < 1e-12, `x = ${v}`));
    const [big, small] = run(new GELU(), [10, -10]);
    assert.ok(Math.abs(big - 10) < 1e-12 && Math.abs(small) < 1e-12);
  });

  test('Softplus: y > max(0, x), softplus(x) − softplus(−x) = x, and exactly x above the threshold', () => {
    const s = run(new Softplus(), xs);
    const sn = run(new Softplus(), negated);
    xs.forEach((v, i) => {
      assert.ok(s[i] > Math.max(0, v));
      assert.ok(Math.abs(s[i] - sn[i] - v) < 1e-12);
    });
    assert.deepEqual(run(new Softplus({ beta: 2, threshold: 5 }), [3, 30]), [3, 30]);
  });

  test('backward of a zero upstream gradient is zero; dx has x\'s shape', () => {
    for (const layer of [new ReLU(), new LeakyReLU(), new Sigmoid(), new Tanh(), new GELU(), new Softplus()]) {
      layer.forward(randn(new Rng(1), [2, 3, 4]), 'train');
      const dx = layer.backward(Tensor.zeros([2, 3, 4], 'float64'));
      assert.deepEqual([...dx.shape], [2, 3, 4]);
      assert.ok(dx.data.every((v) => v === 0), layer.name);
    }
  });

  test('toSpec round-trips, options kept', () => {
    const layers = [new ReLU(), new LeakyReLU(0.3), new Sigmoid(), new Tanh(), new GELU(), new Softplus({ beta: 2, threshold: 10 })];
    for (const layer of layers) assert.deepEqual(layerFromSpec(layer.toSpec()).toSpec(), layer.toSpec());
    assert.deepEqual(new LeakyReLU(0.3).toSpec(), { type: 'LeakyReLU', negativeSlope: 0.3 });
    assert.deepEqual(new Softplus().toSpec(), { type: 'Softplus' });
  });
});

describe('activation errors', () => {
  test('backward before forward names the layer', () => {
    expectThrowsWith(() => new GELU().backward(Tensor.zeros([2])), ['GELU', 'before forward']);
  });
  test('dy of the wrong shape names the layer and both shapes', () => {
    const layer = new Tanh();
    layer.forward(Tensor.zeros([2, 3]), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([3, 2])), ['Tanh', 'dy', '[2, 3]', '[3, 2]']);
  });
  test('bad options', () => {
    expectThrowsWith(() => new Softplus({ beta: 0 }), ['Softplus', 'beta']);
    expectThrowsWith(() => new LeakyReLU(Number.NaN), ['LeakyReLU', 'negativeSlope']);
  });
});
