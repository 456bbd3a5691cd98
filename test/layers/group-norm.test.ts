// SPDX-License-Identifier: MIT
// GroupNorm: float64 gradcheck for groups = 1, = C and in between, with and without affine and
// spatial dims; per-(sample, group) statistics; groups = 1 equals LayerNorm over [C, H, W] with
// per-channel γ; the degenerate one-entry groups (y = β, dx = 0 exactly); spec and errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupNorm } from '../../src/layers/group-norm.js';
import { LayerNorm } from '../../src/layers/layer-norm.js';
import { layerFromSpec, modelFromSpec } from '../../src/layers/spec.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, randomizeParameters, Rng } from './util.js';

function f64<L extends GroupNorm | LayerNorm>(layer: L): L {
  for (const p of layer.parameters()) p.cast('float64');
  return layer;
}

describe('GroupNorm gradcheck (float64)', () => {
  const cases: [string, number, number, number[], boolean][] = [
    ['G=2 C=6 x=[2,6,3,3]', 2, 6, [2, 6, 3, 3], true],
    ['G=1 C=4 (groups=1) x=[2,4,2,3]', 1, 4, [2, 4, 2, 3], true],
    ['G=C=3 (groups=C) x=[2,3,3,2]', 3, 3, [2, 3, 3, 2], true],
    ['G=3 C=6 batch 1 x=[1,6,3,5]', 3, 6, [1, 6, 3, 5], true],
    ['G=2 C=4 no spatial dims x=[3,4]', 2, 4, [3, 4], true],
    ['G=2 C=4 no affine x=[2,4,3]', 2, 4, [2, 4, 3], false],
  ];
  cases.forEach(([name, G, C, x, affine], i) => {
    test(name, () => {
      const rng = new Rng(200 + i);
      const layer = f64(new GroupNorm(G, C, { affine }));
      randomizeParameters(layer, rng);
      expectGradientsOk(`GroupNorm ${name}`, layer, randn(rng, x, 2));
    });
  });
});

describe('GroupNorm properties', () => {
  test('with γ = 1, β = 0 each (sample, group) has mean 0 and variance σ²/(σ² + ε)', () => {
    const rng = new Rng(11);
    for (const [G, C, x] of [[2, 6, [3, 6, 4, 5]], [1, 3, [2, 3, 3, 3]], [5, 5, [2, 5, 7]], [4, 8, [1, 8, 2, 2]]] as const) {
      const layer = f64(new GroupNorm(G, C));
      const input = randn(rng, [...x], 2);
      for (let i = 0; i < input.size; i++) input.data[i] += 3;
      const y = layer.forward(input, 'eval');
      const K = input.size / (x[0] * G);
      for (let b = 0; b < x[0] * G; b++) {
        const row = Array.from(y.data.subarray(b * K, (b + 1) * K));
        const xs = Array.from(input.data.subarray(b * K, (b + 1) * K));
        const mean = row.reduce((a, v) => a + v, 0) / K;
        const xMean = xs.reduce((a, v) => a + v, 0) / K;
        const sigma2 = xs.reduce((a, v) => a + (v - xMean) ** 2, 0) / K;
        const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / K;
        assert.ok(Math.abs(mean) < 1e-12, `G=${G} block ${b} mean ${mean}`);
        assert.ok(Math.abs(variance - sigma2 / (sigma2 + 1e-5)) < 1e-12, `G=${G} block ${b} variance ${variance}`);
      }
    }
  });

  test('groups = 1 is LayerNorm over [C, H, W] when γ, β are constant over each channel', () => {
    const rng = new Rng(12);
    const gn = f64(new GroupNorm(1, 3));
    randomizeParameters(gn, rng);
    const ln = f64(new LayerNorm([3, 2, 4]));
    for (let i = 0; i < 24; i++) {
      ln.weight!.value.data[i] = gn.weight!.value.data[Math.floor(i / 8)];
      ln.bias!.value.data[i] = gn.bias!.value.data[Math.floor(i / 8)];
    }
    const x = randn(rng, [2, 3, 2, 4]);
    const dy = randn(rng, [2, 3, 2, 4]);
    expectClose(gn.forward(x, 'train').data, ln.forward(x, 'train').data, { rtol: 1e-12, atol: 1e-12, name: 'y' });
    expectClose(gn.backward(dy).data, ln.backward(dy).data, { rtol: 1e-12, atol: 1e-12, name: 'dx' });
  });

  test('one entry per group: y = β and dx = 0 exactly, dγ = 0, dβ = dy summed', () => {
    const rng = new Rng(13);
    const layer = f64(new GroupNorm(3, 3));
    randomizeParameters(layer, rng);
    const x = randn(rng, [2, 3, 1, 1]);
    const y = layer.forward(x, 'train');
    for (let i = 0; i < 6; i++) assert.equal(y.data[i], layer.bias!.value.data[i % 3]);
    const dy = randn(rng, [2, 3, 1, 1]);
    const dx = layer.backward(dy);
    assert.deepEqual(Array.from(dx.data), [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(Array.from(layer.weight!.grad.data), [0, 0, 0]);
    expectClose(layer.bias!.grad.data, [0, 1, 2].map((c) => dy.data[c] + dy.data[c + 3]), { rtol: 1e-15, name: 'dβ' });
  });
});

describe('GroupNorm spec and errors', () => {
  test('spec round trip; numChannels inferred from the input shape', () => {
    for (const spec of [
      { type: 'GroupNorm', numGroups: 2, numChannels: 6 },
      { type: 'GroupNorm', numGroups: 1, numChannels: 3, eps: 1e-3 },
      { type: 'GroupNorm', numGroups: 4, numChannels: 4, affine: false },
    ]) {
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec);
    }
    const model = modelFromSpec([{ type: 'Conv2d', outChannels: 6, kernelSize: 3 }, { type: 'GroupNorm', numGroups: 3 }], { inputShape: [1, 2, 5, 5] });
    assert.deepEqual(model.toSpec().layers, [
      { type: 'Conv2d', inChannels: 2, outChannels: 6, kernelSize: 3 },
      { type: 'GroupNorm', numGroups: 3, numChannels: 6 },
    ]);
    const row = model.summary([1, 2, 5, 5]).rows[1];
    assert.deepEqual([row.layer, row.outputShape, row.parameters], ['GroupNorm(numGroups=3, numChannels=6)', [1, 6, 3, 3], 12]);
  });

  test('bad options and shapes name the layer and the values', () => {
    expectThrowsWith(() => new GroupNorm(4, 6), ['GroupNorm', 'numChannels (6)', 'numGroups (4)']);
    expectThrowsWith(() => new GroupNorm(0, 6), ['GroupNorm', 'numGroups']);
    expectThrowsWith(() => layerFromSpec({ type: 'GroupNorm', numChannels: 4 }), ['GroupNorm', "missing 'numGroups'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'GroupNorm', numGroups: 2 }), ['GroupNorm', "missing 'numChannels'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'GroupNorm', numGroups: 2, numChannels: 4, momentum: 1 }), ["unknown option 'momentum'"]);
    expectThrowsWith(
      () => modelFromSpec([{ type: 'GroupNorm', numGroups: 2, numChannels: 4 }], { inputShape: [1, 6, 3, 3] }),
      ['numChannels', '4', '6'],
    );
    const layer = new GroupNorm(2, 4);
    expectThrowsWith(() => layer.forward(randn(new Rng(1), [2, 6, 3], 1, 'float32'), 'train'), ['GroupNorm', '[N, 4, *]', '[2, 6, 3]']);
    expectThrowsWith(() => layer.outputShape([4]), ['GroupNorm', '[4]']);
  });
});
