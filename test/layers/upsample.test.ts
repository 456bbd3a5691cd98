// SPDX-License-Identifier: MIT
// Upsample: float64 gradient checks over both modes and every option, properties (integer-factor
// nearest repeats each pixel, bilinear keeps constants and its corners under alignCorners,
// backward is the adjoint of forward), the spec round trip and summary, and bad input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequential } from '../../src/layers/sequential.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Upsample, type UpsampleOptions } from '../../src/layers/upsample.js';
import { linearTaps, nearestIndices } from '../../src/kernels/upsample-geometry.js';
import { expectClose } from '../helpers/close.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

const cases: { name: string; options: UpsampleOptions; x: number[]; out: number[] }[] = [
  { name: 'nearest ×2 x=[2,3,5,7]', options: { scaleFactor: 2 }, x: [2, 3, 5, 7], out: [10, 14] },
  { name: 'nearest ×[2,3] x=[1,2,3,5]', options: { scaleFactor: [2, 3] }, x: [1, 2, 3, 5], out: [6, 15] },
  { name: 'nearest ×1.5 x=[2,2,5,7]', options: { scaleFactor: 1.5 }, x: [2, 2, 5, 7], out: [7, 10] },
  { name: 'nearest size [7,5] x=[2,2,3,4]', options: { size: [7, 5] }, x: [2, 2, 3, 4], out: [7, 5] },
  { name: 'nearest size [3,4] x=[1,2,5,7] (smaller)', options: { size: [3, 4] }, x: [1, 2, 5, 7], out: [3, 4] },
  { name: 'nearest ×3 x=[1,1,1,1]', options: { scaleFactor: 3 }, x: [1, 1, 1, 1], out: [3, 3] },
  { name: 'bilinear ×2 x=[2,3,5,7]', options: { scaleFactor: 2, mode: 'bilinear' }, x: [2, 3, 5, 7], out: [10, 14] },
  { name: 'bilinear ×2 alignCorners x=[2,3,5,7]', options: { scaleFactor: 2, mode: 'bilinear', alignCorners: true }, x: [2, 3, 5, 7], out: [10, 14] },
  { name: 'bilinear ×[3,2] x=[1,2,3,5]', options: { scaleFactor: [3, 2], mode: 'bilinear' }, x: [1, 2, 3, 5], out: [9, 10] },
  { name: 'bilinear ×[2.3,1.75] alignCorners x=[1,2,5,4]', options: { scaleFactor: [2.3, 1.75], mode: 'bilinear', alignCorners: true }, x: [1, 2, 5, 4], out: [11, 7] },
  { name: 'bilinear size [7,5] x=[2,2,3,4]', options: { size: [7, 5], mode: 'bilinear' }, x: [2, 2, 3, 4], out: [7, 5] },
  { name: 'bilinear size [4,5] x=[1,3,6,9] (smaller)', options: { size: [4, 5], mode: 'bilinear' }, x: [1, 3, 6, 9], out: [4, 5] },
  { name: 'bilinear ×1.2 x=[1,2,5,2] (W kept: copied)', options: { scaleFactor: 1.2, mode: 'bilinear' }, x: [1, 2, 5, 2], out: [6, 2] },
  { name: 'bilinear size 1 alignCorners x=[1,2,3,5]', options: { size: 1, mode: 'bilinear', alignCorners: true }, x: [1, 2, 3, 5], out: [1, 1] },
  { name: 'bilinear ×2 x=[2,1,1,1]', options: { scaleFactor: 2, mode: 'bilinear' }, x: [2, 1, 1, 1], out: [2, 2] },
];

describe('Upsample gradcheck (float64)', () => {
  for (const c of cases) {
    test(c.name, () => {
      // Linear in x: a step of 1e-3 has no truncation error.
      expectGradientsOk(`Upsample ${c.name}`, new Upsample(c.options), randn(new Rng(61), c.x), { seed: 4, eps: 1e-3 });
    });
  }
});

const dot = (a: Tensor, b: Tensor) => a.toArray().reduce((s, v, i) => s + v * b.data[i], 0);

