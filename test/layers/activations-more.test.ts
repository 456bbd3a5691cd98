// SPDX-License-Identifier: MIT
// ReLU6, Hardsigmoid, Hardswish, SiLU, ELU, Mish and GELU (tanh): float64 gradcheck on inputs kept
// away from the kinks (−3, 0, 3, 6) but spread over every piece, properties that tie each to its
// definition or to a neighbour (hardswish = x·hardsigmoid, GELU tanh ≈ GELU), spec round trips and
// bad options.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ELU, GELU, Hardsigmoid, Hardswish, Mish, ReLU6, SiLU } from '../../src/layers/activations.js';
import type { Layer } from '../../src/layers/layer.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

/** n values spread over [−8, 8], none within 0.05 of a kink (−3, 0, 3, 6). */
function awayFromKinks(rng: Rng, shape: number[]): Tensor {
  const x = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < x.size; i++) {
    let v: number;
    do v = rng.uniform(-8, 8);
    while ([-3, 0, 3, 6].some((kink) => Math.abs(v - kink) < 0.05));
    x.data[i] = v;
  }
  return x;
}

function run(layer: Layer, values: number[]): number[] {
  return layer.forward(Tensor.from(values, [values.length], 'float64'), 'eval').toArray();
}

describe('more activations: gradcheck (float64)', () => {
  // The piecewise ones are polynomial on each piece (degree ≤ 2): central differences of step 1e-3 are exact.
  const piecewise: [string, () => Layer][] = [['ReLU6', () => new ReLU6()], ['Hardsigmoid', () => new Hardsigmoid()], ['Hardswish', () => new Hardswish()]];
  piecewise.forEach(([name, make], i) => {
    test(`${name}, x=[4,9] spread over every piece`, () => {
      expectGradientsOk(name, make(), awayFromKinks(new Rng(30 + i), [4, 9]), { eps: 1e-3 });
    });
  });
  test('SiLU x=[4,9] (scale 4)', () => expectGradientsOk('SiLU', new SiLU(), randn(new Rng(40), [4, 9], 4)));
  test('ELU α=1 and α=0.4, x away from 0', () => {
    expectGradientsOk('ELU', new ELU(), awayFromKinks(new Rng(41), [3, 8]));
    expectGradientsOk('ELU 0.4', new ELU(0.4), awayFromKinks(new Rng(42), [2, 3, 4]));
  });
  test('Mish x=[4,9] (scale 4)', () => expectGradientsOk('Mish', new Mish(), randn(new Rng(43), [4, 9], 4)));
  test('GELU tanh x=[4,9] (scale 3)', () => expectGradientsOk('GELU tanh', new GELU({ approximate: 'tanh' }), randn(new Rng(44), [4, 9], 3)));
});

describe('more activations: properties', () => {
  const xs = Array.from({ length: 161 }, (_, i) => -8 + i * 0.1);
  test('ReLU6 is min(max(x, 0), 6); Hardsigmoid lies in [0, 1] with hardsigmoid(x) + hardsigmoid(−x) = 1', () => {
    assert.deepEqual(run(new ReLU6(), xs), xs.map((x) => Math.min(Math.max(x, 0), 6)));
    const h = run(new Hardsigmoid(), xs);
    const hMinus = run(new Hardsigmoid(), xs.map((x) => -x));
    h.forEach((v, i) => {
      assert.ok(v >= 0 && v <= 1, `hardsigmoid(${xs[i]}) = ${v}`);
      assert.ok(Math.abs(v + hMinus[i] - 1) < 1e-15, `symmetry at ${xs[i]}`);
    });
  });
  test('Hardswish is x·Hardsigmoid(x): 0 below −3, x above 3', () => {
    const h = run(new Hardsigmoid(), xs);
    run(new Hardswish(), xs).forEach((v, i) => assert.ok(Math.abs(v - xs[i] * h[i]) < 1e-14, `hardswish(${xs[i]}) = ${v}`));
    assert.deepEqual(run(new Hardswish(), [-5, -3, 3, 5]), [-0, -0, 3, 5]);
  });
  test('SiLU: silu(x) − silu(−x) = x; Mish lies above −0.31 and → x for large x', () => {
    const s = run(new SiLU(), xs);
    const sMinus = run(new SiLU(), xs.map((x) => -x));
    s.forEach((v, i) => assert.ok(Math.abs(v - sMinus[i] - xs[i]) < 1e-14, `silu at ${xs[i]}`));
    const m = run(new Mish(), [...xs, 30, 1e4, -1e4]);
    m.forEach((v) => assert.ok(v > -0.31, `mish ${v}`));
    assert.deepEqual(m.slice(-3), [30, 1e4, -0]);
  });
  test('ELU is continuous at 0 and tends to −α; its derivative at 0 is α (as PyTorch)', () => {
    const elu = new ELU(0.7);
    const y = run(elu, [-1e-9, 0, 1e-9, -50]);
    assert.ok(Math.abs(y[0]) < 1e-9 && y[1] === 0 && y[2] === 1e-9 && Math.abs(y[3] + 0.7) < 1e-15, `${y}`);
    elu.forward(Tensor.from([0], [1], 'float64'), 'train');
    assert.deepEqual(elu.backward(Tensor.from([1], [1], 'float64')).toArray(), [0.7]);
  });
  test('GELU tanh stays within 5e-4 of the exact GELU', () => {
    const exact = run(new GELU(), xs);
    run(new GELU({ approximate: 'tanh' }), xs).forEach((v, i) => assert.ok(Math.abs(v - exact[i]) < 5e-4, `at ${xs[i]}: ${v} vs ${exact[i]}`));
  });
});

describe('more activations: specs and errors', () => {
  test('toSpec round-trips, options kept only when not the default', () => {
    for (const spec of [
      { type: 'ReLU6' }, { type: 'Hardsigmoid' }, { type: 'Hardswish' }, { type: 'SiLU' }, { type: 'Mish' },
      { type: 'ELU' }, { type: 'ELU', alpha: 0.5 }, { type: 'GELU' }, { type: 'GELU', approximate: 'tanh' },
    ]) {
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec);
    }
    assert.deepEqual(layerFromSpec({ type: 'GELU', approximate: 'none' }).toSpec(), { type: 'GELU' });
    assert.deepEqual(layerFromSpec({ type: 'ELU', alpha: 1 }).toSpec(), { type: 'ELU' });
  });
  test('bad options name the layer and the field', () => {
    expectThrowsWith(() => layerFromSpec({ type: 'GELU', approximate: 'erf' }), ['GELU', 'approximate', "'none', 'tanh'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'ELU', alpha: 'big' }), ['ELU', 'alpha']);
    expectThrowsWith(() => layerFromSpec({ type: 'ReLU6', max: 6 }), ['ReLU6', "unknown option 'max'"]);
    expectThrowsWith(() => new GELU({ approximate: 'fast' as 'tanh' }), ['GELU', 'approximate']);
    expectThrowsWith(() => new ELU(Number.NaN), ['ELU', 'alpha']);
  });
});
