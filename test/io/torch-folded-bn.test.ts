// SPDX-License-Identifier: MIT
// A Conv2d holding a BatchNorm2d that PyTorch's exporter folded into it (foldedBatchNorm): the
// PyTorch state dict writes the conv's weight and that BatchNorm as γ = 1, β = the folded bias,
// mean = 0, var = 1 − eps, num_batches_tracked = 0 (int64), which a Conv2d(bias = false) →
// BatchNorm2d twin loads and computes the same with; read back, a real BatchNorm is folded in.
// ONNX import names the BatchNorm as torchvision does (small-branching, a committed PyTorch export).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/io/safetensors.js';
import { fromTorchStateDict, toTorchStateDict, torchMapping } from '../../src/io/torch.js';
import { ReLU } from '../../src/layers/activations.js';
import { BatchNorm2d } from '../../src/layers/batch-norm.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { apply, Graph, input } from '../../src/layers/graph.js';
import { Add } from '../../src/layers/merge.js';
import { Sequential } from '../../src/layers/sequential.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { randomInput, randomizeBatchNorm } from './onnx-models.js';

/** conv1 (folded bn1) → relu → conv2 (folded bn2) + x, as a torchvision BasicBlock without its BatchNorms. */
function foldedBlock(rng: Rng): Graph {
  const x = input();
  const c1 = x.then(new Conv2d(4, 4, 3, { padding: 1, rng, foldedBatchNorm: 'bn1' }), 'conv1').then(new ReLU(), 'relu');
  const c2 = c1.then(new Conv2d(4, 4, 3, { padding: 1, rng, foldedBatchNorm: 'bn2' }), 'conv2');
  return new Graph(x, apply(new Add(), [c2, x], 'add'));
}

/** The same block as PyTorch has it: conv1 → bn1 → relu → conv2 → bn2, + x. */
function realBlock(rng: Rng): Graph {
  const x = input();
  const c1 = x.then(new Conv2d(4, 4, 3, { padding: 1, rng, bias: false }), 'conv1').then(new BatchNorm2d(4), 'bn1').then(new ReLU(), 'relu');
  const c2 = c1.then(new Conv2d(4, 4, 3, { padding: 1, rng, bias: false }), 'conv2').then(new BatchNorm2d(4), 'bn2');
  return new Graph(x, apply(new Add(), [c2, x], 'add'));
}

/** A block nested as torchvision's layer1.0, after a stem conv with its folded BatchNorm in an nn.Sequential. */
function folded(rng: Rng): Sequential {
  const stem = new Sequential([new Conv2d(2, 4, 3, { rng, foldedBatchNorm: '1' }), new ReLU()]);
  return new Sequential([stem, new Sequential([foldedBlock(rng)])]);
}

function real(rng: Rng): Sequential {
  const stem = new Sequential([new Conv2d(2, 4, 3, { rng, bias: false }), new BatchNorm2d(4), new ReLU()]);
  const model = new Sequential([stem, new Sequential([realBlock(rng)])]);
  randomizeBatchNorm(model, rng);
  return model;
}

