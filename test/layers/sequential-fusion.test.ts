// SPDX-License-Identifier: MIT
// Sequential runs Conv2d or Linear followed by ReLU as one pass (the ReLU in the kernel's
// epilogue): outputs, input gradients and parameter gradients must be bit-identical to running
// the layers one by one, in train and eval mode, on the reference and the wasm backend (1 and 2
// threads), and the ReLU kernel must not run for a fused pair; backward runs a Conv2d or Linear +
// ReLU pair as one conv2dBackward / linearBackward call (the ReLU's mask inside it) and Conv2d +
// ReLU + MaxPool2d as one conv2dBackward call (the pool's routing too), with the same bits, also
// when training stops at a fused first pair (needInputGrad false); a Graph (the resnet preset) fuses
// a node with the ReLU that alone reads it the same way, a residual Add too (the ReLU in its last sum).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kernels } from '../../src/kernels/backend.js';
import { kernels, refKernels, setKernels } from '../../src/kernels/index.js';
import { createWasmKernels } from '../../src/kernels/wasm/index.js';
import { ReLU, Tanh } from '../../src/layers/activations.js';
import { BatchNorm2d } from '../../src/layers/batch-norm.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { Flatten } from '../../src/layers/flatten.js';
import { isContainer, type BackwardOptions, type Container, type Layer, type Mode, type Module } from '../../src/layers/layer.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { presetSpec } from '../../src/train/presets.js';
import { Linear } from '../../src/layers/linear.js';
import { MaxPool2d } from '../../src/layers/max-pool2d.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { randn, Rng } from './util.js';

const wasmBackends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
after(() => wasmBackends.forEach((k) => k.close()));

/** Conv → ReLU (fused) → pool, conv without bias → BN → ReLU (fused), Linear → ReLU (fused), Linear → Tanh (not), Linear without bias → ReLU (fused). */
function layers(seed: number): Layer[] {
  const rng = new Rng(seed);
  return [
    new Conv2d(2, 4, 3, { padding: 1, rng }), new ReLU(), new MaxPool2d(2),
    new Conv2d(4, 6, 3, { bias: false, rng }), new BatchNorm2d(6), new ReLU(), new Flatten(),
    new Linear(6, 9, { rng }), new ReLU(), new Linear(9, 5, { rng }), new Tanh(), new Linear(5, 7, { bias: false, rng }), new ReLU(),
  ];
}

function bits(t: Tensor): number[] {
  return Array.from(t.data);
}

/** Forward and backward through the layers one at a time (no fusion), returning y, dx and every grad. */
function unfused(ls: Layer[], x: Tensor, r: Tensor, mode: Mode): number[][] {
  let y = x;
  for (const layer of ls) y = layer.forward(y, mode);
  let d = r;
  for (let i = ls.length - 1; i >= 0; i--) d = ls[i].backward(d);
  return [bits(y), bits(d), ...ls.flatMap((l) => l.parameters().map((p) => bits(p.grad)))];
}

function countActivations(k: Kernels, fn: () => void, kernel: 'activation' | 'activationBackward' | 'maxPool2dBackward' = 'activation'): number {
  let count = 0;
  const spy = Object.assign(Object.create(k) as Kernels, {
    [kernel]: (...args: unknown[]) => {
      count++;
      return (k[kernel] as (...a: unknown[]) => Tensor)(...args);
    },
  });
  const previous = kernels();
  setKernels(spy);
  try {
    fn();
  } finally {
    setKernels(previous);
  }
  return count;
}

