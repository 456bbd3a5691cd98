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
  test('forward matches the window means of naive loops (both divisor rules)', () => {
    const rng = new Rng(42);
    for (const c of cases) {
      const layer = new AvgPool2d(c.k, c.options);
      const x = randn(rng, c.x);
      const g = pool2dGeometry('test', c.x, { kernelSize: c.k, ...c.options });
      const expected = naiveAvgPool(x, g, c.options.countIncludePad ?? true).y;
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

  test('toSpec round-trips', () => {
    assert.deepEqual(new AvgPool2d(2, { countIncludePad: false }).toSpec(), { type: 'AvgPool2d', kernelSize: 2, countIncludePad: false });
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
  test('dy of the wrong shape, and backward before forward', () => {
    expectThrowsWith(() => new AvgPool2d(2).backward(randn(rng, [1, 1, 1, 1], 1, 'float32')), ['AvgPool2d', 'before forward']);
    const layer = new AvgPool2d(2);
    layer.forward(randn(rng, [1, 1, 4, 4], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 1, 2, 3], 1, 'float32')), ['AvgPool2d', 'dy', '[1, 1, 2, 2]', '[1, 1, 2, 3]']);
  });
});
