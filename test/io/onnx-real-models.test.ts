// SPDX-License-Identifier: MIT
// Real CNNs exported from PyTorch import, give PyTorch's outputs, fine-tune and export back:
// torchvision's resnet18, mobilenet_v2, mobilenet_v3_small, squeezenet1_1, densenet121,
// efficientnet_b0, shufflenet_v2_x0_5, regnet_y_400mf and a U-Net, at opsets 13 and 17. The files
// (5–47 MB each) are made by test/fixtures/make-onnx-models.py into a temporary folder kept
// between runs (real-models.ts); without PyTorch and torchvision the suite is skipped, saying so. A model that needs a layer Nabla lacks must fail naming it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { createWasmKernels, refKernels } from '../../src/kernels/index.js';
import type { Kernels } from '../../src/kernels/backend.js';
import { layerDef } from '../../src/layers/all.js';
import type { Container } from '../../src/layers/layer.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { SGD } from '../../src/optim/sgd.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { runOrt } from './onnx-runtime.js';
import { expectWithin, modelFolder, readFloats, withBackend } from './real-models.js';

/** Each model and the Nabla layers (or missing pieces) it needs beyond those always present. */
const MODELS: { name: string; needs: string[]; blockedBy?: RegExp }[] = [
  { name: 'resnet18', needs: [] },
  { name: 'squeezenet1_1', needs: [] },
  { name: 'densenet121', needs: [] },
  { name: 'efficientnet_b0', needs: [] },
  { name: 'regnet_y_400mf', needs: [] },
  { name: 'mobilenet_v2', needs: ['ReLU6'] },
  { name: 'mobilenet_v3_small', needs: ['Hardswish', 'Hardsigmoid'] },
  { name: 'unet', needs: ['ConvTranspose2d', 'Upsample'] },
  // Channel shuffle: Reshape to 5-D, Transpose, Reshape back; x.chunk(2, dim=1): two Slices.
  { name: 'shufflenet_v2_x0_5', needs: ['ChannelShuffle', 'Narrow'] },
];

const folder = modelFolder();
const skip = 'skip' in folder ? `real-model tests skipped: ${folder.skip}` : false;
const dir = 'dir' in folder ? folder.dir : '';
const floats = (file: string): Float32Array => readFloats(dir, file);

describe('torchvision models and a U-Net exported from PyTorch', { skip }, async () => {
  const wasm = skip ? refKernels : await createWasmKernels({ threads: 1 });
  for (const { name, needs, blockedBy } of MODELS) {
    const missing = needs.filter((type) => !layerDef(type));
    const load = (opset: number) => readOnnx(new Uint8Array(readFileSync(join(dir, `${name}-op${opset}.onnx`))));
    if (missing.length > 0) {
      it(`${name}: refused naming what is missing (${missing.join(', ')})`, () => {
        for (const opset of [13, 17]) {
          const message = blockedBy ?? new RegExp(`needs a (${missing.join('|')}) layer|unsupported operator`);
          assert.throws(() => load(opset), message, `${name} opset ${opset}`);
        }
      });
      continue;
    }
    it(`${name}: imports at opsets 13 and 17 and gives PyTorch's output on ref and wasm`, () => {
      const info = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { inputShape: number[]; outputShape: number[] };
      const x = Tensor.from(floats(`${name}.input.bin`), info.inputShape);
      const expected = floats(`${name}.output.bin`);
      for (const opset of [13, 17]) {
        const { model } = load(opset);
        for (const [backend, k] of [['ref', refKernels], ['wasm', wasm]] as const) {
          const y = withBackend(k, () => model.forward(x, 'eval'));
          assert.deepEqual([...y.shape], info.outputShape);
          expectWithin(y.data, expected, `${name} opset ${opset} on ${backend}`);
        }
      }
    });
    it(`${name}: one fine-tuning step runs, and the result exports and runs in ONNX Runtime`, async () => {
      const { model } = load(17);
      const info = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { inputShape: number[]; outputShape: number[] };
      const x = Tensor.from(floats(`${name}.input.bin`), info.inputShape);
      await fineTuneAndExport(model, x, wasm, name);
    });
  }

  for (const name of ['resnet18', 'mobilenet_v2', 'shufflenet_v2_x0_5']) {
    const missing = MODELS.find((m) => m.name === name)!.needs.filter((type) => !layerDef(type));
    it(`${name}: input and parameter gradients match PyTorch's (BatchNorm folded, eval mode)`, { skip: missing.length > 0 ? `needs ${missing.join(', ')}` : false }, () => {
      checkGradients(name, wasm);
    });
  }
});

