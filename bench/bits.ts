// SPDX-License-Identifier: MIT
// The bits a kernel change must keep: a fingerprint (SHA-256, first 16 hex digits) of the weights
// after three SGD steps (momentum 0.9, in frames, parameters resident as fit() keeps them) of the
// bench's LeNet-5, W3 CNN, the resnet preset and W6's U-Net (a class a pixel), batch 16, on the wasm backend at 1 and 2 threads.
// With --baseline, the same for another tree, and whether they match: a change meant to keep the
// bits (a faster pass, another loop order) is checked against the commit before it in seconds.
// (Within one tree the determinism tests check this; across trees only a fingerprint can.)
//   node --import tsx bench/bits.ts [--baseline DIR]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({ options: { baseline: { type: 'string' } } });
if (values.baseline !== undefined && !existsSync(join(values.baseline, 'bench/nabla.ts'))) {
  throw new Error('bench/bits: --baseline DIR must be a checkout with bench/nabla.ts');
}
const MODELS = ['lenet5', 'cnn', 'resnet', 'unet'] as const;

/** Fingerprints of one tree, `${model} ${threads}t` → hex, each tree in its own module graph. */
async function fingerprints(root: string): Promise<Map<string, string>> {
  const kernels = await import(join(root, 'src/kernels/index.ts'));
  const bench = await import(join(root, 'bench/nabla.ts'));
  const { Rng } = await import(join(root, 'src/tensor/rng.ts'));
  const { Tensor } = await import(join(root, 'src/tensor/tensor.ts'));
  const { SoftmaxCrossEntropy } = await import(join(root, 'src/losses/softmax-cross-entropy.ts'));
  const { SGD } = await import(join(root, 'src/optim/sgd.ts'));
  const out = new Map<string, string>();
  for (const threads of [1, 2]) {
    await kernels.initBackend({ backend: 'wasm', threads });
    for (const name of MODELS) {
      if (!bench[name]) continue; // a tree from before the model was benched
      const rng = new Rng(4);
      const model = bench[name](rng);
      const x = Tensor.zeros([16, 1, 28, 28]);
      for (let i = 0; i < x.size; i++) x.data[i] = rng.normal(0, 1);
      const targets = name === 'unet' ? Int32Array.from({ length: 16 * 28 * 28 }, () => rng.int(3)) : Int32Array.from({ length: 16 }, () => rng.int(10));
      const loss = new SoftmaxCrossEntropy();
      const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
      for (let step = 0; step < 3; step++) {
        // (A tree from before resident tensors has no keepResident: its steps copy, the same bits.)
        if (kernels.keepResident && kernels.trainingTensors) kernels.keepResident(kernels.trainingTensors(model.parameters(), optimizer));
        kernels.inFrame(() => {
          optimizer.zeroGrad();
          loss.forward(model.forward(x, 'train'), targets);
          model.backward(loss.backward(), { needInputGrad: false });
          optimizer.step();
        });
      }
      const hash = createHash('sha256');
      for (const p of model.parameters()) hash.update(new Uint8Array(p.value.data.buffer, p.value.data.byteOffset, p.value.data.byteLength));
      out.set(`${name} ${threads}t`, hash.digest('hex').slice(0, 16));
    }
  }
  return out;
}

const here = await fingerprints(resolve(fileURLToPath(import.meta.url), '../..'));
const base = values.baseline === undefined ? null : await fingerprints(resolve(values.baseline));
let differ = 0;
for (const [key, hex] of here) {
  const other = base?.get(key);
  if (other !== undefined && other !== hex) differ++;
  console.log(`${key.padEnd(10)} ${hex}${other === undefined ? '' : other === hex ? '  = baseline' : `  ≠ baseline ${other}`}`);
}
if (base) console.log(differ === 0 ? 'the same bits as the baseline' : `${differ} of ${here.size} differ from the baseline`);
process.exitCode = differ === 0 ? 0 : 1;
