// SPDX-License-Identifier: MIT
// Kernel suite, fused epilogues: conv2d and addBias with `relu` give exactly the ReLU kernel
// applied to their plain output (the fusion changes no number), on shapes both sides of the SIMD
// width, with NaN (kept, as PyTorch's ReLU) and −0 in the pre-activations, in every dtype; and
// conv2dBackward with reluOutput (and maxPool) gives exactly the ReLU's backward (after the pool's)
// followed by conv2dBackward;
// linear and linearBackward give exactly the GEMM, bias, ReLU and bias-gradient kernels run apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernels } from '../../src/kernels/backend.js';
import { conv2dGeometry, pool2dGeometry } from '../../src/kernels/geometry.js';
import { Rng } from '../../src/tensor/rng.js';
import { DTYPES, randomTensor, shapeName } from './util.js';

const CONV_CASES = [
  { x: [2, 1, 7, 7], outChannels: 3, kernelSize: 3, padding: 1 },
  { x: [3, 2, 6, 5], outChannels: 5, kernelSize: 2, padding: 0 },
  { x: [1, 4, 5, 5], outChannels: 2, kernelSize: 1, padding: 0 },
  { x: [3, 16, 7, 6], outChannels: 16, kernelSize: 3, padding: 1 }, // Winograd on the wasm backend
  { x: [2, 3, 17, 18], outChannels: 6, kernelSize: 3, padding: 1 }, // pooled rows wider than the SIMD width, an odd one left out
];
const BIAS_SHAPES = [[3, 5], [4, 8], [2, 3, 3, 3], [1, 9]];
/** [N, in, out] of linear cases, both sides of the SIMD width and the 6×8 tile. */
const LINEAR_CASES = [[1, 3, 5], [4, 8, 8], [7, 13, 9], [33, 17, 65]];

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

          // A max pool after the ReLU: its dy routed back by argmax, then masked, inside the call —
          // 2×2 (the dense pass; an odd map leaves a row or column out) and 3×3 stride 2 padded
          // (overlapping windows), the ReLU's mask from y or, given the pool's output, from there.
          for (const pool of [{ kernelSize: 2 }, { kernelSize: 3, stride: 2, padding: 1 }]) {
            if (y.shape[2] < pool.kernelSize || y.shape[3] < pool.kernelSize) continue;
            const pg = pool2dGeometry('test', y.shape, pool);
            const { y: pooled, argmax } = k.maxPool2d(y, pg);
            const dPooled = randomTensor(rng, pooled.shape, dtype);
            const viaLayers = { dW: dW0.clone(), db: db0.clone(), needDx: true };
            const dyConv = k.activationBackward({ kind: 'relu' }, y, y, k.maxPool2dBackward(dPooled, argmax, pg));
            const dxLayers = k.conv2dBackward(x, w, dyConv, g, viaLayers)!;
            for (const output of [undefined, pooled]) {
              const what = `${name} + max pool k=${pool.kernelSize}${output ? ' (mask from its output)' : ''}`;
              const inOne = { dW: dW0.clone(), db: db0.clone(), needDx: true, reluOutput: y, maxPool: { argmax, g: pg, output } };
              const dxInOne = k.conv2dBackward(x, w, dPooled, g, inOne)!;
              sameBits(dxInOne.data, dxLayers.data, `${what} dx`);
              sameBits(inOne.dW.data, viaLayers.dW.data, `${what} dW`);
              sameBits(inOne.db.data, viaLayers.db.data, `${what} db`);
            }
          }
        }
      }
    });

    it('linear and linearBackward give the separate kernels\' bits (bias or none, ReLU or none, dx or none)', () => {
      const rng = new Rng(934);
      for (const dtype of DTYPES) {
        for (const [N, inF, outF] of LINEAR_CASES) {
          for (const hasBias of [false, true]) {
            for (const relu of [false, true]) {
              const name = `linear N=${N} ${inF}→${outF} bias=${hasBias} relu=${relu} ${dtype}`;
              const x = randomTensor(rng, [N, inF], dtype), w = randomTensor(rng, [inF, outF], dtype);
              const b = hasBias ? randomTensor(rng, [outF], dtype) : null;
              let expected = k.matmul(x, w);
              if (b) k.addBias(expected, b);
              if (relu) expected = k.activation({ kind: 'relu' }, expected);
              const y = k.linear(x, w, b, { relu });
              assert.deepEqual(y.shape, [N, outF], name);
              sameBits(y.data, expected.data, `${name} y`);

              const dy = randomTensor(rng, [N, outF], dtype);
              const [dW0, db0] = [randomTensor(rng, [inF, outF], dtype), randomTensor(rng, [outF], dtype)];
              const masked = relu ? k.activationBackward({ kind: 'relu' }, y, y, dy) : dy;
              const dW = dW0.clone(), db = db0.clone();
              k.matmul(x, masked, { transA: true, out: dW, accumulate: true });
              k.addChannelSums(masked, db);
              const dx = k.matmul(masked, w, { transB: true });
              for (const needDx of [true, false]) {
                const grads = { dW: dW0.clone(), db: hasBias ? db0.clone() : null, needDx, reluOutput: relu ? y : null };
                const dxActual = k.linearBackward(x, w, dy, grads);
                sameBits(grads.dW.data, dW.data, `${name} dW`);
                if (grads.db) sameBits(grads.db.data, db.data, `${name} db`);
                if (needDx) sameBits(dxActual!.data, dx.data, `${name} dx`);
                else assert.equal(dxActual, null, `${name}: needDx false returns null`);
              }
              // dW null (a frozen weight): db and dx as before, bit for bit.
              const frozen = { dW: null, db: hasBias ? db0.clone() : null, needDx: true, reluOutput: relu ? y : null };
              sameBits(k.linearBackward(x, w, dy, frozen)!.data, dx.data, `${name} dx (dW null)`);
              if (frozen.db) sameBits(frozen.db.data, db.data, `${name} db (dW null)`);
            }
          }
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