describe('Upsample properties', () => {
  test('output shapes; nearest by an integer factor repeats each pixel sh×sw times', () => {
    for (const c of cases) assert.deepEqual(new Upsample(c.options).outputShape(c.x), [c.x[0], c.x[1], ...c.out], c.name);
    const x = randn(new Rng(62), [2, 3, 4, 5]);
    const y = new Upsample({ scaleFactor: [3, 2] }).forward(x, 'eval');
    for (let p = 0; p < 6; p++) {
      for (let oh = 0; oh < 12; oh++) {
        for (let ow = 0; ow < 10; ow++) {
          assert.equal(y.data[(p * 12 + oh) * 10 + ow], x.data[(p * 4 + Math.floor(oh / 3)) * 5 + Math.floor(ow / 2)]);
        }
      }
    }
  });

  test('backward is the adjoint of forward: ⟨dy, up(x)⟩ = ⟨up*(dy), x⟩ for every case', () => {
    const rng = new Rng(63);
    for (const c of cases) {
      const layer = new Upsample(c.options);
      const x = randn(rng, c.x);
      const y = layer.forward(x, 'train');
      const dy = randn(rng, y.shape);
      const lhs = dot(dy, y);
      const rhs = dot(layer.backward(dy), x);
      assert.ok(Math.abs(lhs - rhs) <= 1e-12 * (1 + Math.abs(lhs)), `${c.name}: ${lhs} vs ${rhs}`);
    }
  });

  test('bilinear keeps constants, its weights sum to 1, and alignCorners keeps the corner pixels', () => {
    for (const c of cases.filter((k) => k.options.mode === 'bilinear')) {
      const y = new Upsample(c.options).forward(Tensor.full(c.x, -1.75, 'float64'), 'eval');
      assert.ok(y.data.every((v) => Math.abs(v + 1.75) < 1e-14), c.name);
      const t = linearTaps(c.x[2], c.out[0], c.options.alignCorners ?? false, null);
      t.l0.forEach((l, i) => assert.ok(Math.abs(l + t.l1[i] - 1) < 1e-15 && l >= 0 && t.l1[i] >= 0, c.name));
    }
    const x = randn(new Rng(64), [1, 1, 3, 5]);
    const y = new Upsample({ size: [7, 9], mode: 'bilinear', alignCorners: true }).forward(x, 'eval');
    for (const [h, w, oh, ow] of [[0, 0, 0, 0], [0, 4, 0, 8], [2, 0, 6, 0], [2, 4, 6, 8]]) {
      assert.ok(Math.abs(y.data[oh * 9 + ow] - x.data[h * 5 + w]) < 1e-15);
    }
  });

  test('nearest backward sums dy over the copies (Σdx = Σdy); bilinear ×2 half-pixel taps are ¼, ¾', () => {
    const layer = new Upsample({ scaleFactor: [2, 3] });
    layer.forward(randn(new Rng(65), [1, 2, 3, 3]), 'train');
    const dy = randn(new Rng(66), [1, 2, 6, 9]);
    const sum = (t: Tensor) => t.toArray().reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum(layer.backward(dy)) - sum(dy)) < 1e-12);
    const t = linearTaps(4, 8, false, 2);
    assert.deepEqual([...t.i0], [0, 0, 0, 1, 1, 2, 2, 3]);
    assert.deepEqual([...t.i1], [1, 1, 1, 2, 2, 3, 3, 3]);
    // Output 0 is clamped at 0; output 7 (3.25) reads row 3 twice, as PyTorch does.
    assert.deepEqual([...t.l1], [0, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25]);
  });

  test("nearest indices follow PyTorch's float32 rule: ⌊o·float32(1/s)⌋, ⌊o·float32(in/out)⌋", () => {
    assert.deepEqual([...nearestIndices(5, 10, 2.1)], [0, 0, 0, 1, 1, 2, 2, 3, 3, 4]); // not o >> 1
    assert.deepEqual([...nearestIndices(3, 7, null)], [0, 0, 0, 1, 1, 2, 2]);
    assert.deepEqual([...nearestIndices(5, 7, 1.5)], [0, 0, 1, 2, 2, 3, 4]);
    assert.deepEqual([...nearestIndices(7, 3, null)], [0, 2, 4]);
    assert.deepEqual([...nearestIndices(2, 2, 1.2)], [0, 0]); // the length stays, the rows do not
  });

  test('toSpec round-trips, writing defaults out and one number when square; the summary shows it', () => {
    assert.deepEqual(new Upsample({ scaleFactor: [2, 2] }).toSpec(), { type: 'Upsample', scaleFactor: 2 });
    assert.deepEqual(new Upsample({ size: [3, 4], mode: 'bilinear', alignCorners: false }).toSpec(), { type: 'Upsample', size: [3, 4], mode: 'bilinear' });
    assert.deepEqual(new Upsample({ scaleFactor: [1.5, 2], mode: 'bilinear', alignCorners: true }).toSpec(),
      { type: 'Upsample', scaleFactor: [1.5, 2], mode: 'bilinear', alignCorners: true });
    for (const c of cases) {
      const spec = new Upsample(c.options).toSpec();
      assert.deepEqual(layerFromSpec(spec).toSpec(), spec, c.name);
    }
    const row = new Sequential([new Upsample({ scaleFactor: 2, mode: 'bilinear' })]).summary([2, 4, 5, 3]).rows[0];
    assert.deepEqual([row.layer, row.outputShape, row.parameters], ["Upsample(scaleFactor=2, mode=bilinear)", [2, 4, 10, 6], 0]);
  });
});

