// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pool2dGeometry, type Pair } from '../../src/kernels/geometry.js';
import { AvgPool2d, type AvgPool2dOptions } from '../../src/layers/avg-pool2d.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { naiveAvgPool } from '../kernels/naive-conv.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

const cases: { name: string; k: Pair; x: number[]; options: AvgPool2dOptions }[] = [
  { name: 'k=2 x=[2,3,6,6]', k: 2, x: [2, 3, 6, 6], options: {} },
  { name: 'odd size floored k=2 x=[1,2,7,5]', k: 2, x: [1, 2, 7, 5], options: {} },
  { name: 'overlapping k=3 s=2 x=[2,2,7,7]', k: 3, x: [2, 2, 7, 7], options: { stride: 2 } },
  { name: 'padded k=3 s=2 p=1 countIncludePad x=[1,2,6,5]', k: 3, x: [1, 2, 6, 5], options: { stride: 2, padding: 1 } },
  { name: 'padded k=3 s=2 p=1 excluding pad x=[1,2,6,5]', k: 3, x: [1, 2, 6, 5], options: { stride: 2, padding: 1, countIncludePad: false } },
  { name: 'stride > kernel k=2 s=3 x=[2,1,8,8]', k: 2, x: [2, 1, 8, 8], options: { stride: 3 } },
  { name: 'rectangular k=[3,2] s=1 p=[1,1] excluding pad x=[1,1,4,5]', k: [3, 2], x: [1, 1, 4, 5], options: { stride: 1, padding: [1, 1], countIncludePad: false } },
  { name: 'ceilMode k=2 x=[2,2,5,7] (ragged windows)', k: 2, x: [2, 2, 5, 7], options: { ceilMode: true } },
  { name: 'ceilMode k=3 s=2 p=1 countIncludePad x=[1,2,6,6]', k: 3, x: [1, 2, 6, 6], options: { stride: 2, padding: 1, ceilMode: true } },
  { name: 'ceilMode k=3 s=2 p=1 excluding pad x=[1,2,6,6]', k: 3, x: [1, 2, 6, 6], options: { stride: 2, padding: 1, ceilMode: true, countIncludePad: false } },
  { name: 'ceilMode k=4 s=3 p=2 x=[1,1,7,7]', k: 4, x: [1, 1, 7, 7], options: { stride: 3, padding: 2, ceilMode: true } },
  { name: 'divisorOverride 3 ceilMode k=2 x=[2,1,5,5]', k: 2, x: [2, 1, 5, 5], options: { ceilMode: true, divisorOverride: 3 } },
  { name: 'four-sided padding [2,0,1,1] k=3 s=2 x=[1,2,5,6]', k: 3, x: [1, 2, 5, 6], options: { stride: 2, padding: [2, 0, 1, 1] } },
];

describe('AvgPool2d gradcheck (float64)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(41);
      // Average pooling is linear in x: a step of 1e-3 has no truncation error and less rounding.
      expectGradientsOk(`AvgPool2d ${c.name}`, new AvgPool2d(c.k, c.options), randn(rng, c.x), { seed: 2, eps: 1e-3 });
    });
  }
});

