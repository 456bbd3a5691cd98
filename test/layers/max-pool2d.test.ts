// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pool2dGeometry, type Pair } from '../../src/kernels/geometry.js';
import { MaxPool2d, type MaxPool2dOptions } from '../../src/layers/max-pool2d.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectClose } from '../helpers/close.js';
import { naiveMaxPool } from '../kernels/naive-conv.js';
import { distinctValues, expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

const cases: { name: string; k: Pair; x: number[]; options: MaxPool2dOptions }[] = [
  { name: 'k=2 x=[2,3,6,6]', k: 2, x: [2, 3, 6, 6], options: {} },
  { name: 'odd size floored k=2 x=[1,2,7,5]', k: 2, x: [1, 2, 7, 5], options: {} },
  { name: 'overlapping k=3 s=2 x=[2,2,7,7]', k: 3, x: [2, 2, 7, 7], options: { stride: 2 } },
  { name: 'overlapping k=3 s=1 p=1 x=[1,2,5,6]', k: 3, x: [1, 2, 5, 6], options: { stride: 1, padding: 1 } },
  { name: 'stride > kernel k=2 s=3 x=[2,1,8,8]', k: 2, x: [2, 1, 8, 8], options: { stride: 3 } },
  { name: 'rectangular k=[2,3] s=[2,1] p=[1,1] x=[1,2,5,7]', k: [2, 3], x: [1, 2, 5, 7], options: { stride: [2, 1], padding: [1, 1] } },
  { name: 'batch 1 one window k=4 x=[1,1,4,4]', k: 4, x: [1, 1, 4, 4], options: {} },
  { name: 'ceilMode k=2 x=[2,2,5,7] (ragged last row and column)', k: 2, x: [2, 2, 5, 7], options: { ceilMode: true } },
  { name: 'ceilMode k=3 s=2 p=1 x=[1,2,6,6]', k: 3, x: [1, 2, 6, 6], options: { stride: 2, padding: 1, ceilMode: true } },
  { name: 'ceilMode drops a window starting in the padding k=2 s=3 p=1 x=[1,2,4,4]', k: 2, x: [1, 2, 4, 4], options: { stride: 3, padding: 1, ceilMode: true } },
  { name: 'dilation 2 k=3 s=1 p=1 x=[2,1,7,8]', k: 3, x: [2, 1, 7, 8], options: { stride: 1, padding: 1, dilation: 2 } },
  { name: 'dilation [2,3] ceilMode k=2 x=[1,2,9,10]', k: 2, x: [1, 2, 9, 10], options: { dilation: [2, 3], ceilMode: true } },
  { name: 'four-sided padding [0,2,1,1] k=3 s=2 x=[1,2,5,6]', k: 3, x: [1, 2, 5, 6], options: { stride: 2, padding: [0, 2, 1, 1] } },
];

describe('MaxPool2d gradcheck (float64, distinct values: no ties)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(31);
      // Max pooling is piecewise linear and values are 0.05 apart, so a step of 1e-3 never changes
      // a window's winner and the central difference is exact up to rounding.
      expectGradientsOk(`MaxPool2d ${c.name}`, new MaxPool2d(c.k, c.options), distinctValues(rng, c.x), { seed: 2, eps: 1e-3 });
    });
  }
});

