// SPDX-License-Identifier: MIT
// Resident tensors of the wasm backend (Kernels.keepResident): parameters, their gradients and an
// optimizer's state moved into wasm memory, where kernels read and update them in place. Training
// with them must give the bits of training without (1 and 2 threads, SGD and AdamW, whose state
// appears in its first step); nothing moves inside a frame or on private memory; the numbers
// survive the move; a block whose array is collected is reused.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomTensor } from './util.js';
import { withBackend } from '../helpers/backend.js';
import { createWasmKernels, type WasmKernels } from '../../src/kernels/wasm/index.js';
import { inFrame, keepResident, trainingTensors } from '../../src/kernels/index.js';
import { refKernels } from '../../src/kernels/ref/index.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { AdamW } from '../../src/optim/adam.js';
import { SGD } from '../../src/optim/sgd.js';
import type { Optimizer } from '../../src/optim/optimizer.js';
import type { Parameter } from '../../src/tensor/tensor.js';
import { presetSpec } from '../../src/train/presets.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';

const backends = [await createWasmKernels({ threads: 1 }), await createWasmKernels({ threads: 2 })];
const privateMemory = await createWasmKernels({ threads: 1, sharedMemory: false });
after(() => [...backends, privateMemory].forEach((k) => k.close()));

const bytes = (t: Tensor): Uint8Array => new Uint8Array(new Float32Array(t.data).buffer);

/** Three steps of the resnet preset (convolutions, batch norm, a linear head) in frames, with or without keepResident between them. */
function train(k: WasmKernels, resident: boolean, makeOptimizer: (params: Parameter[]) => Optimizer) {
  return withBackend(k, () => {
    const rng = new Rng(21);
    const model = modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 12, 12], rng });
    const parameters = model.parameters();
    const optimizer = makeOptimizer(parameters);
    const loss = new SoftmaxCrossEntropy();
    const keep = () => resident && keepResident(trainingTensors(parameters, optimizer));
    keep();
    for (let s = 0; s < 3; s++) {
      const x = randomTensor(rng, [4, 1, 12, 12], 'float32');
      const y = Int32Array.from({ length: 4 }, (_, i) => (i * 7 + s) % 10);
      inFrame(() => {
        optimizer.zeroGrad();
        loss.forward(model.forward(x, 'train'), y);
        model.backward(loss.backward(), { needInputGrad: false });
        optimizer.step();
      });
      keep();
    }
    const state = optimizer.stateTensors();
    return {
      params: parameters.map((p) => bytes(p.value)),
      state: state.map(bytes),
      residentParams: parameters.filter((p) => k.runtime.isResident(p.value.data as Float32Array)).length,
      residentGrads: parameters.filter((p) => k.runtime.isResident(p.grad.data as Float32Array)).length,
      residentState: state.filter((t) => k.runtime.isResident(t.data as Float32Array)).length,
      count: parameters.length,
      stateCount: state.length,
    };
  });
}

describe('wasm resident tensors', () => {
  const optimizers: [string, (params: Parameter[]) => Optimizer][] = [
    ['SGD with momentum', (params) => new SGD(params, { lr: 0.05, momentum: 0.9, weightDecay: 5e-4 })],
    ['AdamW', (params) => new AdamW(params, { lr: 0.01, weightDecay: 0.01 })],
  ];
  for (const k of backends) {
    for (const [label, make] of optimizers) {
      it(`training with resident parameters, gradients and state gives the bits of copies (${label}, ${k.name})`, () => {
        const copied = train(k, false, make);
        const resident = train(k, true, make);
        assert.equal(copied.residentParams, 0);
        assert.equal(resident.residentParams, resident.count, 'every parameter moved');
        assert.equal(resident.residentGrads, resident.count, 'every gradient moved');
        assert.ok(resident.stateCount > 0);
        assert.equal(resident.residentState, resident.stateCount, 'the optimizer state moved after its first step');
        resident.params.forEach((p, i) => assert.deepEqual(p, copied.params[i], `parameter ${i}`));
        resident.state.forEach((t, i) => assert.deepEqual(t, copied.state[i], `state ${i}`));
      });
    }
  }

  it('moves keep the numbers and the tensor; an update in place is seen through tensor.data', () => {
    const k = backends[1];
    const theta = randomTensor(new Rng(4), [300], 'float32');
    const g = randomTensor(new Rng(5), [300], 'float32');
    const before = Float32Array.from(theta.data);
    k.keepResident!([theta, g]);
    assert.ok(k.runtime.isResident(theta.data as Float32Array));
    assert.deepEqual(Float32Array.from(theta.data), before, 'the numbers moved with it');
    const view = theta.data;
    const coefficients = { lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, first: true };
    const expected = Tensor.from(before, [300]);
    refKernels.sgdStep(expected, Tensor.from(g.data, [300]), null, coefficients);
    k.sgdStep(theta, g, null, coefficients);
    assert.equal(theta.data, view, 'updated where it lies');
    assert.deepEqual(bytes(theta), bytes(expected));
  });

  it('nothing moves inside a frame, on private memory, or for float64 tensors', () => {
    const t = randomTensor(new Rng(6), [64], 'float32');
    const data = t.data;
    backends[0].frame!(() => backends[0].keepResident!([t]));
    assert.equal(t.data, data, 'inside a frame');
    privateMemory.keepResident!([t]);
    assert.equal(t.data, data, 'private memory');
    const d = randomTensor(new Rng(7), [64], 'float64');
    backends[0].keepResident!([d]);
    assert.ok(d.data instanceof Float64Array);
    // A resident tensor is never refused as stale: it outlives every frame.
    backends[0].keepResident!([t]);
    const relu = { kind: 'relu' } as const;
    backends[0].frame!(() => backends[0].activation(relu, t));
    assert.doesNotThrow(() => backends[0].activation(relu, t));
  });

  it('relocate refuses an array of another kind or length', () => {
    const t = Tensor.zeros([4]);
    assert.throws(() => t.relocate(new Float32Array(5)), /Float32Array of 4 elements, got a Float32Array of 5/);
    assert.throws(() => t.relocate(new Float64Array(4)), /got a Float64Array/);
  });

  it("a collected resident array's block is reused instead of growing the region", async () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const k = await createWasmKernels({ threads: 1 }); // its own runtime: no other holes
    try {
      let offset = -1;
      (() => {
        const t = Tensor.zeros([1000]);
        k.keepResident!([t]);
        offset = t.data.byteOffset;
      })();
      const keep: Float32Array[] = []; // probes stay referenced: each one is a new block until the first is freed
      let reused = false;
      for (let attempt = 0; attempt < 20 && !reused; attempt++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 20)); // finalizers run between tasks
        const probe = k.runtime.residentArray(1000)!;
        keep.push(probe);
        reused = probe.byteOffset === offset;
      }
      assert.ok(reused, 'the freed block came back');
    } finally {
      k.close();
    }
  });
});
