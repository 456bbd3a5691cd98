// SPDX-License-Identifier: MIT
// Frames of the wasm backend (Kernels.frame): inside one, kernel outputs stay in the arena as
// views and kernels read such views where they lie. A step in a frame must give the bits of the
// same step without one (the resnet preset's fan-out and merges included, 1 and 2 threads, and
// fit() against a backend that has no frames at all); a kernel that works in place on its copy
// of dy must leave the caller's dy alone; a view from a finished frame is refused, not read; and
// outside a frame outputs stay plain copies.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomTensor } from './util.js';
import { withBackend } from '../helpers/backend.js';
import { createWasmKernels, type WasmKernels } from '../../src/kernels/wasm/index.js';
import { inFrame, kernels, setKernels } from '../../src/kernels/index.js';
import type { Kernels } from '../../src/kernels/backend.js';
import { conv2dGeometry, pool2dGeometry } from '../../src/kernels/geometry.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { SGD } from '../../src/optim/sgd.js';
import { presetSpec } from '../../src/train/presets.js';
import { fit } from '../../src/train/fit.js';
import { ImageDataset } from '../../src/data/dataset.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';

const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
const privateMemory = await createWasmKernels({ threads: 1, sharedMemory: false });
after(() => [...backends, privateMemory].forEach((k) => k.close()));

function bytes(t: Tensor): Uint8Array {
  return new Uint8Array(new Float32Array(t.data).buffer);
}

/** The resnet preset after `steps` SGD steps with momentum on fixed random batches: its parameters and the losses. */
function trainResnet(k: Kernels, framed: boolean, steps = 2): { params: Uint8Array[]; losses: number[] } {
  return withBackend(k, () => {
    const rng = new Rng(3);
    const model = modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 12, 12], rng });
    const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9, weightDecay: 5e-4 });
    const loss = new SoftmaxCrossEntropy();
    const losses: number[] = [];
    for (let s = 0; s < steps; s++) {
      const x = randomTensor(rng, [4, 1, 12, 12], 'float32');
      const y = Int32Array.from({ length: 4 }, (_, i) => (i * 3 + s) % 10);
      const step = (): void => {
        optimizer.zeroGrad();
        losses.push(loss.forward(model.forward(x, 'train'), y));
        model.backward(loss.backward(), { needInputGrad: false });
        optimizer.step();
      };
      if (framed) inFrame(step);
      else step();
    }
    const buffers = model.buffers().map((b) => bytes(b.value));
    return { params: [...model.parameters().map((p) => bytes(p.value)), ...buffers], losses };
  });
}