describe('MaxPool2d properties', () => {
  test('each output is the maximum of its window (naive loops), and dx sends each dy to its argmax', () => {
    const rng = new Rng(32);
    for (const c of cases) {
      const layer = new MaxPool2d(c.k, c.options);
      const x = randn(rng, c.x);
      const y = layer.forward(x, 'train');
      const g = pool2dGeometry('test', c.x, { kernelSize: c.k, ...c.options });
      const naive = naiveMaxPool(x, g);
      expectClose(y.data, naive.y, { rtol: 0, atol: 0, name: c.name });
      const dy = randn(rng, y.shape);
      const dx = layer.backward(dy);
      const expected = new Float64Array(x.size);
      naive.argmax.forEach((at, i) => (expected[at] += dy.data[i]));
      expectClose(dx.data, expected, { rtol: 1e-15, atol: 0, name: `${c.name} dx` });
    }
  });

  test('ties go to the first maximum (as PyTorch): a constant window routes dy to its top-left element', () => {
    const layer = new MaxPool2d(2);
    const x = randn(new Rng(1), [1, 1, 2, 2]);
    x.data.fill(3);
    layer.forward(x, 'train');
    const dx = layer.backward(randn(new Rng(1), [1, 1, 1, 1]).reshape([1, 1, 1, 1]));
    assert.deepEqual(dx.toArray().map((v) => v !== 0), [true, false, false, false]);
  });

  test('output sizes follow PyTorch: ceil mode adds a ragged window unless it would start in the padding', () => {
    const shape = (k: Pair, o: MaxPool2dOptions, x: number[]) => new MaxPool2d(k, o).outputShape(x);
    assert.deepEqual(shape(2, {}, [1, 1, 5, 7]), [1, 1, 2, 3]);
    assert.deepEqual(shape(2, { ceilMode: true }, [1, 1, 5, 7]), [1, 1, 3, 4]);
    assert.deepEqual(shape(2, { stride: 3, padding: 1, ceilMode: true }, [1, 1, 4, 4]), [1, 1, 2, 2]); // ⌈4/3⌉ + 1 = 3, dropped
    assert.deepEqual(shape(4, { stride: 2, ceilMode: true }, [1, 1, 3, 3]), [1, 1, 1, 1]); // kernel larger than the input
    assert.deepEqual(shape(3, { dilation: 2, padding: [1, 0, 2, 0] }, [1, 1, 9, 9]), [1, 1, 3, 2]); // ⌊(9 + 3 − 5)/3⌋ + 1, ⌊(9 − 5)/3⌋ + 1
  });

  test('stride defaults to the kernel size; toSpec round-trips', () => {
    const layer = new MaxPool2d(3);
    assert.deepEqual(layer.stride, [3, 3]);
    assert.deepEqual(layer.toSpec(), { type: 'MaxPool2d', kernelSize: 3 });
    assert.deepEqual(new MaxPool2d(3, { padding: [1, 1, 1, 1], dilation: [2, 2], ceilMode: true }).toSpec(), {
      type: 'MaxPool2d', kernelSize: 3, padding: 1, dilation: 2, ceilMode: true,
    });
    assert.deepEqual(new MaxPool2d([3, 2], { padding: [0, 1, 2, 1], dilation: [1, 2] }).toSpec(), {
      type: 'MaxPool2d', kernelSize: [3, 2], padding: [0, 1, 2, 1], dilation: [1, 2],
    });
    for (const c of cases) {
      const spec = new MaxPool2d(c.k, c.options).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
  });
});

describe('MaxPool2d errors', () => {
  const rng = new Rng(0);
  test('wrong rank names the layer and the shape', () => {
    expectThrowsWith(() => new MaxPool2d(2).forward(randn(rng, [2, 6, 6], 1, 'float32'), 'train'), [
      'MaxPool2d',
      '[N, C, H, W]',
      '[2, 6, 6]',
    ]);
  });
  test('kernel larger than the padded input', () => {
    expectThrowsWith(() => new MaxPool2d(4, { padding: 1 }).forward(randn(rng, [1, 1, 1, 5], 1, 'float32'), 'train'), [
      'MaxPool2d',
      'larger than the padded input 3×7',
      '[1, 1, 1, 5]',
    ]);
  });
  test('padding as large as the kernel (ONNX Runtime stops at kernel − 1, PyTorch at half)', () => {
    expectThrowsWith(() => new MaxPool2d(2, { padding: 2 }).forward(randn(rng, [1, 1, 5, 5], 1, 'float32'), 'train'), [
      'MaxPool2d',
      'padding [2, 2]',
      'less than the kernel [2, 2]',
      'half the kernel',
    ]);
    expectThrowsWith(() => new MaxPool2d(3, { padding: [0, 0, 3, 0] }), ['MaxPool2d', 'padding [top, left, bottom, right] = [0, 0, 3, 0]', 'less than the kernel']);
    assert.deepEqual(new MaxPool2d(3, { padding: 2, stride: 1 }).outputShape([1, 1, 5, 5]), [1, 1, 7, 7]);
  });
  test('a dilated window that sees only padding', () => {
    expectThrowsWith(() => new MaxPool2d(2, { stride: 1, padding: 1, dilation: 3 }).outputShape([1, 1, 2, 2]), [
      'MaxPool2d',
      'window 0 reads rows [-1, 2] (dilation 3)',
      "none of them inside the input's 2 rows",
    ]);
  });
  test('bad padding, dilation and ceilMode options, in code and in specs', () => {
    expectThrowsWith(() => new MaxPool2d(2, { padding: [1, 2, 3] as never }), ['MaxPool2d', 'padding', '[top, left, bottom, right]']);
    expectThrowsWith(() => new MaxPool2d(2, { padding: -1 }), ['MaxPool2d', 'padding must be ≥ 0']);
    expectThrowsWith(() => new MaxPool2d(2, { dilation: 0 }), ['MaxPool2d', 'dilation']);
    expectThrowsWith(() => layerFromSpec({ type: 'MaxPool2d', kernelSize: 2, padding: [1, 1, 1] }), ['MaxPool2d', "'padding'", '[top, left, bottom, right]', '[1,1,1]']);
    expectThrowsWith(() => layerFromSpec({ type: 'MaxPool2d', kernelSize: 2, ceilMode: 1 }), ['MaxPool2d', "'ceilMode'", 'true or false']);
    expectThrowsWith(() => layerFromSpec({ type: 'MaxPool2d', kernelSize: 2, dilation: 0 }), ['MaxPool2d', "'dilation'"]);
  });
  test('dy of the wrong shape, and backward before forward', () => {
    expectThrowsWith(() => new MaxPool2d(2).backward(randn(rng, [1, 1, 1, 1], 1, 'float32')), ['MaxPool2d', 'before forward']);
    const layer = new MaxPool2d(2);
    layer.forward(randn(rng, [1, 2, 4, 4], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [1, 2, 4, 4], 1, 'float32')), ['MaxPool2d', 'dy', '[1, 2, 2, 2]', '[1, 2, 4, 4]']);
  });
  test('bad constructor arguments', () => {
    expectThrowsWith(() => new MaxPool2d(0), ['MaxPool2d', 'kernelSize']);
    expectThrowsWith(() => new MaxPool2d(2, { stride: 0 }), ['MaxPool2d', 'stride']);
  });
});
