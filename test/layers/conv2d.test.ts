// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conv2dGeometry, outputSize, type Pair } from '../../src/kernels/geometry.js';
import { Conv2d, type Conv2dLayerOptions } from '../../src/layers/conv2d.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveConv2d } from '../kernels/naive-conv.js';
import { recordKernelCalls } from './kernel-spy.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

interface Case {
  name: string;
  inC: number;
  outC: number;
  k: Pair;
  x: number[];
  options: Conv2dLayerOptions;
}

const cases: Case[] = [
  { name: 'x=[2,3,7,7] k=3 s=1 p=1', inC: 3, outC: 4, k: 3, x: [2, 3, 7, 7], options: { padding: 1 } },
  { name: 'odd size floored x=[1,2,8,9] k=3 s=2', inC: 2, outC: 3, k: 3, x: [1, 2, 8, 9], options: { stride: 2 } },
  { name: 'stride > kernel x=[2,2,8,7] k=2 s=3', inC: 2, outC: 2, k: 2, x: [2, 2, 8, 7], options: { stride: 3 } },
  { name: 'dilation 2 x=[2,2,7,7] k=3 d=2 p=2', inC: 2, outC: 3, k: 3, x: [2, 2, 7, 7], options: { dilation: 2, padding: 2 } },
  { name: 'groups 2 x=[2,4,5,5] outC=6 k=3 p=1', inC: 4, outC: 6, k: 3, x: [2, 4, 5, 5], options: { groups: 2, padding: 1 } },
  { name: 'depthwise x=[2,3,6,5] groups=3 k=3', inC: 3, outC: 3, k: 3, x: [2, 3, 6, 5], options: { groups: 3 } },
  { name: 'depthwise ×2 x=[1,3,5,5] outC=6 groups=3 k=3 p=1', inC: 3, outC: 6, k: 3, x: [1, 3, 5, 5], options: { groups: 3, padding: 1 } },
  { name: 'bias off x=[2,2,5,5] k=3', inC: 2, outC: 3, k: 3, x: [2, 2, 5, 5], options: { bias: false } },
  { name: 'rectangular k=[2,3] s=[1,2] p=[1,0] x=[2,2,6,7]', inC: 2, outC: 2, k: [2, 3], x: [2, 2, 6, 7], options: { stride: [1, 2], padding: [1, 0] } },
  { name: '1×1 x=[2,5,4,3] outC=3', inC: 5, outC: 3, k: 1, x: [2, 5, 4, 3], options: {} },
  { name: 'batch 1, kernel = padded input x=[1,1,3,3] k=5 p=1', inC: 1, outC: 2, k: 5, x: [1, 1, 3, 3], options: { padding: 1 } },
];

describe('Conv2d gradcheck (float64)', () => {
  // Conv is linear in x, in W and in b separately, so a central difference has no truncation
  // error at any step; a step of 1e-3 (instead of 1e-6) divides the rounding error of L = Σ r⊙y,
  // a sum over every output, by 1000. At 1e-6 that rounding reaches ~2e-9, which against the
  // gradcheck floor of 1e-3 reads as a relative error of ~2e-6 on small gradients.
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(21);
      const layer = new Conv2d(c.inC, c.outC, c.k, { ...c.options, rng });
      expectGradientsOk(`Conv2d ${c.name}`, layer, randn(rng, c.x), { seed: 4, eps: 1e-3 });
    });
  }
});