describe('AvgPool2d properties', () => {
  test('forward matches the window means of naive loops (every divisor rule)', () => {
    const rng = new Rng(42);
    for (const c of cases) {
      const layer = new AvgPool2d(c.k, c.options);
      const x = randn(rng, c.x);
      const g = pool2dGeometry('test', c.x, { kernelSize: c.k, ...c.options });
      const expected = naiveAvgPool(x, g, c.options.countIncludePad ?? true, c.options.divisorOverride).y;
      expectClose(layer.forward(x, 'train').data, expected, { rtol: 1e-12, atol: 1e-15, name: c.name });
    }
  });

  test('a constant input stays constant without padding, and with padding when padding is not counted', () => {
    const x = Tensor.full([1, 2, 5, 6], 2.5, 'float64');
    for (const layer of [new AvgPool2d(2), new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false })]) {
      assert.ok(layer.forward(x, 'eval').data.every((v) => Math.abs(v - 2.5) < 1e-14));
    }
    // Counting the padding pulls the corner windows towards 0: corner of a 3×3 window sees 4 real cells.
    const corner = new AvgPool2d(3, { stride: 1, padding: 1 }).forward(x, 'eval').get(0, 0, 0, 0);
    assert.ok(Math.abs(corner - (2.5 * 4) / 9) < 1e-14);
  });

  test('non-overlapping windows covering x: backward conserves the gradient sum', () => {
    const rng = new Rng(43);
    const layer = new AvgPool2d(2);
    layer.forward(randn(rng, [2, 3, 4, 6]), 'train');
    const dy = randn(rng, [2, 3, 2, 3]);
    const dx = layer.backward(dy);
    const sum = (t: Tensor) => t.toArray().reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum(dx) - sum(dy)) < 1e-12);
  });

  test('ceil mode: PyTorch\'s divisor at the ragged edge counts padding but not what lies past it', () => {
    // 6×6 of ones, k = 3, s = 2, p = 1, ceil mode: 4×4 windows starting at −1, 1, 3, 5.
    const ones = Tensor.full([1, 1, 6, 6], 1, 'float64');
    const counted = new AvgPool2d(3, { stride: 2, padding: 1, ceilMode: true }).forward(ones, 'eval');
    assert.deepEqual([...counted.shape], [1, 1, 4, 4]);
    // The last window holds row 5 (real), 6 (padding) and 7 (past it): divisor 2, not 3, per side.
    expectClose([counted.get(0, 0, 0, 0), counted.get(0, 0, 0, 3), counted.get(0, 0, 3, 3), counted.get(0, 0, 1, 1)], [4 / 9, 2 / 6, 1 / 4, 1], { rtol: 1e-15, name: 'divisors' });
    const real = new AvgPool2d(3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }).forward(ones, 'eval');
    assert.ok(real.data.every((v) => Math.abs(v - 1) < 1e-15));
    assert.equal(new AvgPool2d(2, { divisorOverride: 8 }).forward(ones, 'eval').get(0, 0, 0, 0), 0.5);
  });

  test('toSpec round-trips', () => {
    assert.deepEqual(new AvgPool2d(2, { countIncludePad: false }).toSpec(), { type: 'AvgPool2d', kernelSize: 2, countIncludePad: false });
    assert.deepEqual(new AvgPool2d(3, { padding: [1, 0, 2, 0], ceilMode: true, divisorOverride: 4 }).toSpec(), {
      type: 'AvgPool2d', kernelSize: 3, padding: [1, 0, 2, 0], ceilMode: true, divisorOverride: 4,
    });
    for (const c of cases) {
      const spec = new AvgPool2d(c.k, c.options).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
  });
});

describe('AvgPool2d errors', () => {
  const rng = new Rng(0);
  test('wrong rank names the layer and the shape', () => {
    expectThrowsWith(() => new AvgPool2d(2).forward(randn(rng, [6, 6], 1, 'float32'), 'train'), ['AvgPool2d', '[N, C, H, W]', '[6, 6]']);
  });
  test('kernel larger than the padded input', () => {
    expectThrowsWith(() => new AvgPool2d([2, 6]).forward(randn(rng, [1, 1, 4, 5], 1, 'float32'), 'train'), [
      'AvgPool2d',
      'larger than the padded input 4×5',
      '[1, 1, 4, 5]',
    ]);
  });
  test('bad divisorOverride, padding and ceilMode, in code and in specs', () => {
    expectThrowsWith(() => new AvgPool2d(2, { divisorOverride: 0 }), ['AvgPool2d', 'divisorOverride', '≥ 1', '0']);
    expectThrowsWith(() => new AvgPool2d(2, { divisorOverride: 1.5 }), ['AvgPool2d', 'divisorOverride']);
    expectThrowsWith(() => new AvgPool2d(3, { padding: 3 }), ['AvgPool2d', 'padding [3, 3]', 'less than the kernel [3, 3]']);
    expectThrowsWith(() => layerFromSpec({ type: 'AvgPool2d', kernelSize: 2, divisorOverride: -2 }), ['AvgPool2d', "'divisorOverride'", 'integer ≥ 1']);
    expectThrowsWith(() => layerFromSpec({ type: 'AvgPool2d', kernelSize: 2, ceilMode: 'yes' }), ['AvgPool2d', "'ceilMode'", 'true or false']);
    expectThrowsWith(() => layerFromSpec({ type: 'AvgPool2d', kernelSize: 2, dilation: 2 }), ['AvgPool2d', "unknown option 'dilation'"]);
  });
  test('dy of the wrong shape, and backward before forward', () => {
    expectThrowsWith(() => new AvgPool2d(2).backward(randn(rng, [1, 1, 1, 1], 1, 'float32')), ['AvgPool2d', 'before forward']);
    const layer = new AvgPool2d(2);
    layer.forward(randn(rng, [1, 1, 4, 4], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 1, 2, 3], 1, 'float32')), ['AvgPool2d', 'dy', '[1, 1, 2, 2]', '[1, 1, 2, 3]']);
  });
});
