// SPDX-License-Identifier: MIT
// Fine-tuning (issue 10): freezing by path prefix, everything but the head, the kernels a frozen
// layer skips (dW/db, and the whole backward of a frozen prefix), BatchNorm in a frozen part,
// replacing the head for a new number of classes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BatchNorm2d, Conv2d, findHead, Flatten, formatGradcheck, freeze, freezeAllButHead, frozenParameters, gradcheck, Linear, modelFromSpec, ReLU,
  replaceHead, Sequential, unfreeze, type Container,
} from '../../src/index.js';
import { resnetSpec } from '../../src/train/presets-residual.js';
import { recordKernelCalls } from './kernel-spy.js';
import { expectThrowsWith, randn, Rng, Tensor } from './util.js';

/** The resnet preset's layout, small: stem, two stages (4 and 8 channels), pool, fc; [N, 1, 12, 12] → 3. */
function smallResNet(seed = 1): Container {
  return modelFromSpec(resnetSpec([1, 12, 12], { widths: [4, 8], numClasses: 3 }), { rng: new Rng(seed), inputShape: [2, 1, 12, 12] });
}

/** Forward in train mode and backward of a random upstream gradient, as fit does (no dL/d(images)). */
function trainStep(model: Container, x: Tensor): Tensor {
  for (const p of model.parameters()) p.zeroGrad();
  const y = model.forward(x, 'train');
  model.backward(randn(new Rng(5), y.shape, 1, 'float32'), { needInputGrad: false });
  return y;
}

const gradsOf = (model: Container) => new Map(model.parameters().map((p) => [p.name, Array.from(p.grad.data)]));
const input = () => randn(new Rng(9), [2, 1, 12, 12], 1, 'float32');