describe('Upsample errors', () => {
  const rng = new Rng(0);
  test('options: both or neither of size and scaleFactor, alignCorners with nearest, bad values (PyTorch\'s messages quoted)', () => {
    expectThrowsWith(() => new Upsample({ size: 4, scaleFactor: 2 }), ['Upsample', 'only one of size or scale_factor']);
    expectThrowsWith(() => new Upsample({}), ['Upsample', 'either size or scale_factor']);
    expectThrowsWith(() => new Upsample({ scaleFactor: 2, alignCorners: false }), ['Upsample', 'alignCorners', "'bilinear'", 'align_corners option can only be set']);
    expectThrowsWith(() => new Upsample({ scaleFactor: 2, mode: 'bicubic' as 'nearest' }), ['Upsample', 'mode', 'bicubic']);
    expectThrowsWith(() => new Upsample({ scaleFactor: 0 }), ['Upsample', 'scaleFactor', '> 0', '0']);
    expectThrowsWith(() => new Upsample({ scaleFactor: [2, Number.NaN] }), ['Upsample', 'scaleFactor', 'NaN']);
    expectThrowsWith(() => new Upsample({ size: [2.5, 3] }), ['Upsample', 'size', 'integer ≥ 1', '2.5']);
    expectThrowsWith(() => new Upsample({ size: [2, 3, 4] as unknown as [number, number] }), ['Upsample', 'size', 'pair']);
  });

  test('shapes: wrong rank, an empty output, dy of the wrong shape, backward before forward', () => {
    expectThrowsWith(() => new Upsample({ scaleFactor: 2 }).forward(randn(rng, [2, 6, 6]), 'train'), ['Upsample', '[N, C, H, W]', '[2, 6, 6]']);
    expectThrowsWith(() => new Upsample({ scaleFactor: 0.4 }).outputShape([1, 2, 2, 5]), ['Upsample', '[1, 2, 2, 5]', '0×2', 'greater than 0']);
    expectThrowsWith(() => new Upsample({ scaleFactor: 2 }).backward(randn(rng, [1, 1, 2, 2])), ['Upsample', 'before forward']);
    const layer = new Upsample({ size: [5, 4], mode: 'bilinear' });
    layer.forward(randn(rng, [2, 3, 2, 2]), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [2, 3, 4, 4])), ['Upsample', 'dy', '[2, 3, 5, 4]', '[2, 3, 4, 4]']);
  });

  test('specs: errors name the layer and the field', () => {
    expectThrowsWith(() => layerFromSpec({ type: 'Upsample', scaleFactor: 2, mode: 'area' }), ['Upsample', "'mode'", "'nearest', 'bilinear'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'Upsample', scaleFactor: 2, alignCorners: 'yes' }), ['Upsample', "'alignCorners'", 'true or false']);
    expectThrowsWith(() => layerFromSpec({ type: 'Upsample', size: [0, 2] }), ['Upsample', 'size', 'integer ≥ 1']);
    expectThrowsWith(() => layerFromSpec({ type: 'Upsample', scaleFactor: 2, scale: 2 }), ['Upsample', "unknown option 'scale'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'Upsample' }), ['Upsample', 'either size or scale_factor']);
  });
});
