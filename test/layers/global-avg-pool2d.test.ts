// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptiveAvgPool2d } from '../../src/layers/adaptive-avg-pool2d.js';
import { Flatten } from '../../src/layers/flatten.js';
import { GlobalAvgPool2d } from '../../src/layers/global-avg-pool2d.js';
import { Sequential } from '../../src/layers/sequential.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

const shapes = [[2, 3, 5, 7], [1, 4, 1, 1], [3, 2, 7, 7], [1, 5, 13, 9], [2, 1, 4, 4]];

describe('GlobalAvgPool2d gradcheck (float64)', () => {
  for (const x of shapes) {
    test(`x=[${x.join(',')}]`, () => {
      expectGradientsOk(`GlobalAvgPool2d x=[${x}]`, new GlobalAvgPool2d(), randn(new Rng(61), x), { seed: 4, eps: 1e-3 });
    });
  }
});

describe('GlobalAvgPool2d properties', () => {
  test('is AdaptiveAvgPool2d(1): the mean of each plane, kept as [N, C, 1, 1]', () => {
    const rng = new Rng(62);
    for (const shape of shapes) {
      const x = randn(rng, shape);
      const y = new GlobalAvgPool2d().forward(x, 'eval');
      assert.deepEqual([...y.shape], [shape[0], shape[1], 1, 1]);
      assert.deepEqual(y.data, new AdaptiveAvgPool2d(1).forward(x, 'eval').data);
      const HW = shape[2] * shape[3];
      for (let p = 0; p < shape[0] * shape[1]; p++) {
        let sum = 0;
        for (let i = 0; i < HW; i++) sum += x.data[p * HW + i];
        assert.ok(Math.abs(y.data[p] - sum / HW) < 1e-14, `plane ${p} of [${shape}]`);
      }
    }
  });

  test('backward spreads dy / (H·W) over the plane, so Σdx = Σdy', () => {
    const layer = new GlobalAvgPool2d();
    layer.forward(randn(new Rng(63), [2, 3, 5, 7]), 'train');
    const dy = randn(new Rng(64), [2, 3, 1, 1]);
    const dx = layer.backward(dy);
    for (let i = 0; i < dx.size; i++) assert.equal(dx.data[i], dy.data[Math.floor(i / 35)] / 35);
  });

  test('a Flatten after it gives [N, C], as torchvision\'s heads; spec, summary', () => {
    const model = new Sequential([new GlobalAvgPool2d(), new Flatten()]);
    assert.deepEqual([...model.forward(Tensor.zeros([4, 6, 3, 3]), 'eval').shape], [4, 6]);
    assert.deepEqual(new GlobalAvgPool2d().toSpec(), { type: 'GlobalAvgPool2d' });
    assert.ok(layerFromSpec({ type: 'GlobalAvgPool2d' }) instanceof GlobalAvgPool2d);
    const rows = model.summary([4, 6, 3, 3]).rows;
    assert.deepEqual(rows.map((r) => [r.layer, r.outputShape]), [['GlobalAvgPool2d()', [4, 6, 1, 1]], ['Flatten()', [4, 6]]]);
  });
});

describe('GlobalAvgPool2d errors', () => {
  const rng = new Rng(0);
  test('wrong rank, dy of the wrong shape, backward before forward, options', () => {
    expectThrowsWith(() => new GlobalAvgPool2d().forward(randn(rng, [2, 6]), 'train'), ['GlobalAvgPool2d', '[N, C, H, W]', '[2, 6]']);
    expectThrowsWith(() => new GlobalAvgPool2d().backward(randn(rng, [1, 1, 1, 1])), ['GlobalAvgPool2d', 'before forward']);
    const layer = new GlobalAvgPool2d();
    layer.forward(randn(rng, [2, 3, 4, 4]), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [2, 3])), ['GlobalAvgPool2d', 'dy', '[2, 3, 1, 1]', '[2, 3]']);
    expectThrowsWith(() => layerFromSpec({ type: 'GlobalAvgPool2d', outputSize: 1 }), ['GlobalAvgPool2d', "unknown option 'outputSize'", 'takes no options']);
  });
});