describe('freeze and unfreeze', () => {
  test('a prefix ends at a dot (\'1\' is not \'10\'); one that selects nothing is refused, naming the layers', () => {
    const model = new Sequential(Array.from({ length: 11 }, (_, i) => new Linear(2, 2, { rng: new Rng(i) })));
    const frozen = freeze(model, '1');
    assert.deepEqual(frozen.map((p) => p.name), ['1.weight', '1.bias']);
    assert.deepEqual(frozenParameters(model).map((p) => p.name), ['1.weight', '1.bias']);
    freeze(model, ['2', '3.bias']);
    freeze(model, (name) => name.startsWith('10.'));
    assert.deepEqual(frozenParameters(model).map((p) => p.name), ['1.weight', '1.bias', '2.weight', '2.bias', '3.bias', '10.weight', '10.bias']);
    expectThrowsWith(() => freeze(model, 'layer1'), ["freeze: 'layer1' selects no parameter", 'its top-level layers: 0, 1, 2']);
    assert.equal(unfreeze(model).length, 22);
    assert.equal(frozenParameters(model).length, 0);
  });

  test('everything but the head: only fc trains in the resnet layout', () => {
    const model = smallResNet();
    assert.equal(findHead(model).path, 'fc');
    assert.equal(freezeAllButHead(model), 'fc');
    assert.deepEqual(model.parameters().filter((p) => p.requiresGrad).map((p) => p.name), ['fc.weight', 'fc.bias']);
    const lenet = new Sequential([new Conv2d(1, 2, 3), new ReLU(), new Flatten(), new Linear(8, 4), new ReLU(), new Linear(4, 3)]);
    assert.equal(freezeAllButHead(lenet), '5');
    assert.deepEqual(lenet.parameters().filter((p) => p.requiresGrad).map((p) => p.name), ['5.weight', '5.bias']);
  });

  test('the trainable grads are those of the unfrozen model, bit for bit; the frozen ones stay zero', () => {
    const full = smallResNet();
    trainStep(full, input());
    const expected = gradsOf(full);
    const model = smallResNet();
    freeze(model, ['conv1', 'bn1', 'layer1']);
    for (const p of model.parameters()) p.grad.data.fill(7); // would show any addition
    trainStep(model, input());
    for (const p of model.parameters()) {
      if (p.requiresGrad) assert.deepEqual(Array.from(p.grad.data), expected.get(p.name), p.name);
      else assert.ok(p.grad.data.every((v) => v === 0), `${p.name}: zeroed, nothing added`);
    }
  });

  test('backward with frozen parts leaves the parameter names as they are (nested containers are not renamed)', () => {
    const model = smallResNet();
    const names = model.parameters().map((p) => p.name);
    freeze(model, 'layer1');
    trainStep(model, input());
    // read the names from the tensors themselves, without parameters() (which renames them)
    const layer2 = model.children().find((c) => c.name === 'layer2')!.module as Container;
    const conv = (layer2.children()[0].module as Container).children()[0].module;
    assert.equal(conv.parameters()[0].name, 'layer2.0.conv1.weight');
    assert.deepEqual(model.parameters().map((p) => p.name), names);
  });

  test('a frozen prefix is not backpropagated at all; a frozen layer further on skips only dW', () => {
    const x = input();
    const model = smallResNet();
    const all = recordKernelCalls(() => trainStep(model, x));
    // stem, layer1 (2 convs), layer2 (2 convs + the 1×1 downsample): 6 convs, the stem asked for no dx
    assert.equal(all.convNeedDx.length, 6);
    assert.deepEqual(all.convHasDW, [true, true, true, true, true, true]);
    freeze(model, ['conv1', 'bn1', 'layer1']);
    const prefix = recordKernelCalls(() => trainStep(model, x));
    assert.equal(prefix.convNeedDx.length, 3, 'layer2 only: nothing upstream of it trains');
    // backward order: the downsample (reads layer2's input: no dx), conv2 (dx for conv1, which trains), conv1 (no dx)
    assert.deepEqual(prefix.convNeedDx, [false, true, false]);
    unfreeze(model);
    freeze(model, 'layer2.0.conv2');
    const middle = recordKernelCalls(() => trainStep(model, x));
    assert.equal(middle.convNeedDx.length, 6);
    assert.equal(middle.convHasDW.filter((has) => !has).length, 1, 'the frozen conv: dx but no dW');
    freezeAllButHead(model);
    const head = recordKernelCalls(() => trainStep(model, x));
    assert.equal(head.convNeedDx.length, 0, 'only fc: no conv backward');
    assert.equal(head.matmuls, 2, "fc's forward and dW (no dx GEMM: nothing before it trains)");
  });

  test('float64 gradcheck of a model with frozen layers: dx and every trainable grad (frozen ones are skipped)', () => {
    const rng = new Rng(6);
    const model = new Sequential([
      new Conv2d(2, 3, 3, { padding: 1, rng }), new BatchNorm2d(3), new ReLU(), new Conv2d(3, 2, 3, { rng }), new Flatten(), new Linear(8, 3, { rng }),
    ]);
    for (const p of model.parameters()) for (let i = 0; i < p.size; i++) p.value.data[i] = rng.normal() * 0.5;
    freeze(model, ['1', '3.weight']); // a frozen batch norm between trainable layers, a frozen weight beside its trainable bias
    const report = gradcheck(model, randn(rng, [2, 2, 4, 4]));
    assert.deepEqual(report.entries.map((e) => e.name), ['input', '0.weight', '0.bias', '3.bias', '5.weight', '5.bias']);
    assert.ok(report.ok && report.worst.maxRelError < 1e-6, formatGradcheck(report));
  });

  test('a frozen Linear gives the same dx and adds nothing into its grads', () => {
    const rng = new Rng(2);
    const layer = new Linear(5, 3, { rng });
    const x = randn(rng, [4, 5], 1, 'float32');
    const dy = randn(rng, [4, 3], 1, 'float32');
    layer.forward(x, 'train');
    const dx = layer.backward(dy);
    layer.weight.zeroGrad();
    layer.bias!.zeroGrad();
    layer.weight.requiresGrad = false;
    layer.bias!.requiresGrad = false;
    layer.forward(x, 'train');
    assert.deepEqual(Array.from(layer.backward(dy).data), Array.from(dx.data));
    assert.ok(layer.weight.grad.data.every((v) => v === 0) && layer.bias!.grad.data.every((v) => v === 0));
  });

  test("BatchNorm in a frozen part: 'train' (default) updates its running statistics, 'eval' keeps and uses them", () => {
    const rng = new Rng(3);
    const make = () => new Sequential([new Conv2d(1, 2, 3, { rng: new Rng(1) }), new BatchNorm2d(2), new ReLU(), new Flatten(), new Linear(8, 2, { rng: new Rng(2) })]);
    const x = randn(rng, [3, 1, 4, 4], 2, 'float32');
    const running = (m: Sequential) => Array.from((m.layers[1] as BatchNorm2d).runningMean.value.data);
    const trained = make();
    freeze(trained, ['0', '1']);
    trainStep(trained, x);
    assert.notDeepEqual(running(trained), [0, 0], "'train': batch statistics, running mean moved");
    const kept = make();
    freeze(kept, ['0', '1'], { batchNorm: 'eval' });
    const y = trainStep(kept, x);
    assert.deepEqual(running(kept), [0, 0], "'eval': running statistics unchanged");
    assert.deepEqual(Array.from(y.data), Array.from(make().forward(x, 'eval').data), 'train mode computes what eval does');
    unfreeze(kept);
    trainStep(kept, x);
    assert.notDeepEqual(running(kept), [0, 0], 'unfrozen: trains its statistics again');
  });
});