describe('wasm frames', () => {
  for (const k of backends) {
    it(`resnet preset training steps in frames give the bits of the same steps without (${k.name})`, () => {
      const plain = trainResnet(k, false);
      const framed = trainResnet(k, true);
      assert.deepEqual(framed.losses, plain.losses);
      assert.equal(framed.params.length, plain.params.length);
      framed.params.forEach((p, i) => assert.deepEqual(p, plain.params[i], `parameter or buffer ${i}`));
    });
  }

  it('fit() on shared memory (steps in frames) gives the bits of fit() on private memory (no frames)', async () => {
    const run = async (k: Kernels): Promise<{ history: string; params: Uint8Array[] }> => {
      const previous = kernels();
      setKernels(k);
      try {
        const rng = new Rng(5);
        const images = randomTensor(rng, [24, 1, 10, 10], 'float32').data as Float32Array;
        const labels = Int32Array.from({ length: 24 }, (_, i) => i % 10);
        const train = new ImageDataset({ name: 'frames', images, labels, imageShape: [1, 10, 10], numClasses: 10 });
        const model = modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 10, 10], rng });
        const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
        const result = await fit(model, { optimizer, train, epochs: 2, batchSize: 8, validation: train, seed: 1 });
        const history = JSON.stringify(result.history.map(({ seconds: _, ...r }) => r));
        return { history, params: model.parameters().map((p) => bytes(p.value)) };
      } finally {
        setKernels(previous);
      }
    };
    assert.equal(privateMemory.runtime.framesWork, false);
    assert.equal(backends[0].runtime.framesWork, true);
    const framed = await run(backends[0]);
    const plain = await run(privateMemory);
    assert.equal(framed.history, plain.history);
    framed.params.forEach((p, i) => assert.deepEqual(p, plain.params[i], `parameter ${i}`));
  });

  for (const k of backends) {
    it(`kernels that mask or scatter dy in place leave the caller's dy (a frame's view) unchanged (${k.name})`, () => {
      const rng = new Rng(9);
      const g = conv2dGeometry('test', [2, 3, 6, 6], { outChannels: 4, kernelSize: 3, padding: 1 });
      const x = randomTensor(rng, [2, 3, 6, 6], 'float32');
      const w = randomTensor(rng, [4, 3, 3, 3], 'float32');
      withBackend(k, () => k.frame!(() => {
        const rt = k.runtime;
        const y = k.conv2d(x, w, null, g, { relu: true }); // a view: about half its entries are 0
        assert.ok(rt.holds(y.data as Float32Array), 'conv2d output is a view of the frame');
        const dy = new Tensor(rt.resident(randomTensor(rng, [2, 4, 6, 6], 'float32').data as Float32Array), [2, 4, 6, 6]);
        const before = bytes(dy);
        const dW = Tensor.zeros([4, 3, 3, 3]);
        k.conv2dBackward(x, w, dy, g, { dW, db: null, needDx: true, reluOutput: y });
        assert.deepEqual(bytes(dy), before, 'conv2dBackward with reluOutput');
        const flat = new Tensor(dy.data, [8, 36]);
        const yFlat = new Tensor(y.data, [8, 36]);
        k.linearBackward(randomTensor(rng, [8, 5], 'float32'), randomTensor(rng, [5, 36], 'float32'), flat,
          { dW: Tensor.zeros([5, 36]), db: Tensor.zeros([36]), needDx: true, reluOutput: yFlat });
        assert.deepEqual(bytes(dy), before, 'linearBackward with reluOutput');
        const xIn = randomTensor(rng, [2, 4, 6, 6], 'float32');
        const ones = Tensor.full([4], 1);
        k.batchNormBackward(dy, xIn, Tensor.zeros([4]), ones, ones, Tensor.zeros([4]), Tensor.zeros([4]), y);
        assert.deepEqual(bytes(dy), before, 'batchNormBackward with reluOutput');
        const relu = { kind: 'relu' } as const;
        k.activationBackward(relu, y, y, dy);
        assert.deepEqual(bytes(dy), before, 'activationBackward');
        const sum = k.add(dy, y);
        assert.deepEqual(bytes(dy), before, 'add');
        assert.notEqual(sum.data.byteOffset, dy.data.byteOffset, 'add writes a new tensor');
      }));
    });
  }

  it('a view from a finished frame is refused with a clear error, and outside frames outputs are plain copies', () => {
    const k = backends[1];
    const x = randomTensor(new Rng(2), [2, 8], 'float32');
    const relu = { kind: 'relu' } as const;
    const stale = k.frame!(() => k.activation(relu, x));
    assert.throws(() => k.activation(relu, stale), /tensor from a finished training step was used after the step ended/);
    assert.throws(() => k.frame!(() => k.add(stale, x)), /finished training step/);
    // A max pool's argmax is a view of the frame too, refused likewise once the frame has ended.
    const pg = pool2dGeometry('test', [1, 2, 4, 4], { kernelSize: 2 });
    const image = randomTensor(new Rng(3), [1, 2, 4, 4], 'float32');
    const pooled = k.frame!(() => k.maxPool2d(image, pg));
    assert.throws(() => k.maxPool2dBackward(pooled.y.clone(), pooled.argmax, pg), /finished training step/);
    const copy = k.activation(relu, x);
    assert.equal(k.runtime.holds(copy.data as Float32Array), false);
    assert.notEqual(copy.data.buffer, k.runtime.memory.buffer);
    // A frame inside a frame is part of it: its outputs stay readable until the outer one ends.
    k.frame!(() => {
      const inner = k.frame!(() => k.activation(relu, x));
      assert.deepEqual(Array.from(k.add(inner, x).data), Array.from(x.data, (v) => Math.max(v, 0) + v));
    });
  });

  it('a frame that outgrows what it may keep copies the rest of its outputs out, and the step still gives the same bits', () => {
    const k = backends[0];
    const plain = trainResnet(k, false);
    const rt = k.runtime;
    const limit = rt.frameKeepBytes;
    rt.frameKeepBytes = 600_000; // the first few activations of a step at this size
    try {
      const framed = trainResnet(k, true);
      assert.deepEqual(framed.losses, plain.losses);
      framed.params.forEach((p, i) => assert.deepEqual(p, plain.params[i], `parameter or buffer ${i}`));
      const spilled = k.frame!(() => {
        const x = randomTensor(new Rng(1), [100_000], 'float32');
        const kept = k.activation({ kind: 'relu' }, x); // the first output fits
        const copied = k.activation({ kind: 'relu' }, kept); // the next would pass the limit
        return { keptIsView: rt.holds(kept.data as Float32Array), copiedIsView: rt.holds(copied.data as Float32Array) };
      });
      assert.deepEqual(spilled, { keptIsView: true, copiedIsView: false });
    } finally {
      rt.frameKeepBytes = limit;
    }
  });

  it('private memory (no frames): frame() runs fn and outputs stay copies', () => {
    const k = privateMemory;
    const x = randomTensor(new Rng(4), [3, 5], 'float32');
    const y = k.frame!(() => k.activation({ kind: 'relu' }, x));
    assert.equal(k.runtime.holds(y.data as Float32Array), false);
    assert.deepEqual(Array.from(y.data), Array.from(x.data, (v) => Math.max(v, 0)));
  });
});
