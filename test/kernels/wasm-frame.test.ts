// SPDX-License-Identifier: MIT
// Frames of the wasm backend (Kernels.frame): inside one, kernel outputs stay in the arena as
// views and kernels read such views where they lie. A step in a frame must give the bits of the
// same step without one (the resnet preset's fan-out and merges included, 1 and 2 threads, and
// fit() against a backend that has no frames at all); a kernel that works in place on its copy
// of dy must leave the caller's dy alone; a view from a finished frame is refused, not read; and
// outside a frame outputs stay plain copies. Containers release what backward has used
// (Kernels.release): the step's bits stay, its peak falls, and a released tensor is refused.
import { after, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { unetSpec } from '../../examples/unet/unet.js';
import type { Container } from '../../src/layers/layer.js';
import type { ModelSpec } from '../../src/train/presets.js';

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

/**
 * Two SGD steps of a model in frames with the runtime's frame reuse on or off: the parameters,
 * buffers and losses, each step's peak arena bytes, and each step's logits read after backward.
 */
function trainSteps(k: WasmKernels, spec: ModelSpec, inputShape: number[], batch: number, reuse: boolean, pixelClasses = false, inputGrad = false) {
  return withBackend(k, () => {
    const rt = k.runtime;
    const rng = new Rng(11);
    const model = modelFromSpec(spec, { inputShape: [1, ...inputShape], rng }) as Container;
    const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
    const loss = new SoftmaxCrossEntropy();
    const losses: number[] = [];
    const peaks: number[] = [];
    const logits: Uint8Array[] = [];
    const inputGrads: Uint8Array[] = [];
    rt.frameReuse = reuse;
    try {
      for (let s = 0; s < 2; s++) {
        const x = randomTensor(rng, [batch, ...inputShape], 'float32');
        const count = pixelClasses ? batch * inputShape[1] * inputShape[2] : batch;
        const y = Int32Array.from({ length: count }, (_, i) => (i * 7 + s) % 3);
        rt.highWater = 0;
        const start = rt.memory.buffer.byteLength; // only for the message
        inFrame(() => {
          optimizer.zeroGrad();
          const out = model.forward(x, 'train');
          losses.push(loss.forward(out, y));
          const copy = bytes(out);
          const dx = model.backward(loss.backward(), { needInputGrad: inputGrad });
          if (dx) inputGrads.push(bytes(dx)); // read after backward: dL/dx is the caller's
          optimizer.step();
          assert.deepEqual(bytes(out), copy, `the logits of step ${s} read after backward (memory ${start})`);
          logits.push(copy);
        });
        peaks.push(rt.highWater - rt.arenaBase);
      }
    } finally {
      rt.frameReuse = true;
    }
    const params = [...model.parameters(), ...model.buffers()].map((t) => bytes(t.value));
    return { params, losses, peaks, logits, inputGrads };
  });
}

describe('wasm frames', () => {
  // Sizes where the step's activations, not one call's scratch, set the peak. (LeNet-5's peak is a
  // convolution's scratch; the U-Net's is its first backward convolution's scratch on top of every
  // activation, before anything can be released: 0.81 of it at 1 thread, 0.95 at 2.)
  const models: { name: string; spec: () => ModelSpec; inputShape: number[]; batch: number; pixelClasses?: boolean; inputGrad?: boolean; peakBelow: number }[] = [
    { name: 'resnet preset (a Graph: shortcuts, BatchNorm)', spec: () => presetSpec('resnet'), inputShape: [1, 28, 28], batch: 16, peakBelow: 0.75 },
    { name: 'mobilenet preset (depthwise, ReLU6, inverted residuals)', spec: () => presetSpec('mobilenet', { inputShape: [3, 32, 32] }), inputShape: [3, 32, 32], batch: 8, peakBelow: 0.5 },
    { name: 'cnn-bn (a Sequential: conv + BatchNorm + ReLU + pool)', spec: () => presetSpec('cnn-bn'), inputShape: [1, 28, 28], batch: 32, peakBelow: 0.85 },
    { name: 'lenet5 (a Sequential: conv + ReLU + pool in one backward call)', spec: () => presetSpec('lenet5'), inputShape: [1, 28, 28], batch: 32, peakBelow: 1.01 },
    {
      // Flatten's output shares Tanh's y, which Tanh's backward reads after Flatten's has run: y must stay.
      name: 'a Graph whose Flatten shares the memory of the Tanh output before it',
      spec: () => ({ type: 'Graph', nodes: [
        { name: 'conv', type: 'Conv2d', outChannels: 4, kernelSize: 3, padding: 1 }, { name: 'act', type: 'Tanh' },
        { name: 'flat', type: 'Flatten' }, { name: 'fc', type: 'Linear', outFeatures: 3 },
        { name: 'skip', inputs: ['fc'], type: 'Tanh' }, { name: 'out', inputs: ['fc', 'skip'], type: 'Add' },
      ], output: 'out' }),
      inputShape: [2, 8, 8], batch: 4, peakBelow: 1.01,
    },
    {
      // Containers inside containers (as an imported model's Graph of Sequentials), and dL/dx asked for.
      name: 'a Sequential holding a Graph holding a Sequential, dL/dx wanted',
      spec: () => [
        { type: 'Conv2d', outChannels: 8, kernelSize: 3, padding: 1 }, { type: 'BatchNorm2d' }, { type: 'ReLU6' },
        { type: 'Graph', nodes: [
          { name: 'block', type: 'Sequential', layers: [
            { type: 'Conv2d', outChannels: 8, kernelSize: 3, padding: 1 }, { type: 'BatchNorm2d' }, { type: 'ReLU6' }] },
          { name: 'sum', inputs: ['input', 'block'], type: 'Add' }, { name: 'act', type: 'ReLU' },
        ], output: 'act' },
        { type: 'GlobalAvgPool2d' }, { type: 'Flatten' }, { type: 'Linear', outFeatures: 3 },
      ] as ModelSpec,
      inputShape: [3, 24, 24], batch: 32, inputGrad: true, peakBelow: 0.8,
    },
    { name: 'U-Net (Concat skips, ConvTranspose2d up-steps, a loss a pixel)', spec: () => unetSpec(8, 3, 'transposed') as ModelSpec, inputShape: [1, 28, 28], batch: 8, pixelClasses: true, peakBelow: 0.97 },
  ];
  for (const k of backends) {
    for (const m of models) {
      it(`${m.name}: released activations and gradients leave the bits and lower the step's peak (${k.name})`, () => {
        const kept = trainSteps(k, m.spec(), m.inputShape, m.batch, false, m.pixelClasses, m.inputGrad);
        const reused = trainSteps(k, m.spec(), m.inputShape, m.batch, true, m.pixelClasses, m.inputGrad);
        assert.deepEqual(reused.losses, kept.losses);
        assert.deepEqual(reused.logits, kept.logits);
        assert.deepEqual(reused.inputGrads, kept.inputGrads);
        assert.equal(reused.inputGrads.length, m.inputGrad ? 2 : 0);
        reused.params.forEach((p, i) => assert.deepEqual(p, kept.params[i], `parameter or buffer ${i}`));
        const ratio = reused.peaks[1] / kept.peaks[1];
        assert.ok(ratio < m.peakBelow, `peak ${reused.peaks[1]} with reuse against ${kept.peaks[1]} without: ${ratio.toFixed(3)}`);
      });
    }
  }

  it('a value that only ReLU6 (or ReLU) reads, made by a layer whose backward skips its output, is released once they have run forward', () => {
    const k = backends[0];
    const relu = { kind: 'relu' } as const;
    const layers = (act: string) => [
      { type: 'Conv2d', outChannels: 4, kernelSize: 3, padding: 1 }, { type: 'BatchNorm2d' }, { type: act },
      { type: 'Conv2d', outChannels: 2, kernelSize: 3, padding: 1 },
    ];
    const graph = (act: string) => ({ type: 'Graph', nodes: layers(act).map((l, i) => ({ name: `n${i}`, ...l })), output: 'n3' });
    const x = randomTensor(new Rng(8), [2, 3, 6, 6], 'float32');
    const original = k.batchNormForward;
    try {
      for (const [spec, released] of [
        [layers('ReLU6'), true], [graph('ReLU6'), true],
        [layers('Tanh'), false], [graph('Tanh'), false], [graph('Hardswish'), false], // their backward reads x
        [layers('ReLU'), false], [graph('ReLU'), false], // BatchNorm + ReLU run as one pass: its output is the ReLU's y, which the ReLU reads
      ] as const) {
        let bnOutput: Tensor | null = null;
        k.batchNormForward = (...args) => (bnOutput = original(...args));
        const model = withBackend(k, () => modelFromSpec(spec as ModelSpec, { inputShape: [1, 3, 6, 6], rng: new Rng(1) }) as Container);
        withBackend(k, () => k.frame!(() => {
          const y = model.forward(x, 'train');
          const label = `${JSON.stringify(spec).slice(0, 40)}…`;
          if (released) assert.throws(() => k.activation(relu, bnOutput!), /used after its model released it/, label);
          else assert.equal(k.activation(relu, bnOutput!).size, bnOutput!.size, label);
          model.backward(Tensor.full(y.shape, 0.5), { needInputGrad: true });
        }));
      }
    } finally {
      k.batchNormForward = original;
    }
  });

  it('release() frees a whole block of the frame for the next output, refuses a released view, and keeps what a live tensor shares', () => {
    const k = backends[0];
    const rt = k.runtime;
    const relu = { kind: 'relu' } as const;
    const x = randomTensor(new Rng(6), [3, 1000], 'float32');
    const outside = k.activation(relu, x);
    k.release!([outside], []); // outside a frame: nothing to free (a plain copy)
    assert.deepEqual(Array.from(outside.data), Array.from(x.data, (v) => Math.max(v, 0)));
    k.frame!(() => {
      const a = k.activation(relu, x);
      const b = k.activation(relu, a);
      k.release!([a], [b]);
      const c = k.activation(relu, b); // the same size: a's block
      assert.equal(c.data.byteOffset, a.data.byteOffset, 'the next output of that size goes where a was');
      assert.throws(() => k.activation(relu, a), /used after its model released it/);
      // A tensor that shares b's memory (a reshape) keeps it: b stays readable, the next output goes elsewhere.
      const reshaped = new Tensor(b.data, [3000]);
      k.release!([b], [reshaped, c]);
      const d = k.activation(relu, c);
      assert.notEqual(d.data.byteOffset, b.data.byteOffset);
      assert.deepEqual(Array.from(k.add(b, x).data), Array.from(x.data, (v) => Math.max(v, 0) + v));
      // Part of a block is not the block: a subarray frees nothing (b's neighbour stays where it is).
      k.release!([new Tensor(c.data.subarray(0, 1000), [1000])], []);
      const e = k.activation(relu, x);
      assert.notEqual(e.data.byteOffset, c.data.byteOffset);
      assert.deepEqual(Array.from(c.data), Array.from(x.data, (v) => Math.max(v, 0)));
      // A smaller output takes the front of a freed block; releasing the frame's topmost block lowers the arena's top.
      k.release!([d], []);
      const small = k.activation(relu, randomTensor(new Rng(7), [10], 'float32'));
      assert.equal(small.data.byteOffset, d.data.byteOffset);
      k.release!([e], []);
      const next = k.activation(relu, x);
      assert.equal(next.data.byteOffset, e.data.byteOffset, 'the top block, freed, is where the arena continues');
    });
    // A new frame starts with nothing freed and nothing kept: the first output goes where the last frame's first went.
    const first = () => k.frame!(() => k.activation(relu, x).data.byteOffset);
    assert.equal(first(), first());
  });

  it('backward run twice after one forward in a frame is refused with a clear error (its activations were released), not read', () => {
    const k = backends[0];
    withBackend(k, () => {
      const model = modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 12, 12], rng: new Rng(2) }) as Container;
      const x = randomTensor(new Rng(3), [2, 1, 12, 12], 'float32');
      const loss = new SoftmaxCrossEntropy();
      k.frame!(() => {
        loss.forward(model.forward(x, 'train'), Int32Array.from([1, 2]));
        const d = loss.backward();
        model.backward(d, { needInputGrad: false });
        assert.throws(() => model.backward(d, { needInputGrad: false }), /used after its model released it/);
      });
      // Outside a frame nothing is released: backward twice works (and adds the gradients twice).
      loss.forward(model.forward(x, 'train'), Int32Array.from([1, 2]));
      const d = loss.backward();
      model.backward(d);
      assert.ok(model.backward(d) instanceof Tensor);
    });
  });

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
    // The copy kernels and the kernels the reference runs refuse it outside a frame too (they read
    // the memory where the view lies, another tensor's by now: first a frame that reuses it).
    const view4 = k.frame!(() => k.activation(relu, image));
    k.frame!(() => k.add(image, image));
    const cg = conv2dGeometry('test', [1, 2, 4, 4], { outChannels: 1, kernelSize: 3 });
    for (const [name, call] of [
      ['concat', () => k.concat([view4, image], 1)], ['sliceAxis', () => k.sliceAxis(view4, 1, 0, 1)],
      ['padAxis', () => k.padAxis(view4, 1, 1, 0)], ['channelShuffle', () => k.channelShuffle(view4, 2)],
      ['im2col (the reference kernel)', () => k.im2col(view4, cg)],
    ] as const) {
      assert.throws(call, /finished training step/, name);
    }
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

