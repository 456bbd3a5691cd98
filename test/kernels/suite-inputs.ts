// SPDX-License-Identifier: MIT
// Kernel suite, side effects: every kernel leaves its inputs as they were, and writes only into
// the tensors it documents (addBias's y, matmul's out, conv2dBackward's dW and db, batch norm's
// dGamma and dBeta).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Activation, Kernels } from '../../src/kernels/backend.js';
import { conv2dGeometry, pool2dGeometry } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { DTYPES, randomTensor } from './util.js';

export function inputsSuite(k: Kernels): void {
  describe(`${k.name}: inputs`, () => {
    it('no kernel changes the tensors it only reads', () => {
      const rng = new Rng(701);
      for (const dtype of DTYPES) {
        const r = (shape: number[]): Tensor => randomTensor(rng, shape, dtype);
        const x = r([2, 4, 7, 7]);
        const w = r([6, 2, 3, 3]);
        const b = r([6]);
        const g = conv2dGeometry('test', x.shape, { outChannels: 6, kernelSize: 3, stride: 2, padding: 1, groups: 2 });
        const dy = r([2, 6, g.OH, g.OW]);
        const pool = pool2dGeometry('test', x.shape, { kernelSize: 3, stride: 2, padding: 1 });
        const poolDy = r([2, 4, pool.OH, pool.OW]);
        const a = r([5, 17]);
        const m = r([17, 9]);
        const c = r([4]);
        const logits = r([3, 5]);
        const classWeight = r([5]);
        const gelu: Activation = { kind: 'gelu' };
        const cols = k.im2col(x, g);
        const y = k.activation(gelu, x);
        const dyX = r([2, 4, 7, 7]);
        const calls: [string, Tensor[], () => unknown][] = [
          ['matmul', [a, m], () => k.matmul(a, m)],
          ['matmul transposed', [a, m], () => k.matmul(m, a, { transA: true, transB: true })],
          ['addChannelSums', [x], () => k.addChannelSums(x, r([4]))],
          ['im2col', [x], () => k.im2col(x, g)],
          ['col2im', [cols], () => k.col2im(cols, g)],
          ['conv2d', [x, w, b], () => k.conv2d(x, w, b, g)],
          ['conv2dBackward', [x, w, dy], () => k.conv2dBackward(x, w, dy, g, { dW: r([6, 2, 3, 3]), db: r([6]), needDx: true })],
          ['maxPool2d', [x], () => k.maxPool2d(x, pool)],
          ['maxPool2dBackward', [poolDy], () => k.maxPool2dBackward(poolDy, k.maxPool2d(x, pool).argmax, pool)],
          ['avgPool2d', [x], () => k.avgPool2d(x, pool, true)],
          ['avgPool2dBackward', [poolDy], () => k.avgPool2dBackward(poolDy, pool, false)],
          ['activation', [x], () => k.activation(gelu, x)],
          ['activationBackward', [x, y, dyX], () => k.activationBackward(gelu, x, y, dyX)],
          ['mul', [a], () => k.mul(a, a)],
          ['batchNormStats', [x], () => k.batchNormStats(x)],
          ['batchNormForward', [x, c], () => k.batchNormForward(x, c, c, c, c)],
          ['batchNormBackward', [x, c], () => k.batchNormBackward(x, x, c, c, c, r([4]), r([4]))],
          ['softmax', [logits], () => k.softmax(logits)],
          ['softmaxCrossEntropy', [logits, classWeight], () => k.softmaxCrossEntropy(logits, new Int32Array([0, 4, 2]), { weight: classWeight, labelSmoothing: 0.1, reduction: 'mean' })],
          ['mse', [a], () => k.mse(a, a.clone(), 'sum')],
        ];
        for (const [name, inputs, call] of calls) {
          const before = inputs.map((t) => Array.from(t.data));
          call();
          inputs.forEach((t, i) => assert.deepEqual(Array.from(t.data), before[i], `${name} ${dtype} changed input ${i}`));
        }
      }
    });
  });
}