/**
 * One SGD step in train mode: every parameter gets a finite gradient that is not all zeros (deep
 * random-weight nets like efficientnet_b0 have gradients of 1e-13 at the stem, so "every weight
 * moved" cannot be asked), and the loss on the batch falls; then export → ONNX Runtime matches Nabla.
 */
async function fineTuneAndExport(model: Container, x: Tensor, k: Kernels, name: string): Promise<void> {
  const loss = new SoftmaxCrossEntropy();
  const opt = new SGD(model.parameters(), { lr: 0.01 });
  const labels = (n: number, classes: number) => Array.from({ length: n }, (_, i) => (i * 7) % classes);
  const r = (shape: readonly number[]) => Tensor.from(Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => Math.sin(i)), shape);
  // Classifiers: cross-entropy on fixed labels; the U-Net's maps: L = Σ r ⊙ y with a fixed r.
  const objective = (y: Tensor) => (y.shape.length === 2 ? loss.forward(y, labels(y.shape[0], y.shape[1])) : Array.from(y.data).reduce((p, v, i) => p + v * Math.sin(i), 0));
  withBackend(k, () => {
    opt.zeroGrad();
    const y = model.forward(x, 'train');
    const before = objective(y);
    assert.ok(Number.isFinite(before), `${name}: the loss is ${before}`);
    model.backward(y.shape.length === 2 ? loss.backward() : r(y.shape));
    const bad = model.parameters().filter((p) => p.grad.data.some((v) => !Number.isFinite(v)) || p.grad.data.every((v) => v === 0));
    assert.equal(bad.length, 0, `${name}: ${bad.length} parameters got a zero or non-finite gradient (${bad.slice(0, 3).map((p) => p.name).join(', ')})`);
    opt.step();
    const after = objective(model.forward(x, 'train'));
    assert.ok(after < before, `${name}: the loss went from ${before} to ${after} in one step`);
  });
  const bytes = exportOnnx(model, { inputShape: [...x.shape], opset: 17 });
  const ours = withBackend(k, () => model.forward(x, 'eval'));
  const ort = await runOrt(bytes, x.data as Float32Array, x.shape);
  assert.deepEqual(ort.dims, [...ours.shape]);
  expectWithin(ort.data, ours.data, `${name}: fine-tuned, exported, in ONNX Runtime`);
}

/** L = Σ r ⊙ y in eval mode on the BatchNorm-folded export, against PyTorch's autograd. */
function checkGradients(name: string, k: Kernels): void {
  const info = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
    gradInputShape: number[]; gradOutputShape: number[]; parameters: string[]; parameterShapes: number[][];
  };
  const { model } = readOnnx(new Uint8Array(readFileSync(join(dir, `${name}-fused-op17.onnx`))));
  const all = floats(`${name}.grads.bin`);
  const size = (shape: number[]) => shape.reduce((p, d) => p * d, 1);
  let at = 0;
  const take = (n: number) => all.subarray(at, (at += n));
  const r = take(size(info.gradOutputShape));
  const x = Tensor.from(take(size(info.gradInputShape)), info.gradInputShape);
  const y = take(size(info.gradOutputShape));
  const dx = take(size(info.gradInputShape));
  const byName = new Map(model.parameters().map((p) => [p.name, p]));
  withBackend(k, () => {
    for (const p of model.parameters()) p.zeroGrad();
    const out = model.forward(x, 'eval');
    expectWithin(out.data, y, `${name} (folded) output`);
    const ours = model.backward(Tensor.from(r, info.gradOutputShape));
    expectWithin(ours.data, dx, `${name}: dL/dx`, 1e-3, 1e-4);
  });
  for (const [i, torchName] of info.parameters.entries()) {
    // Imported layers carry PyTorch's module paths: the parameter names are the state-dict keys.
    const ours = byName.get(torchName);
    assert.ok(ours, `${name}: no parameter for ${torchName} (have ${[...byName.keys()].slice(0, 5).join(', ')}, …)`);
    let expected = take(size(info.parameterShapes[i]));
    const shape = info.parameterShapes[i];
    if (shape.length === 2) expected = transposed(expected, shape[0], shape[1]); // Linear: PyTorch [out, in], Nabla [in, out]
    expectWithin(ours.grad.data, expected, `${name}: dL/d${torchName}`, 1e-3, 1e-4);
  }
}

function transposed(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = values[i * cols + j];
  return out;
}
