// SPDX-License-Identifier: MIT
// LayerNorm: float64 gradcheck over k = 1..3 normalised dims (with and without affine), the
// statistics each instance gets, independence from the mode and from a per-instance shift and
// scale, spec round trips with strict options, and clear errors for bad shapes and options.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LayerNorm } from '../../src/layers/layer-norm.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, randomizeParameters, Rng } from './util.js';

function f64(layer: LayerNorm): LayerNorm {
  for (const p of layer.parameters()) p.cast('float64');
  return layer;
}

describe('LayerNorm gradcheck (float64)', () => {
  const cases: [string, number[], number[], boolean][] = [
    ['[5] x=[4,5]', [5], [4, 5], true],
    ['[7] batch 1 x=[1,7]', [7], [1, 7], true],
    ['[3,4] x=[2,3,4]', [3, 4], [2, 3, 4], true],
    ['[2,3,3] x=[2,2,3,3]', [2, 3, 3], [2, 2, 3, 3], true],
    ['[6] leading [2,3] x=[2,3,6]', [6], [2, 3, 6], true],
    ['[5] no affine x=[3,5]', [5], [3, 5], false],
  ];
  cases.forEach(([name, shape, x, affine], i) => {
    test(name, () => {
      const rng = new Rng(100 + i);
      const layer = f64(new LayerNorm(shape, { elementwiseAffine: affine }));
      randomizeParameters(layer, rng);
      expectGradientsOk(`LayerNorm ${name}`, layer, randn(rng, x, 2));
    });
  });
  test('weight without bias (bias: false) x=[3,4]', () => {
    const rng = new Rng(120);
    const layer = f64(new LayerNorm(4, { bias: false }));
    randomizeParameters(layer, rng);
    assert.deepEqual(layer.parameters().map((p) => p.name), ['weight']);
    expectGradientsOk('LayerNorm bias=false', layer, randn(rng, [3, 4]));
  });
});

describe('LayerNorm properties', () => {
  test('with γ = 1, β = 0 every instance has mean 0 and variance 1 − ε/(σ² + ε), in train and eval alike', () => {
    const rng = new Rng(7);
    for (const [shape, x] of [[[5], [3, 5]], [[3, 4], [2, 3, 4]], [[2, 3, 5], [2, 2, 3, 5]], [[13], [4, 2, 13]]] as const) {
      const layer = f64(new LayerNorm([...shape]));
      const input = randn(rng, x, 3);
      for (let i = 0; i < input.size; i++) input.data[i] += 5;
      const y = layer.forward(input, 'train');
      assert.deepEqual(layer.forward(input, 'eval').data, y.data, 'eval gives the same output');
      const M = shape.reduce((a, b) => a * b, 1);
      for (let r = 0; r < input.size / M; r++) {
        const row = Array.from(y.data.subarray(r * M, (r + 1) * M));
        const mean = row.reduce((a, b) => a + b, 0) / M;
        const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / M;
        const xs = Array.from(input.data.subarray(r * M, (r + 1) * M));
        const xMean = xs.reduce((a, b) => a + b, 0) / M;
        const sigma2 = xs.reduce((a, b) => a + (b - xMean) ** 2, 0) / M;
        assert.ok(Math.abs(mean) < 1e-12, `row ${r} mean ${mean}`);
        assert.ok(Math.abs(variance - sigma2 / (sigma2 + 1e-5)) < 1e-12, `row ${r} variance ${variance}`);
      }
    }
  });

  test('a per-instance shift and positive scale of x leave y unchanged (with ε scaled along)', () => {
    const rng = new Rng(8);
    const layer = f64(new LayerNorm([4, 3], { eps: 1e-5 }));
    randomizeParameters(layer, rng);
    const x = randn(rng, [3, 4, 3]);
    const shifted = x.clone();
    const scales = [0.5, 2, 7];
    for (let i = 0; i < x.size; i++) shifted.data[i] = scales[Math.floor(i / 12)] * x.data[i] + 3 * Math.floor(i / 12) - 1;
    const y = layer.forward(x, 'train');
    // ε does not scale with x: row r of the shifted input, with ε·s_r², gives row r of y.
    for (let r = 0; r < 3; r++) {
      const per = f64(new LayerNorm([4, 3], { eps: 1e-5 * scales[r] ** 2 }));
      per.weight!.value.data.set(layer.weight!.value.data);
      per.bias!.value.data.set(layer.bias!.value.data);
      const yr = per.forward(shifted, 'train');
      expectClose(yr.data.subarray(r * 12, (r + 1) * 12), y.data.subarray(r * 12, (r + 1) * 12), { rtol: 1e-10, atol: 1e-10, name: `row ${r}` });
    }
  });

  test('backward after eval matches backward after train (no running statistics)', () => {
    const rng = new Rng(9);
    const a = f64(new LayerNorm(6));
    randomizeParameters(a, rng);
    const x = randn(rng, [2, 6]);
    const dy = randn(rng, [2, 6]);
    a.forward(x, 'train');
    const dxTrain = a.backward(dy);
    a.forward(x, 'eval');
    const dxEval = a.backward(dy);
    assert.deepEqual(Array.from(dxEval.data), Array.from(dxTrain.data));
    assert.deepEqual(a.buffers(), []);
  });
});

describe('LayerNorm spec and errors', () => {
  test('spec round trip keeps options that are not defaults; a number is one dim', () => {
    for (const spec of [
      { type: 'LayerNorm', normalizedShape: [5] },
      { type: 'LayerNorm', normalizedShape: [3, 4], eps: 1e-3 },
      { type: 'LayerNorm', normalizedShape: [2, 3, 4], elementwiseAffine: false },
      { type: 'LayerNorm', normalizedShape: [4], bias: false },
    ]) {
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec);
    }
    assert.deepEqual(layerFromSpec({ type: 'LayerNorm', normalizedShape: 6 }).toSpec(), { type: 'LayerNorm', normalizedShape: [6] });
    assert.deepEqual(new LayerNorm(6).parameters().map((p) => [p.name, [...p.value.shape]]), [['weight', [6]], ['bias', [6]]]);
  });

  test('bad specs name the layer and the field', () => {
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm' }), ['LayerNorm', "missing 'normalizedShape'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm', normalizedShape: [4], momentum: 0.1 }), ['LayerNorm', "unknown option 'momentum'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm', normalizedShape: [0] }), ['LayerNorm', 'normalizedShape']);
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm', normalizedShape: 'x' }), ['LayerNorm', 'normalizedShape']);
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm', normalizedShape: [4], eps: -1 }), ['LayerNorm', 'eps']);
    expectThrowsWith(() => layerFromSpec({ type: 'LayerNorm', normalizedShape: [4], elementwiseAffine: 1 }), ['LayerNorm', 'elementwiseAffine']);
  });

  test('an input whose last dims are not normalizedShape gets both shapes', () => {
    const layer = new LayerNorm([3, 4]);
    expectThrowsWith(() => layer.forward(randn(new Rng(1), [2, 4, 3], 1, 'float32'), 'train'), ['LayerNorm', '[N, ..., 3, 4]', '[2, 4, 3]']);
    expectThrowsWith(() => layer.outputShape([3, 4]), ['LayerNorm', '[3, 4]']);
    expectThrowsWith(() => layer.backward(randn(new Rng(1), [2, 3, 4], 1, 'float32')), ['LayerNorm', 'backward called before forward']);
    layer.forward(randn(new Rng(1), [2, 3, 4], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(new Rng(1), [1, 3, 4], 1, 'float32')), ['LayerNorm', 'dy', '[1, 3, 4]']);
  });
});