describe('Conv2d with foldedBatchNorm in the PyTorch state dict', () => {
  it('writes the conv weight and the BatchNorm: γ = 1, β = b, mean = 0, var = 1 − eps, num_batches_tracked int64 0', () => {
    const model = folded(new Rng(1));
    const { tensors } = decodeSafetensors(toTorchStateDict(model));
    const bn = (p: string) => ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'].map((k) => `${p}.${k}`);
    assert.deepEqual([...tensors.keys()], ['0.0.weight', ...bn('0.1'), '1.0.conv1.weight', ...bn('1.0.bn1'), '1.0.conv2.weight', ...bn('1.0.bn2')]);
    const conv = (model.layers[0] as Sequential).layers[0] as Conv2d;
    assert.deepEqual(tensors.get('0.0.weight')!.data, conv.weight.value.data);
    assert.deepEqual(tensors.get('0.1.bias')!.data, conv.bias!.value.data);
    assert.deepEqual(Array.from(tensors.get('0.1.weight')!.data as Float32Array), [1, 1, 1, 1]);
    assert.deepEqual(Array.from(tensors.get('0.1.running_mean')!.data as Float32Array), [0, 0, 0, 0]);
    assert.deepEqual(Array.from(tensors.get('0.1.running_var')!.data as Float32Array), new Array(4).fill(Math.fround(1 - 1e-5)));
    const counter = tensors.get('1.0.bn2.num_batches_tracked')!;
    assert.deepEqual([counter.dtype, counter.shape, counter.data[0]], ['I64', [], 0n]);
    const eps3 = decodeSafetensors(toTorchStateDict(model, { foldedBatchNormEps: 1e-3 })).tensors.get('0.1.running_var')!;
    assert.equal(eps3.data[0], Math.fround(1 - 1e-3));
    assert.deepEqual(torchMapping(model).slice(0, 3).map((m) => `${m.nabla}→${m.torch}`), ['0.0.weight→0.0.weight', 'null→0.1.weight', '0.0.bias→0.1.bias']);
  });

  it('a Conv2d(bias = false) → BatchNorm2d twin loads it (names and shapes checked) and gives the same eval outputs', () => {
    const model = folded(new Rng(2));
    const twin = real(new Rng(3));
    fromTorchStateDict(twin, toTorchStateDict(model));
    const x = randomInput([2, 2, 7, 6], 4);
    expectClose(twin.forward(x, 'eval').data, model.forward(x, 'eval').data, { rtol: 1e-6, atol: 1e-6, name: 'twin vs folded' });
  });

  it('reads a real BatchNorm back folded into the conv: W·γ/√(var + ε), β − mean·γ/√(var + ε)', () => {
    const twin = real(new Rng(5));
    const model = folded(new Rng(6));
    fromTorchStateDict(model, toTorchStateDict(twin));
    const x = randomInput([2, 2, 7, 6], 7);
    expectClose(model.forward(x, 'eval').data, twin.forward(x, 'eval').data, { rtol: 1e-5, atol: 1e-6, name: 'folded on load vs twin' });
  });

  it('a variance that cannot be folded (negative: var + eps ≤ 0) is refused, naming it, and nothing changes', () => {
    const model = folded(new Rng(11));
    const dict = new Map<string, unknown>(decodeSafetensors(toTorchStateDict(model)).tensors);
    dict.set('1.0.bn2.running_var', Tensor.from([1, -1, 1, 1], [4]));
    const before = model.parameters().map((p) => Array.from(p.value.data));
    assert.throws(() => fromTorchStateDict(model, encodeSafetensors(dict as never), 'bad.safetensors'),
      /bad.safetensors does not fit this model: bad.safetensors: tensor 1.0.bn2.running_var is a running variance with a negative entry: 1.0.bn2.running_var\[1\] is -1/);
    assert.deepEqual(model.parameters().map((p) => Array.from(p.value.data)), before);
  });

  it('its own state dict reads back bit for bit', () => {
    const model = folded(new Rng(8));
    const copy = folded(new Rng(9));
    fromTorchStateDict(copy, toTorchStateDict(model));
    assert.deepEqual(copy.parameters().map((p) => Array.from(p.value.data)), model.parameters().map((p) => Array.from(p.value.data)));
  });

  it('is kept by the spec, and refused without a bias or with a dotted name', () => {
    const model = folded(new Rng(10));
    const spec = model.toSpec();
    assert.deepEqual(modelFromSpec(spec, { rng: new Rng(0) }).toSpec(), spec);
    assert.throws(() => new Conv2d(2, 2, 1, { bias: false, foldedBatchNorm: 'bn1' }), /Conv2d: foldedBatchNorm = "bn1" needs a bias \(the folded β\)/);
    assert.throws(() => new Conv2d(2, 2, 1, { foldedBatchNorm: 'a.bn1' }), /Conv2d: foldedBatchNorm = "a.bn1" needs a module name without dots/);
  });

  it('a folded BatchNorm named as a layer that exists is refused, naming both', () => {
    const model = new Sequential([new Conv2d(2, 2, 1, { foldedBatchNorm: '1' }), new BatchNorm2d(2)]);
    assert.throws(() => toTorchStateDict(model), /torch state dict: a folded BatchNorm \(1.weight\) and 1.weight both map to the key 1.weight/);
  });
});

describe('ONNX import of a PyTorch export names layers by their modules', () => {
  it('small-branching (committed): parameters under PyTorch names, folded BatchNorms named as torchvision would', () => {
    const { model } = readOnnx(new Uint8Array(readFileSync(new URL('../fixtures/onnx/small-branching-op17.onnx', import.meta.url))));
    assert.deepEqual(model.parameters().map((p) => p.name), [
      'stem.0.weight', 'stem.0.bias', 'body.0.weight', 'body.0.bias', 'body.3.weight', 'body.3.bias', 'gate.1.weight', 'gate.1.bias',
      'gate.3.weight', 'gate.3.bias', 'dense.0.weight', 'dense.0.bias', 'dense.2.weight', 'dense.2.bias', 'head.weight', 'head.bias',
    ]);
    // stem = Sequential(Conv2d, BatchNorm2d, ReLU): the exporter folded stem.1 into stem.0; dense.0 follows no conv and stays.
    const keys = torchMapping(model).map((m) => m.torch);
    assert.deepEqual(keys.slice(0, 5), ['stem.0.weight', 'stem.1.weight', 'stem.1.bias', 'stem.1.running_mean', 'stem.1.running_var']);
    assert.ok(keys.includes('dense.0.running_var') && keys.includes('body.3.bias') && !keys.includes('stem.0.bias'), keys.join(', '));
  });
});
