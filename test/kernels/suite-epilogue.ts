// SPDX-License-Identifier: MIT
// Kernel suite, fused epilogues: conv2d and addBias with `relu` give exactly the ReLU kernel
// applied to their plain output (the fusion changes no number), on shapes both sides of the SIMD
// width, with NaN (kept, as PyTorch's ReLU) and −0 in the pre-activations, in every dtype; and
// conv2dBackward with reluOutput gives exactly the ReLU's backward followed by conv2dBackward.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { conv2dGeometry } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { DTYPES, randomTensor, shapeName } from './util.js';

const CONV_CASES = [
  { x: [2, 1, 7, 7], outChannels: 3, kernelSize: 3, padding: 1 },
  { x: [3, 2, 6, 5], outChannels: 5, kernelSize: 2, padding: 0 },
  { x: [1, 4, 5, 5], outChannels: 2, kernelSize: 1, padding: 0 },
];
const BIAS_SHAPES = [[3, 5], [4, 8], [2, 3, 3, 3], [1, 9]];

function sameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, name: string): void {
  assert.equal(actual.length, expected.length, name);
  for (let i = 0; i < actual.length; i++) assert.ok(Object.is(actual[i], expected[i]), `${name} at ${i}: ${actual[i]} vs ${expected[i]}`);
}

export function epilogueSuite(k: Kernels): void {
  describe(`${k.name}: fused ReLU epilogues`, () => {
    it('conv2d with relu is relu(conv2d), bit for bit', () => {
      const rng = new Rng(931);
      for (const dtype of DTYPES) {
        for (const c of CONV_CASES) {
          for (const hasBias of [false, true]) {
            const name = `conv2d relu x=${shapeName(c.x)} k=${c.kernelSize} bias=${hasBias} ${dtype}`;
            const g = conv2dGeometry('test', c.x, { outChannels: c.outChannels, kernelSize: c.kernelSize, padding: c.padding });
            const x = randomTensor(rng, c.x, dtype);
            const w = randomTensor(rng, [c.outChannels, c.x[1], c.kernelSize, c.kernelSize], dtype);
            const b = hasBias ? randomTensor(rng, [c.outChannels], dtype) : null;
            const fused = k.conv2d(x, w, b, g, { relu: true });
            const plain = k.activation({ kind: 'relu' }, k.conv2d(x, w, b, g));
            assert.deepEqual(fused.shape, plain.shape, name);
            assert.ok(fused.data.some((v) => v === 0) && fused.data.some((v) => v > 0), `${name}: both signs occur`);
            sameBits(fused.data, plain.data, name);
          }
        }
      }
    });

    it('conv2dBackward with reluOutput is conv2dBackward of the ReLU backward, bit for bit', () => {
      const rng = new Rng(933);
      for (const dtype of DTYPES) {
        for (const c of CONV_CASES) {
          const name = `conv2dBackward reluOutput x=${shapeName(c.x)} k=${c.kernelSize} ${dtype}`;
          const g = conv2dGeometry('test', c.x, { outChannels: c.outChannels, kernelSize: c.kernelSize, padding: c.padding });
          const x = randomTensor(rng, c.x, dtype);
          const w = randomTensor(rng, [c.outChannels, c.x[1], c.kernelSize, c.kernelSize], dtype);
          const y = k.conv2d(x, w, null, g, { relu: true });
          const dy = randomTensor(rng, y.shape, dtype);
          const [dW0, db0] = [randomTensor(rng, w.shape, dtype), randomTensor(rng, [c.outChannels], dtype)];
          const plain = { dW: dW0.clone(), db: db0.clone(), needDx: true };
          const dxPlain = k.conv2dBackward(x, w, k.activationBackward({ kind: 'relu' }, y, y, dy), g, plain)!;
          const fused = { dW: dW0.clone(), db: db0.clone(), needDx: true, reluOutput: y };
          const dyBefore = dy.clone();
          const dxFused = k.conv2dBackward(x, w, dy, g, fused)!;
          assert.ok(y.data.some((v) => v === 0) && y.data.some((v) => v > 0), `${name}: both signs occur`);
          sameBits(dxFused.data, dxPlain.data, `${name} dx`);
          sameBits(fused.dW.data, plain.dW.data, `${name} dW`);
          sameBits(fused.db.data, plain.db.data, `${name} db`);
          sameBits(dy.data, dyBefore.data, `${name}: dy unchanged`);
        }
      }
    });

    it('addBias with relu is relu(y + b), bit for bit, NaN kept and −0 mapped to 0', () => {
      const rng = new Rng(932);
      for (const dtype of DTYPES) {
        for (const shape of BIAS_SHAPES) {
          const name = `addBias relu ${shapeName(shape)} ${dtype}`;
          const y = randomTensor(rng, shape, dtype);
          y.data[0] = NaN;
          y.data[y.size - 1] = -0;
          const b = randomTensor(rng, [shape[1]], dtype);
          b.data[shape[1] - 1] = 0;
          const plain = y.clone();
          k.addBias(plain, b);
          const expected = k.activation({ kind: 'relu' }, plain);
          const fused = y.clone();
          k.addBias(fused, b, { relu: true });
          assert.ok(Number.isNaN(fused.data[0]), `${name}: NaN stays NaN`);
          assert.ok(Object.is(fused.data[y.size - 1], 0), `${name}: −0 + 0 → +0`);
          sameBits(fused.data, expected.data, name);
        }
      }
    });
  });
}