describe('replaceHead', () => {
  test('a fresh head with the new number of classes, seeded, the other layers kept', () => {
    const model = smallResNet();
    const x = input();
    const before = new Map(model.parameters().map((p) => [p.name, p]));
    const { model: tuned, path } = replaceHead(model, 5, { rng: new Rng(11) });
    assert.equal(path, 'fc');
    assert.deepEqual([...tuned.forward(x, 'eval').shape], [2, 5]);
    for (const p of tuned.parameters()) {
      if (p.name.startsWith('fc.')) assert.notEqual(before.get(p.name), p);
      else assert.equal(before.get(p.name), p, `${p.name} is the same tensor`);
    }
    const fc = findHead(tuned).layer as Linear;
    assert.deepEqual([...fc.weight.value.shape], [8, 5]);
    // PyTorch's default init, from the rng given: the same seed draws the same head.
    const again = replaceHead(smallResNet(), 5, { rng: new Rng(11) }).model;
    assert.deepEqual(Array.from((findHead(again).layer as Linear).weight.value.data), Array.from(fc.weight.value.data));
    const bound = 1 / Math.sqrt(8);
    assert.ok(fc.weight.value.data.every((v) => Math.abs(v) <= bound) && fc.weight.value.data.some((v) => Math.abs(v) > bound / 2));
  });

  test('a named head in a nested Sequential, a Conv2d head, and what cannot be replaced', () => {
    const rng = new Rng(4);
    const model = new Sequential([new Conv2d(1, 3, 3, { rng }), new Sequential([new ReLU(), new Conv2d(3, 10, 1, { rng })]), new Flatten()]);
    const { model: tuned, path } = replaceHead(model, 4, { rng, head: '1.1' });
    assert.equal(path, '1.1');
    assert.deepEqual(tuned.outputShape([2, 1, 3, 3]), [2, 4]);
    assert.deepEqual(tuned.parameters().map((p) => p.name), ['0.weight', '0.bias', '1.1.weight', '1.1.bias']);
    expectThrowsWith(() => replaceHead(model, 4, { rng, head: '1.0' }), ["the head '1.0' is a ReLU", 'a Linear or Conv2d head']);
    expectThrowsWith(() => replaceHead(model, 4, { rng }), ['the model has no Linear layer']);
    expectThrowsWith(() => replaceHead(model, 4, { rng, head: 'fc' }), ["no layer 'fc'"]);
    expectThrowsWith(() => replaceHead(model, 0, { rng, head: '1.1' }), ['numClasses must be a positive integer, got 0']);
  });
});
