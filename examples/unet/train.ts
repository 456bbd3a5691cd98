// SPDX-License-Identifier: MIT
// Trains the U-Net of unet.ts on the MNIST digit-stroke segmentation task with the spatial
// SoftmaxCrossEntropy and reports the pixel accuracy on held-out digits.
// Run: npx tsx examples/unet/train.ts [trainCount] [epochs] [transposed|bilinear]
import { loadEmbeddedMnist } from '../../src/data/mnist.js';
import { initBackend } from '../../src/kernels/index.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Adam } from '../../src/optim/adam.js';
import { Rng } from '../../src/tensor/rng.js';
import { fit } from '../../src/train/fit.js';
import { evaluate } from '../../src/train/metrics.js';
import type { Layer } from '../../src/layers/layer.js';
import { backgroundFraction, digitSegmentation, unetSpec, type UpStep } from './unet.js';

const trainCount = Number(process.argv[2] ?? 2000);
const epochs = Number(process.argv[3] ?? 3);
const upStep = (process.argv[4] ?? 'transposed') as UpStep;
if (upStep !== 'transposed' && upStep !== 'bilinear') throw new Error(`train.ts: the up-step is 'transposed' or 'bilinear', got '${upStep}'`);
await initBackend();
const [trainDigits, testDigits] = await loadEmbeddedMnist();
const train = digitSegmentation(trainDigits.subset(Array.from({ length: trainCount }, (_, i) => i)));
const test = digitSegmentation(testDigits);
const model = modelFromSpec(unetSpec(8, 3, upStep), { rng: new Rng(1), inputShape: [1, 1, 28, 28] }) as unknown as Layer;
const began = Date.now();
await fit(model, {
  optimizer: new Adam(model.parameters(), { lr: 0.01 }), train, epochs, batchSize: 32, seed: 1,
  callbacks: [{ onEpochEnd: (_ctx, r) => console.log(`epoch ${r.epoch}: loss ${r.trainLoss.toFixed(4)}, train pixel accuracy ${(100 * (r.trainAccuracy ?? NaN)).toFixed(2)}%`) }],
});
const result = evaluate(model, test);
console.log(`held-out pixel accuracy ${(100 * result.accuracy).toFixed(2)}% on ${test.length} digits ` +
  `(all background: ${(100 * backgroundFraction(test)).toFixed(2)}%), ${((Date.now() - began) / 1000).toFixed(1)} s`);
