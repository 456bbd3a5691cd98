// SPDX-License-Identifier: MIT
// The wasm backend on 2 threads gives bit-identical results run after run (DESIGN.md: the same
// seed, backend and thread count give bit-identical runs), however the OS schedules its threads:
// the same convolution backward (dW and db accumulated over samples, dx), GEMM with accumulate
// and a few LeNet-5 training steps are repeated, some of them while a busy worker competes for
// the cores and some right after the pool went to sleep, and every result must equal the first
// one byte for byte. A threaded GEMM must also give the bits of the same GEMM on one thread.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { randomTensor } from './util.js';
import { createWasmKernels } from '../../src/kernels/wasm/index.js';
import { kernels, setKernels } from '../../src/kernels/index.js';
import { conv2dGeometry, pool2dGeometry } from '../../src/kernels/geometry.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { SGD } from '../../src/optim/sgd.js';
import { presetSpec } from '../../src/train/presets.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';

const backend = await createWasmKernels({ threads: 2 });
after(() => backend.close());

/** Repeats per check: the first run is the reference; the rest alternate quiet, contended and cold. */
const RUNS = 6;

/**
 * A worker that keeps one core busy until stopped, so the pool's threads get descheduled at
 * varying moments (the machine this runs on may have only 2 cores).
 */
