// SPDX-License-Identifier: MIT
// What freezing saves (issue 10): ms per training step of the resnet preset (28×28, batch 32,
// wasm) with nothing frozen, the stem and layer1 frozen (its backward is skipped entirely),
// layer2 frozen too, and all but the head (only fc's dW is computed). The configurations run in
// interleaved rounds and each reports its median, so a load change on a shared machine hits all.
//   node --import tsx bench/freeze.ts [threads=1] [rounds=5] [steps=5] [batch=32]
import { initBackend } from '../src/kernels/index.js';
import { freeze, freezeAllButHead, unfreeze } from '../src/layers/freeze.js';
import { SoftmaxCrossEntropy } from '../src/losses/softmax-cross-entropy.js';
import { SGD } from '../src/optim/sgd.js';
import { Rng } from '../src/tensor/rng.js';
import { Tensor } from '../src/tensor/tensor.js';
import { buildPreset } from '../src/train/presets.js';

const [threads = 1, rounds = 5, steps = 5, batch = 32] = process.argv.slice(2).map(Number);
const k = await initBackend({ backend: 'wasm', threads });
const rng = new Rng(4);
const model = buildPreset('resnet', rng);
const x = Tensor.from(Array.from({ length: batch * 784 }, () => rng.normal()), [batch, 1, 28, 28]);
const targets = Int32Array.from({ length: batch }, (_, i) => i % 10);
const loss = new SoftmaxCrossEntropy();
const optimizer = new SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });

const configs: { name: string; apply: () => void }[] = [
  { name: 'nothing frozen', apply: () => unfreeze(model) },
  { name: 'conv1, bn1, layer1 frozen', apply: () => freeze(model, ['conv1', 'bn1', 'layer1']) },
  { name: 'conv1 … layer2 frozen', apply: () => freeze(model, ['conv1', 'bn1', 'layer1', 'layer2']) },
  { name: 'all but the head (fc) frozen', apply: () => freezeAllButHead(model) },
];

function step(): void {
  optimizer.zeroGrad();
  loss.forward(model.forward(x, 'train'), targets);
  model.backward(loss.backward(), { needInputGrad: false }); // as fit() does
  optimizer.step();
}

/** Milliseconds of one step, `steps` steps timed together. */
function time(): number {
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  return (performance.now() - t0) / steps;
}

const samples = configs.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  configs.forEach((c, i) => {
    unfreeze(model);
    c.apply();
    step(); // warm-up: plans, caches
    samples[i].push(time());
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(samples[0]);
console.log(`resnet preset, batch ${batch}, ${k.name}, ${threads} thread(s); median of ${rounds} rounds of ${steps} steps (min–max)`);
configs.forEach((c, i) => {
  const m = median(samples[i]);
  const trainable = (() => {
    unfreeze(model);
    c.apply();
    return model.parameters().filter((p) => p.requiresGrad).reduce((n, p) => n + p.size, 0);
  })();
  console.log(`  ${c.name.padEnd(30)} ${m.toFixed(1).padStart(7)} ms/step  (${Math.min(...samples[i]).toFixed(1)}–${Math.max(...samples[i]).toFixed(1)})  ${(100 * (1 - m / base)).toFixed(0).padStart(3)}% saved  ${trainable.toLocaleString('en-US')} trainable values`);
});
