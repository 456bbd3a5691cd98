// SPDX-License-Identifier: MIT
// A torchvision model imported from ONNX, fine-tuned for one step and written as a PyTorch state
// dict: torchvision's own resnet18() / mobilenet_v2() must take it with load_state_dict(strict=True)
// (every key, shape and dtype theirs, num_batches_tracked int64) and then give Nabla's eval outputs.
// Both kinds of export of test/fixtures/make-onnx-models.py, at opsets 13 and 17: the usual eval
// export, where PyTorch folded each BatchNorm into its Conv (written back as conv.weight and a
// BatchNorm with γ = 1, mean = 0, var = 1 − eps, β = the folded bias), and the TrainingMode.PRESERVE
// export that keeps the BatchNorm layers; and, as imported, the other torchvision models whose
// blocks nest. Skipped, saying why, without PyTorch and torchvision.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { fromTorchStateDict, toTorchStateDict } from '../../src/io/torch.js';
import { createWasmKernels, refKernels } from '../../src/kernels/index.js';
import type { Container } from '../../src/layers/layer.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { SGD } from '../../src/optim/sgd.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectWithin, inTorchvision, modelFolder, readFloats, withBackend, type TorchvisionJob } from './real-models.js';

const folder = modelFolder();
const skip = 'skip' in folder ? `torchvision state-dict tests skipped: ${folder.skip}` : false;
const dir = 'dir' in folder ? folder.dir : '';

/** One SGD step (lr 0.01) on cross-entropy with fixed labels, in train mode. */
function fineTune(model: Container, x: Tensor): void {
  const loss = new SoftmaxCrossEntropy();
  const opt = new SGD(model.parameters(), { lr: 0.01 });
  opt.zeroGrad();
  const y = model.forward(x, 'train');
  loss.forward(y, Array.from({ length: y.shape[0] }, (_, i) => (i * 7) % y.shape[1]));
  model.backward(loss.backward());
  opt.step();
}

describe('torchvision loads the state dict of an imported, fine-tuned model strictly and gives its outputs', { skip }, async () => {
  const wasm = skip ? refKernels : await createWasmKernels({ threads: 1 });
  for (const arch of ['resnet18', 'mobilenet_v2']) {
    it(`${arch}: eval exports (BatchNorm folded) and PRESERVE exports (BatchNorm kept), opsets 13 and 17`, () => {
      const info = JSON.parse(readFileSync(join(dir, `${arch}.json`), 'utf8')) as { inputShape: number[] };
      const x = Tensor.from(readFloats(dir, `${arch}.input.bin`), info.inputShape);
      const pytorch = readFloats(dir, `${arch}.output.bin`);
      const work = mkdtempSync(join(tmpdir(), 'nabla-torchvision-'));
      try {
        const variants = ['op13', 'op17', 'bn-op13', 'bn-op17'];
        const jobs: TorchvisionJob[] = [];
        const ours: Float32Array[] = [];
        const models = new Map<string, Container>();
        for (const variant of variants) {
          const { model } = readOnnx(new Uint8Array(readFileSync(join(dir, `${arch}-${variant}.onnx`))));
          expectWithin(withBackend(wasm, () => model.forward(x, 'eval')).data, pytorch, `${arch}-${variant} as imported`);
          withBackend(wasm, () => fineTune(model, x));
          ours.push(withBackend(wasm, () => model.forward(x, 'eval')).data as Float32Array);
          const weights = join(work, `${variant}.safetensors`);
          writeFileSync(weights, toTorchStateDict(model));
          jobs.push({ weights, arch, input: join(dir, `${arch}.input.bin`), inputShape: info.inputShape });
          models.set(variant, model);
        }
        const results = inTorchvision(jobs);
        for (const [i, variant] of variants.entries()) {
          assert.deepEqual(results[i].differ, [], `${arch}-${variant}: tensors whose shape or dtype is not torchvision's`);
          expectWithin(results[i].y, ours[i], `${arch}-${variant}, fine-tuned: torchvision vs Nabla`);
          assert.notDeepEqual(Array.from(ours[i]), Array.from(pytorch), `${arch}-${variant}: the fine-tuning step changed the outputs`);
        }
        // Read back, a real BatchNorm (the fine-tuned PRESERVE import's) is folded into the eval export's convs.
        const folded = models.get('op17')!;
        fromTorchStateDict(folded, readFileSync(join(work, 'bn-op17.safetensors')));
        expectWithin(withBackend(wasm, () => folded.forward(x, 'eval')).data, ours[variants.indexOf('bn-op17')], `${arch}: BatchNorm folded in on load`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }

  // The eval exports of the other torchvision models whose blocks nest (densenet121's dense layers
  // read every earlier feature map, so they stay flat and its names are not torchvision's).
  it('mobilenet_v3_small (BatchNorm eps 1e-3), squeezenet1_1, efficientnet_b0, regnet_y_400mf, shufflenet_v2_x0_5, as imported', () => {
    const others: [string, number][] = [['mobilenet_v3_small', 1e-3], ['squeezenet1_1', 1e-5], ['efficientnet_b0', 1e-5], ['regnet_y_400mf', 1e-5], ['shufflenet_v2_x0_5', 1e-5]];
    const work = mkdtempSync(join(tmpdir(), 'nabla-torchvision-'));
    try {
      const ours = others.map(([arch, eps]) => {
        const info = JSON.parse(readFileSync(join(dir, `${arch}.json`), 'utf8')) as { inputShape: number[] };
        const { model } = readOnnx(new Uint8Array(readFileSync(join(dir, `${arch}-op17.onnx`))));
        writeFileSync(join(work, `${arch}.safetensors`), toTorchStateDict(model, { foldedBatchNormEps: eps }));
        const x = Tensor.from(readFloats(dir, `${arch}.input.bin`), info.inputShape);
        return { arch, y: withBackend(wasm, () => model.forward(x, 'eval')).data, inputShape: info.inputShape };
      });
      const results = inTorchvision(ours.map(({ arch, inputShape }) => ({ weights: join(work, `${arch}.safetensors`), arch, input: join(dir, `${arch}.input.bin`), inputShape })));
      for (const [i, { arch, y }] of ours.entries()) {
        assert.deepEqual(results[i].differ, [], `${arch}: tensors whose shape or dtype is not torchvision's`);
        expectWithin(results[i].y, y, `${arch}: torchvision vs Nabla`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