describe('Sequential fuses Conv2d/Linear + ReLU', () => {
  for (const k of [refKernels, ...wasmBackends]) {
    for (const mode of ['train', 'eval'] as const) {
      test(`${k.name}, ${mode}: the same bits as the layers run apart, and no ReLU kernel call for a fused pair`, () => {
        const previous = kernels();
        setKernels(k);
        try {
          const rng = new Rng(77);
          const x = randn(rng, [3, 2, 6, 6], 1, 'float32');
          const r = randn(rng, [3, 7], 1, 'float32'); // upstream gradient
          const expected = unfused(layers(5), x, r, mode);
          const model = new Sequential(layers(5));
          let y: Tensor | null = null;
          const calls = countActivations(k, () => { y = model.forward(x, mode); });
          assert.equal(calls, 1, 'only the Tanh runs the activation kernel');
          let dx: Tensor | null = null;
          let poolCalls = 0;
          const backwardCalls = countActivations(k, () => {
            poolCalls = countActivations(kernels(), () => { dx = model.backward(r); }, 'maxPool2dBackward');
          }, 'activationBackward');
          assert.equal(poolCalls, 0, 'the max pool after Conv2d + ReLU runs inside the conv2dBackward call');
          // The ReLUs run inside the conv, batch norm and linear backward calls; in eval, batch norm's backward is a
          // per-channel scale and its ReLU's mask runs apart.
          assert.equal(backwardCalls, mode === 'train' ? 1 : 2, 'activation backward calls: the Tanh (and in eval the ReLU after BatchNorm)');
          const actual = [bits(y!), bits(dx!), ...model.layers.flatMap((l) => l.parameters().map((p) => bits(p.grad)))];
          assert.equal(actual.length, expected.length);
          actual.forEach((values, i) => assert.deepEqual(values, expected[i], `tensor ${i} (0: y, 1: dx, then the grads)`));
          assert.ok(expected[0].some((v) => v === 0) && expected[0].some((v) => v > 0), 'the last ReLU clips some outputs and keeps others');
        } finally {
          setKernels(previous);
        }
      });
    }
  }
});

describe('Sequential fuses Conv2d + ReLU backward when training stops at the first layer', () => {
  for (const k of [refKernels, ...wasmBackends]) {
    test(`${k.name}: needInputGrad false gives the unfused grads bit for bit`, () => {
      const previous = kernels();
      setKernels(k);
      try {
        const rng = new Rng(79);
        const x = randn(rng, [3, 2, 6, 6], 1, 'float32');
        const r = randn(rng, [3, 7], 1, 'float32');
        const expected = unfused(layers(6), x, r, 'train').slice(2); // the grads (the unfused run also computes dx)
        const model = new Sequential(layers(6));
        model.forward(x, 'train');
        assert.equal(model.backward(r, { needInputGrad: false }), null);
        const actual = model.layers.flatMap((l) => l.parameters().map((p) => bits(p.grad)));
        actual.forEach((values, i) => assert.deepEqual(values, expected[i], `grad ${i}`));
      } finally {
        setKernels(previous);
      }
    });
  }
});

test('a layer whose backward is replaced on the instance runs unfused, so every backward is seen', () => {
  const model = new Sequential(layers(5));
  const seen: string[] = [];
  for (const layer of model.layers) {
    const backward = layer.backward.bind(layer) as (dy: Tensor) => Tensor;
    layer.backward = ((dy: Tensor) => {
      seen.push(layer.name);
      return backward(dy);
    }) as Layer['backward'];
  }
  const rng = new Rng(80);
  model.forward(randn(rng, [2, 2, 6, 6], 1, 'float32'), 'train');
  model.backward(randn(rng, [2, 7], 1, 'float32'));
  assert.deepEqual(seen, model.layers.map((l) => l.name).reverse());
});

test('a layer whose forward is replaced on the instance (instrumentation) runs unfused, so every forward is seen', () => {
  const model = new Sequential(layers(5));
  const seen: string[] = [];
  for (const layer of model.layers) {
    const forward = layer.forward.bind(layer);
    layer.forward = (x, mode) => {
      seen.push(layer.name);
      return forward(x, mode);
    };
  }
  model.forward(randn(new Rng(78), [2, 2, 6, 6], 1, 'float32'), 'eval');
  assert.deepEqual(seen, model.layers.map((l) => l.name));
});