async function busyWorker(): Promise<Worker> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const stop = new Int32Array(new SharedArrayBuffer(4));
     parentPort.postMessage(stop);
     let x = 0;
     while (Atomics.load(stop, 0) === 0) for (let i = 0; i < 10000; i++) x = (x * 31 + i) | 0;`,
    { eval: true },
  );
  await new Promise((resolve) => worker.once('message', resolve));
  return worker;
}

/** Runs fn under the condition for run r: quiet, a busy worker on another core, or a cold pool. */
async function underCondition<T>(r: number, fn: () => T): Promise<T> {
  if (r % 3 === 1) {
    const worker = await busyWorker();
    try {
      return fn();
    } finally {
      await worker.terminate();
    }
  }
  if (r % 3 === 2) await new Promise((resolve) => setTimeout(resolve, 20)); // the pool's workers fall asleep
  return fn();
}

function bytesOf(...tensors: (Tensor | null)[]): Uint8Array[] {
  return tensors.map((t) => (t ? new Uint8Array(new Float32Array(t.data).buffer) : new Uint8Array(0)));
}

/** Runs fn RUNS times and asserts that every run's bytes equal the first run's. */
async function assertRepeatable(name: string, fn: () => Uint8Array[]): Promise<void> {
  const first = fn();
  for (let r = 1; r < RUNS; r++) {
    const again = await underCondition(r, fn);
    assert.equal(again.length, first.length);
    for (let i = 0; i < first.length; i++) {
      let differing = 0;
      for (let j = 0; j < first[i].length; j++) if (first[i][j] !== again[i][j]) differing++;
      assert.equal(differing, 0, `${name}: output ${i} differs from the first run in ${differing} bytes on run ${r}`);
    }
  }
}

describe(`bit-identical repeats on ${backend.name}`, () => {
  it('runs jobs on 2 threads', () => assert.equal(backend.runtime.threads, 2));

  for (const [label, N, C, H, outC, padding, groups] of [
    ['LeNet conv2', 64, 6, 14, 16, 0, 1],
    ['LeNet conv1', 64, 1, 28, 6, 2, 1],
    ['odd batch, grouped', 37, 8, 12, 8, 1, 2],
  ] as const) {
    it(`conv2dBackward (${label}, N=${N}): dW, db and dx`, async () => {
      const rng = new Rng(11);
      const g = conv2dGeometry('test', [N, C, H, H], { outChannels: outC, kernelSize: 5, padding, groups });
      const x = randomTensor(rng, [N, C, H, H], 'float32');
      const w = randomTensor(rng, [outC, C / groups, 5, 5], 'float32', 0.2);
      const dy = randomTensor(rng, [N, outC, g.OH, g.OW], 'float32');
      const dW0 = randomTensor(rng, w.shape, 'float32'); // grads accumulate: start from a nonzero dW
      const db0 = randomTensor(rng, [outC], 'float32');
      await assertRepeatable(`conv2dBackward ${label}`, () => {
        const dW = dW0.clone();
        const db = db0.clone();
        const dx = backend.conv2dBackward(x, w, dy, g, { dW, db, needDx: true });
        return bytesOf(dW, db, dx);
      });
    });
  }

  for (const [label, N, C, H, outC, stride] of [
    ['resnet block', 32, 32, 14, 32, 1],
    ['odd batch, few tiles per sample', 37, 16, 5, 24, 1],
    ['resnet downsampling, stride 2', 33, 32, 28, 64, 2],
  ] as const) {
    it(`Winograd 3×3 conv2d and conv2dBackward (${label}, N=${N}): y, dW, db and dx`, async () => {
      const rng = new Rng(12);
      const g = conv2dGeometry('test', [N, C, H, H], { outChannels: outC, kernelSize: 3, stride, padding: 1 });
      const x = randomTensor(rng, [N, C, H, H], 'float32');
      const w = randomTensor(rng, [outC, C, 3, 3], 'float32', 0.2);
      const b = randomTensor(rng, [outC], 'float32');
      const dy = randomTensor(rng, [N, outC, g.OH, g.OW], 'float32');
      await assertRepeatable(`Winograd conv ${label}`, () => {
        const dW = Tensor.zeros(w.shape);
        const db = Tensor.zeros([outC]);
        const dx = backend.conv2dBackward(x, w, dy, g, { dW, db, needDx: true });
        return bytesOf(backend.conv2d(x, w, b, g, { relu: true }), dW, db, dx);
      });
    });
  }

  for (const [M, N, K] of [[256, 120, 400], [64, 400, 256], [10, 84, 2048]] as const) {
    it(`matmul with accumulate, M=${M} N=${N} K=${K}, every transposition`, async () => {
      const rng = new Rng(5);
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const a = randomTensor(rng, transA ? [K, M] : [M, K], 'float32');
          const b = randomTensor(rng, transB ? [N, K] : [K, N], 'float32');
          const c0 = randomTensor(rng, [M, N], 'float32');
          await assertRepeatable(`matmul transA=${transA} transB=${transB}`, () => {
            const out = c0.clone();
            backend.matmul(a, b, { transA, transB, out, accumulate: true });
            return bytesOf(out);
          });
        }
      }
    });
  }

  // A split only chooses which thread computes which outputs, and the shared packed operand holds
  // the same numbers each item would have packed itself, so each sum runs in the 1-thread order.
  it('matmul split by rows or by columns (one shared packed operand) gives the 1-thread bits', async () => {
    const single = await createWasmKernels({ threads: 1 });
    try {
      const rng = new Rng(6);
      for (const [M, N, K] of [[301, 77, 555], [77, 301, 555], [130, 1030, 257]] as const) {
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            const a = randomTensor(rng, transA ? [K, M] : [M, K], 'float32');
            const b = randomTensor(rng, transB ? [N, K] : [K, N], 'float32');
            const c0 = randomTensor(rng, [M, N], 'float32');
            const run = (k: typeof backend) => {
              const out = c0.clone();
              k.matmul(a, b, { transA, transB, out, accumulate: true });
              return bytesOf(out)[0];
            };
            assert.deepEqual(run(backend), run(single), `M=${M} N=${N} K=${K} transA=${transA} transB=${transB}`);
          }
        }
      }
    } finally {
      single.close();
    }
  });

  // Planes are independent: a threaded max pool (forward, backward, and the conv backward that
  // takes the pool's scatter and the ReLU mask in one pass) gives the 1-thread bits. (Not dW: its
  // per-piece partial sums depend on the thread count by design.)
  it('max pooling and a conv backward through ReLU + pool, split by planes, give the 1-thread bits', async () => {
    const single = await createWasmKernels({ threads: 1 });
    try {
      const rng = new Rng(13);
      const cg = conv2dGeometry('test', [16, 8, 26, 26], { outChannels: 24, kernelSize: 3 });
      const x = randomTensor(rng, [16, 8, 26, 26], 'float32');
      const w = randomTensor(rng, [24, 8, 3, 3], 'float32', 0.3);
      const pg = pool2dGeometry('test', [16, 24, cg.OH, cg.OW], { kernelSize: 2 });
      const run = (k: typeof backend) => k.frame!(() => {
        const y = k.conv2d(x, w, null, cg, { relu: true });
        const pooled = k.maxPool2d(y, pg);
        const dyPool = Tensor.from(pooled.y.data.map((v, i) => Math.sin(i) * v), pooled.y.shape);
        const dxPool = k.maxPool2dBackward(dyPool, pooled.argmax, pg);
        const dx = k.conv2dBackward(x, w, dyPool, cg, { dW: null, db: null, needDx: true, reluOutput: y, maxPool: { argmax: pooled.argmax, g: pg } });
        return bytesOf(pooled.y, Tensor.from(Float32Array.from(pooled.argmax), [pooled.argmax.length]), dxPool, dx);
      });
      assert.deepEqual(run(backend), run(single));
    } finally {
      single.close();
    }
  });

  it('LeNet-5: 3 SGD steps give the same weights', async () => {
    const rng = new Rng(3);
    const batches = [0, 1, 2].map(() => ({
      x: randomTensor(rng, [32, 1, 28, 28], 'float32'),
      y: Array.from({ length: 32 }, () => rng.int(10)),
    }));
    const previous = kernels();
    setKernels(backend);
    try {
      await assertRepeatable('LeNet-5 training', () => {
        const model = sequentialFromSpec(presetSpec('lenet5'), new Rng(1));
        const loss = new SoftmaxCrossEntropy();
        const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
        for (const batch of batches) {
          optimizer.zeroGrad();
          loss.forward(model.forward(batch.x, 'train'), batch.y);
          model.backward(loss.backward());
          optimizer.step();
        }
        return bytesOf(...model.parameters().map((p) => p.value));
      });
    } finally {
      setKernels(previous);
    }
  });
});