describe('Conv2d properties', () => {
  test('forward matches the direct seven-loop definition, with the output size from the formula', () => {
    for (const c of cases) {
      const rng = new Rng(8);
      const layer = new Conv2d(c.inC, c.outC, c.k, { ...c.options, rng });
      for (const p of layer.parameters()) p.cast('float64');
      const x = randn(rng, c.x);
      const y = layer.forward(x, 'eval');
      const g = conv2dGeometry('test', c.x, { outChannels: c.outC, kernelSize: c.k, ...c.options });
      const [kH] = typeof c.k === 'number' ? [c.k] : c.k;
      const s = c.options.stride ?? 1;
      const p = c.options.padding ?? 0;
      const expectedOH = outputSize(c.x[2], kH, typeof s === 'number' ? s : s[0], typeof p === 'number' ? p : p[0], (c.options.dilation as number) ?? 1);
      assert.deepEqual([...y.shape], [c.x[0], c.outC, expectedOH, g.OW], `${c.name}: shape`);
      expectClose(y.data, naiveConv2d(x, layer.weight.value, layer.bias?.value ?? null, g), { rtol: 1e-12, atol: 1e-12, name: c.name });
    }
  });

  test('conv without bias is linear in its input: f(a·x₁ + b·x₂) = a·f(x₁) + b·f(x₂)', () => {
    const rng = new Rng(9);
    for (const c of cases) {
      const layer = new Conv2d(c.inC, c.outC, c.k, { ...c.options, bias: false, rng });
      for (const p of layer.parameters()) p.cast('float64');
      const x1 = randn(rng, c.x);
      const x2 = randn(rng, c.x);
      const [a, b] = [0.7, -1.3];
      const mixed = Tensor.zeros(c.x, 'float64');
      for (let i = 0; i < mixed.size; i++) mixed.data[i] = a * x1.data[i] + b * x2.data[i];
      const y1 = layer.forward(x1, 'eval');
      const y2 = layer.forward(x2, 'eval');
      const expected = y1.data.map((v, i) => a * v + b * y2.data[i]);
      expectClose(layer.forward(mixed, 'eval').data, expected, { rtol: 1e-10, atol: 1e-12, name: c.name });
    }
  });

  test('weight shape [outC, inC/groups, kH, kW] and PyTorch default init bound 1/√(inC/groups·kH·kW)', () => {
    const layer = new Conv2d(4, 6, [3, 2], { groups: 2, rng: new Rng(3) });
    assert.deepEqual([...layer.weight.value.shape], [6, 2, 3, 2]);
    const bound = 1 / Math.sqrt(2 * 3 * 2);
    for (const p of layer.parameters()) for (const v of p.value.data) assert.ok(Math.abs(v) <= bound);
  });

  test('toSpec keeps only the options that differ from the defaults and round-trips', () => {
    const layer = new Conv2d(1, 6, 5, { padding: 2 });
    assert.deepEqual(layer.toSpec(), { type: 'Conv2d', inChannels: 1, outChannels: 6, kernelSize: 5, padding: 2 });
    for (const c of cases) {
      const spec = new Conv2d(c.inC, c.outC, c.k, c.options).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
  });
});

describe('Conv2d backward without dx (needInputGrad: false)', () => {
  test('every case, and 1×1: same dW and db bit for bit, null dx, and the kernel is told needDx = false', () => {
    const all: Case[] = [...cases, { name: '1×1 x=[2,3,4,4] outC=2', inC: 3, outC: 2, k: 1, x: [2, 3, 4, 4], options: {} }];
    for (const c of all) {
      const rng = new Rng(14);
      const x = randn(rng, c.x, 1, 'float32');
      const full = new Conv2d(c.inC, c.outC, c.k, { ...c.options, rng: new Rng(5) });
      const skip = new Conv2d(c.inC, c.outC, c.k, { ...c.options, rng: new Rng(5) });
      const dy = randn(rng, [...full.forward(x, 'train').shape], 1, 'float32');
      const fullCalls = recordKernelCalls(() => assert.deepEqual([...full.backward(dy).shape], c.x, c.name));
      const skipCalls = recordKernelCalls(() => {
        skip.forward(x, 'train');
        assert.equal(skip.backward(dy, { needInputGrad: false }), null, c.name);
      });
      assert.deepEqual(fullCalls.convNeedDx, [true], c.name);
      assert.deepEqual(skipCalls.convNeedDx, [false], c.name);
      assert.deepEqual(skip.parameters().map((p) => Array.from(p.grad.data)), full.parameters().map((p) => Array.from(p.grad.data)), c.name);
    }
  });
});

describe('Conv2d errors', () => {
  const rng = new Rng(0);
  test('wrong channels names the layer and both shapes', () => {
    expectThrowsWith(() => new Conv2d(3, 4, 3).forward(randn(rng, [2, 4, 8, 8], 1, 'float32'), 'train'), [
      'Conv2d: expected input of shape [N, 3, *, *], got [2, 4, 8, 8]',
    ]);
  });
  test('wrong rank', () => {
    expectThrowsWith(() => new Conv2d(3, 4, 3).forward(randn(rng, [3, 8, 8], 1, 'float32'), 'train'), [
      'Conv2d',
      '[N, 3, *, *]',
      '[3, 8, 8]',
    ]);
  });
  test('kernel larger than the padded input', () => {
    expectThrowsWith(() => new Conv2d(1, 1, 5, { padding: 1 }).forward(randn(rng, [1, 1, 2, 8], 1, 'float32'), 'train'), [
      'Conv2d',
      'larger than the padded input 4×10',
      '[1, 1, 2, 8]',
    ]);
    expectThrowsWith(() => new Conv2d(1, 1, 3, { dilation: 3 }).forward(randn(rng, [1, 1, 6, 6], 1, 'float32'), 'train'), [
      'Conv2d',
      'span 7×7',
    ]);
  });
  test('dy of the wrong shape', () => {
    const layer = new Conv2d(1, 2, 3);
    layer.forward(randn(rng, [1, 1, 5, 5], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 2, 5, 5], 1, 'float32')), ['Conv2d', 'dy', '[1, 2, 3, 3]', '[1, 2, 5, 5]']);
  });
  test('bad constructor arguments', () => {
    expectThrowsWith(() => new Conv2d(3, 4, 3, { groups: 2 }), ['Conv2d', 'groups = 2', 'inChannels (3)']);
    expectThrowsWith(() => new Conv2d(3, 4, 0), ['Conv2d', 'kernelSize', '≥ 1']);
    expectThrowsWith(() => new Conv2d(3, 4, 3, { stride: 0 }), ['Conv2d', 'stride']);
    expectThrowsWith(() => new Conv2d(3, 4, 3, { padding: -1 }), ['Conv2d', 'padding']);
    expectThrowsWith(() => new Conv2d(3, 4, 2.5), ['Conv2d', 'kernelSize']);
  });
});
