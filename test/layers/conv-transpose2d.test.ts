// SPDX-License-Identifier: MIT
// ConvTranspose2d: float64 gradient checks over every option, the output size formula, the
// identity with Conv2d's input gradient, init, spec round trip, inference of inChannels, errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { transposedOutputSize, type Pair } from '../../src/kernels/geometry.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { ConvTranspose2d, type ConvTranspose2dLayerOptions } from '../../src/layers/conv-transpose2d.js';
import { modelFromSpec, layerFromSpec } from '../../src/layers/spec.js';
import type { Sequential } from '../../src/layers/sequential.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

interface Case {
  name: string;
  inC: number;
  outC: number;
  k: Pair;
  x: number[];
  options: ConvTranspose2dLayerOptions;
}

const cases: Case[] = [
  { name: 'x=[2,3,4,4] k=3', inC: 3, outC: 2, k: 3, x: [2, 3, 4, 4], options: {} },
  { name: 'batch 1 x=[1,2,3,5] k=3 s=2 p=1 outputPadding=1', inC: 2, outC: 3, k: 3, x: [1, 2, 3, 5], options: { stride: 2, padding: 1, outputPadding: 1 } },
  { name: 'x=[2,4,3,3] k=2 s=2 (U-Net up-step)', inC: 4, outC: 2, k: 2, x: [2, 4, 3, 3], options: { stride: 2 } },
  { name: 'groups 2 x=[2,4,3,4] outC=6 k=3 p=1', inC: 4, outC: 6, k: 3, x: [2, 4, 3, 4], options: { groups: 2, padding: 1 } },
  { name: 'depthwise x=[1,3,3,3] groups=3 s=2', inC: 3, outC: 3, k: 3, x: [1, 3, 3, 3], options: { groups: 3, stride: 2 } },
  { name: 'dilation 2 x=[2,2,4,3] k=3 p=2', inC: 2, outC: 2, k: 3, x: [2, 2, 4, 3], options: { dilation: 2, padding: 2 } },
  { name: 'dilation 3 outputPadding 2 > stride x=[1,2,3,3] k=2', inC: 2, outC: 2, k: 2, x: [1, 2, 3, 3], options: { dilation: 3, outputPadding: 2 } },
  { name: 'rectangular k=[2,3] s=[3,2] p=[1,2] a=[2,1] x=[1,2,4,5]', inC: 2, outC: 3, k: [2, 3], x: [1, 2, 4, 5], options: { stride: [3, 2], padding: [1, 2], outputPadding: [2, 1] } },
  { name: '1×1 bias off x=[2,5,3,2] outC=3', inC: 5, outC: 3, k: 1, x: [2, 5, 3, 2], options: { bias: false } },
];

describe('ConvTranspose2d gradcheck (float64)', () => {
  // Linear in x, in W and in b separately: no truncation error, so a step of 1e-3 (see conv2d.test.ts).
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(31);
      const layer = new ConvTranspose2d(c.inC, c.outC, c.k, { ...c.options, rng });
      expectGradientsOk(`ConvTranspose2d ${c.name}`, layer, randn(rng, c.x), { seed: 5, eps: 1e-3 });
    });
  }
});

