// SPDX-License-Identifier: MIT
// Nabla's side of the workloads: G1 through kernels().matmul, W1–W6 through the layers, the
// softmax cross-entropy loss (per pixel for W6's U-Net) and plain SGD, on whatever backend is installed.
import { inFrame, keepResident, kernels, trainingTensors } from '../src/kernels/index.js';
import { Conv2d } from '../src/layers/conv2d.js';
import { Flatten } from '../src/layers/flatten.js';
import { Linear } from '../src/layers/linear.js';
import { MaxPool2d } from '../src/layers/max-pool2d.js';
import { ReLU } from '../src/layers/activations.js';
import { Sequential } from '../src/layers/sequential.js';
import { SoftmaxCrossEntropy } from '../src/losses/softmax-cross-entropy.js';
import { SGD } from '../src/optim/sgd.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';
import { presetSpec } from '../src/train/presets.js';
import { modelFromSpec } from '../src/layers/spec.js';
import type { Container } from '../src/layers/layer.js';
import type { Workload } from './workloads.js';
import { unetSpec } from '../examples/unet/unet.js';

function randomTensor(rng: Rng, shape: number[]): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
  return t;
}

function randomTargets(rng: Rng, n: number, classes: number): Int32Array {
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = rng.int(classes);
  return t;
}

export function mlp(rng: Rng): Sequential {
  return new Sequential([
    new Linear(784, 512, { rng }), new ReLU(), new Linear(512, 256, { rng }), new ReLU(), new Linear(256, 10, { rng }),
  ]);
}

export function lenet5(rng: Rng): Sequential {
  return new Sequential([
    new Conv2d(1, 6, 5, { padding: 2, rng }), new ReLU(), new MaxPool2d(2),
    new Conv2d(6, 16, 5, { rng }), new ReLU(), new MaxPool2d(2), new Flatten(),
    new Linear(400, 120, { rng }), new ReLU(), new Linear(120, 84, { rng }), new ReLU(), new Linear(84, 10, { rng }),
  ]);
}

export function cnn(rng: Rng): Sequential {
  return new Sequential([
    new Conv2d(1, 32, 3, { rng }), new ReLU(), new Conv2d(32, 64, 3, { rng }), new ReLU(), new MaxPool2d(2),
    new Flatten(), new Linear(9216, 128, { rng }), new ReLU(), new Linear(128, 10, { rng }),
  ]);
}

/** The `resnet` preset for 1×28×28 inputs (W5). */
export function resnet(rng: Rng): Container {
  return modelFromSpec(presetSpec('resnet'), { inputShape: [1, 1, 28, 28], rng });
}

/** The U-Net of examples/unet at width 16 (16, 32, 64 channels), 3 classes a pixel (W6). */
export function unet(rng: Rng): Container {
  return modelFromSpec(unetSpec(16, 3, 'transposed'), { inputShape: [1, 1, 28, 28], rng });
}

/** One repetition of the workload: a GEMM, a training step or an inference batch. */
export function nablaStep(w: Workload): () => void {
  const rng = new Rng(4);
  if (w.id === 'G1') {
    const a = randomTensor(rng, [w.n!, w.n!]);
    const b = randomTensor(rng, [w.n!, w.n!]);
    const out = Tensor.zeros([w.n!, w.n!]);
    // In the wasm heap, as a training step's weights and activations are (and as PyTorch's and
    // TF.js's operands are in their own memory): the GEMM is timed, not copies in and out.
    keepResident([a, b, out]);
    return () => void kernels().matmul(a, b, { out });
  }
  const model: Container = w.id === 'W1' ? mlp(rng) : w.id === 'W3' ? cnn(rng) : w.id === 'W5' ? resnet(rng) : w.id === 'W6' ? unet(rng) : lenet5(rng);
  const x = randomTensor(rng, w.id === 'W1' ? [w.batch, 784] : [w.batch, 1, 28, 28]);
  if (w.id === 'W4') {
    keepResident(model.parameters().map((p) => p.value)); // as evaluate() does
    return () => inFrame(() => void model.forward(x, 'eval')); // one frame per batch, as evaluate() runs it
  }
  const targets = w.id === 'W6' ? randomTargets(rng, w.batch * 28 * 28, 3) : randomTargets(rng, w.batch, 10); // W6: a class a pixel
  const loss = new SoftmaxCrossEntropy();
  const optimizer = new SGD(model.parameters(), { lr: 0.01 });
  const parameters = model.parameters();
  keepResident(trainingTensors(parameters, optimizer)); // as fit() does, before training and after each step
  return () => {
    inFrame(() => { // as fit() runs a step
      optimizer.zeroGrad();
      loss.forward(model.forward(x, 'train'), targets);
      model.backward(loss.backward(), { needInputGrad: false });
      optimizer.step();
    });
    keepResident(trainingTensors(parameters, optimizer));
  };
}