describe('a page without cross-origin isolation', () => {
  it('has no SharedArrayBuffer global: the wasm backend still runs frames and training steps (one thread, private memory)', () => {
    // In a child process: deleting the global here would change every other test.
    const dir = mkdtempSync(join(tmpdir(), 'nabla-nosab-'));
    const root = new URL('../../', import.meta.url);
    const script = join(dir, 'step.mts');
    writeFileSync(script, `
      delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
      const { initBackend, inFrame } = await import(${JSON.stringify(new URL('src/kernels/index.ts', root).href)});
      const { presetSpec } = await import(${JSON.stringify(new URL('src/train/presets.ts', root).href)});
      const { modelFromSpec } = await import(${JSON.stringify(new URL('src/layers/spec.ts', root).href)});
      const { SoftmaxCrossEntropy } = await import(${JSON.stringify(new URL('src/losses/softmax-cross-entropy.ts', root).href)});
      const { SGD } = await import(${JSON.stringify(new URL('src/optim/sgd.ts', root).href)});
      const { Rng } = await import(${JSON.stringify(new URL('src/tensor/rng.ts', root).href)});
      const { Tensor } = await import(${JSON.stringify(new URL('src/tensor/tensor.ts', root).href)});
      const k = await initBackend({ backend: 'wasm', threads: 2 });
      const model = modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 12, 12], rng: new Rng(1) });
      const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
      const loss = new SoftmaxCrossEntropy();
      const x = Tensor.zeros([2, 1, 12, 12]);
      x.data.forEach((_, i) => { x.data[i] = Math.sin(i); });
      const losses = [0, 1].map(() => inFrame(() => { opt.zeroGrad(); const l = loss.forward(model.forward(x, 'train'), Int32Array.from([1, 2])); model.backward(loss.backward(), { needInputGrad: false }); opt.step(); return l; }));
      console.log(JSON.stringify({ name: k.name, losses, finite: losses.every(Number.isFinite), eval: model.forward(x, 'eval').shape }));
    `);
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: fileURLToPath(root) });
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      assert.match(out.name, /^wasm \(\w+, 1 thread\)$/, 'one thread: workers need shared memory');
      assert.ok(out.finite && out.losses[1] < out.losses[0], JSON.stringify(out.losses));
      assert.deepEqual(out.eval, [2, 10]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