describe('ConvTranspose2d properties', () => {
  test('output size is (H − 1)·s − 2p + d(k − 1) + outputPadding + 1', () => {
    for (const c of cases) {
      const layer = new ConvTranspose2d(c.inC, c.outC, c.k, c.options);
      const k = typeof c.k === 'number' ? [c.k, c.k] : c.k;
      const at = (v: Pair | undefined, i: number, d: number) => (v === undefined ? d : typeof v === 'number' ? v : v[i]);
      const size = (i: number) => transposedOutputSize(c.x[2 + i], k[i], at(c.options.stride, i, 1), at(c.options.padding, i, 0),
        at(c.options.dilation, i, 1), at(c.options.outputPadding, i, 0));
      assert.deepEqual(layer.outputShape(c.x), [c.x[0], c.outC, size(0), size(1)], c.name);
      assert.deepEqual([...layer.forward(randn(new Rng(1), c.x, 1, 'float32'), 'eval').shape], layer.outputShape(c.x), c.name);
    }
  });

  test('forward is the input gradient of the Conv2d with the same weight, and its dx is that Conv2d forward', () => {
    for (const c of cases) {
      const rng = new Rng(8);
      const t = new ConvTranspose2d(c.inC, c.outC, c.k, { ...c.options, bias: false, rng });
      const { outputPadding: _, ...convOptions } = c.options;
      const conv = new Conv2d(c.outC, c.inC, c.k, { ...convOptions, bias: false });
      for (const p of [...t.parameters(), ...conv.parameters()]) p.cast('float64');
      conv.weight.value.data.set(t.weight.value.data); // both [inC, outC/groups, kH, kW]
      const x = randn(rng, c.x);
      const y = t.forward(x, 'train');
      const u = randn(rng, [...y.shape]);
      const convOut = conv.forward(u, 'train');
      if (convOut.shape.join() !== x.shape.join()) continue; // outputPadding ≥ stride: the conv sees one more row
      expectClose(y.data, conv.backward(x).data, { rtol: 1e-12, atol: 1e-12, name: `forward ${c.name}` });
      expectClose(t.backward(u).data, convOut.data, { rtol: 1e-12, atol: 1e-12, name: `dx ${c.name}` });
    }
  });

  test('weight [inC, outC/groups, kH, kW] and PyTorch default init bound 1/√(outC/groups·kH·kW)', () => {
    const layer = new ConvTranspose2d(4, 6, [3, 2], { groups: 2, rng: new Rng(3) });
    assert.deepEqual([...layer.weight.value.shape], [4, 3, 3, 2]);
    const bound = 1 / Math.sqrt(3 * 3 * 2);
    let largest = 0;
    for (const p of layer.parameters()) for (const v of p.value.data) largest = Math.max(largest, Math.abs(v));
    assert.ok(largest <= bound && largest > 0.8 * bound, `largest |w| ${largest}, bound ${bound}`);
  });

  test('toSpec keeps only non-default options and round-trips; inChannels is inferred from the input', () => {
    const layer = new ConvTranspose2d(4, 2, 2, { stride: 2 });
    assert.deepEqual(layer.toSpec(), { type: 'ConvTranspose2d', inChannels: 4, outChannels: 2, kernelSize: 2, stride: 2 });
    for (const c of cases) {
      const spec = new ConvTranspose2d(c.inC, c.outC, c.k, c.options).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
    const model = modelFromSpec(
      [{ type: 'Conv2d', outChannels: 5, kernelSize: 3 }, { type: 'ConvTranspose2d', outChannels: 2, kernelSize: 3, stride: 2, outputPadding: 1 }],
      { inputShape: [1, 1, 7, 7] },
    ) as Sequential;
    assert.equal((model.layers[1] as ConvTranspose2d).inChannels, 5);
    assert.deepEqual(model.outputShape([3, 1, 7, 7]), [3, 2, 12, 12]);
    const row = model.summary([1, 1, 7, 7]).rows[1];
    assert.deepEqual([row.layer, row.outputShape, row.parameters],
      ['ConvTranspose2d(inChannels=5, outChannels=2, kernelSize=3, stride=2, outputPadding=1)', [1, 2, 12, 12], 5 * 2 * 3 * 3 + 2]);
  });
});

describe('ConvTranspose2d errors', () => {
  const rng = new Rng(0);
  test('wrong channels names the layer and both shapes', () => {
    expectThrowsWith(() => new ConvTranspose2d(3, 4, 3).forward(randn(rng, [2, 4, 8, 8], 1, 'float32'), 'train'), [
      'ConvTranspose2d: expected input of shape [N, 3, *, *], got [2, 4, 8, 8]',
    ]);
  });
  test('outputPadding not smaller than stride or dilation, bad groups, bad sizes', () => {
    expectThrowsWith(() => new ConvTranspose2d(2, 2, 3, { stride: 2, outputPadding: 2 }), ['ConvTranspose2d', 'outputPadding [2, 2]', 'stride [2, 2]']);
    expectThrowsWith(() => new ConvTranspose2d(2, 2, 3, { outputPadding: [0, 1] }), ['ConvTranspose2d', 'outputPadding [0, 1]']);
    expectThrowsWith(() => new ConvTranspose2d(3, 4, 3, { groups: 2 }), ['ConvTranspose2d', 'groups = 2', 'inChannels (3)']);
    expectThrowsWith(() => new ConvTranspose2d(3, 4, 0), ['ConvTranspose2d', 'kernelSize']);
    expectThrowsWith(() => new ConvTranspose2d(3, 4, 3, { padding: -1 }), ['ConvTranspose2d', 'padding']);
  });
  test('a padding that leaves no output', () => {
    expectThrowsWith(() => new ConvTranspose2d(1, 1, 1, { padding: 1 }).forward(randn(rng, [1, 1, 2, 2], 1, 'float32'), 'train'), [
      'ConvTranspose2d', '[1, 1, 2, 2]', 'non-positive output size 0×0',
    ]);
  });
  test('dy of the wrong shape', () => {
    const layer = new ConvTranspose2d(1, 2, 3);
    layer.forward(randn(rng, [1, 1, 3, 3], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 2, 3, 3], 1, 'float32')), ['ConvTranspose2d', 'dy', '[1, 2, 5, 5]', '[1, 2, 3, 3]']);
  });
  test('spec: unknown option and wrong type name the layer', () => {
    expectThrowsWith(() => layerFromSpec({ type: 'ConvTranspose2d', inChannels: 1, outChannels: 1, kernelSize: 2, outputPading: 1 }), ['ConvTranspose2d', 'outputPading']);
    expectThrowsWith(() => layerFromSpec({ type: 'ConvTranspose2d', inChannels: 1, outChannels: 1, kernelSize: 2, outputPadding: 'one' }), ['ConvTranspose2d', 'outputPadding']);
  });
});