/** Replaces forward and backward of every leaf module on the instance (delegating), which turns fusion off. */
function instrument(m: Module): void {
  if (isContainer(m)) return m.children().forEach((c) => instrument(c.module));
  const layer = m as Layer;
  const [forward, backward] = [layer.forward.bind(layer), layer.backward.bind(layer)];
  layer.forward = (x, mode) => forward(x, mode);
  layer.backward = ((dy: Tensor, options?: BackwardOptions) => backward(dy, options ?? {})) as Layer['backward'];
}

/** One training-mode forward and backward of a container: y, dx, then every parameter's grad. */
function trainStepBits(model: Container, x: Tensor, r: Tensor): number[][] {
  const y = model.forward(x, 'train');
  const dx = model.backward(r);
  return [bits(y), bits(dx), ...model.parameters().map((p) => bits(p.grad))];
}

describe('Graph fuses a node with the ReLU that alone reads it (the resnet preset: BatchNorm + ReLU, Add + ReLU)', () => {
  for (const k of [refKernels, ...wasmBackends]) {
    test(`${k.name}: the same bits as the nodes run apart, and no ReLU kernel of its own`, () => {
      const previous = kernels();
      setKernels(k);
      try {
        const build = () => modelFromSpec(presetSpec('resnet', { inputShape: [1, 8, 8] }), { inputShape: [2, 1, 8, 8], rng: new Rng(81) });
        const rng = new Rng(82);
        const x = randn(rng, [3, 1, 8, 8], 1, 'float32');
        const r = randn(rng, [3, 10], 1, 'float32');
        const run = (model: Container): number[][] => trainStepBits(model, x, r);
        const apart = build();
        instrument(apart);
        const expected = run(apart);
        const fused = build();
        let actual: number[][] = [];
        const calls = countActivations(k, () => { actual = run(fused); });
        assert.equal(calls, 0, 'the stem and first block ReLUs run in the batch norm pass, those after the Adds in the sum');
        assert.equal(actual.length, expected.length);
        actual.forEach((values, i) => assert.deepEqual(values, expected[i], `tensor ${i} (0: y, 1: dx, then the grads)`));
      } finally {
        setKernels(previous);
      }
    });

    test(`${k.name}: an Add of three inputs, then a ReLU: the ReLU in the last sum, the same bits (a NaN kept)`, () => {
      const previous = kernels();
      setKernels(k);
      try {
        const spec = {
          type: 'Graph',
          nodes: [
            { name: 'a', type: 'Conv2d', outChannels: 3, kernelSize: 3, padding: 1 },
            { name: 'b', inputs: ['input'], type: 'Conv2d', outChannels: 3, kernelSize: 1 },
            { name: 'add', inputs: ['a', 'b', 'input'], type: 'Add' },
            { name: 'relu', type: 'ReLU' },
          ],
        };
        const build = () => modelFromSpec([spec, { type: 'Flatten' }], { inputShape: [1, 3, 4, 5], rng: new Rng(83) });
        const rng = new Rng(84);
        const x = randn(rng, [2, 3, 4, 5], 1, 'float32');
        x.data[7] = NaN; // max(NaN, 0) is NaN in the fused sum as in the ReLU's own forward
        const r = randn(rng, [2, 60], 1, 'float32');
        const run = (model: Container): number[][] => trainStepBits(model, x, r);
        const apart = build();
        instrument(apart);
        const expected = run(apart);
        let actual: number[][] = [];
        const calls = countActivations(k, () => { actual = run(build()); });
        assert.equal(calls, 0, 'the ReLU runs in the Add');
        assert.ok(actual[0].some(Number.isNaN), 'the NaN reaches the output');
        actual.forEach((values, i) => assert.deepEqual(values, expected[i], `tensor ${i} (0: y, 1: dx, then the grads)`));
      } finally {
        setKernels(previous);
      }
    });
  }
});
