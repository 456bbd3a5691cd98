// SPDX-License-Identifier: MIT
// Presets: complete specs with every size inferred from the input shape, for other shapes and
// class counts too; the residual preset named as torchvision names ResNet's tensors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPreset, presetSpec, PRESET_NAMES } from '../../src/train/presets.js';
import { Adam } from '../../src/optim/adam.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';

describe('presets', () => {
  for (const name of PRESET_NAMES) {
    it(`${name}: builds for 1×28×28 and 3×32×20 inputs with any class count, and its spec is complete`, () => {
      for (const [shape, classes] of [[[1, 28, 28], 10], [[3, 32, 20], 7]] as const) {
        const model = buildPreset(name, new Rng(1), { inputShape: shape, numClasses: classes });
        const y = model.forward(Tensor.zeros([2, ...shape]), 'eval');
        assert.deepEqual([...y.shape], [2, classes]);
        // Complete: it builds with no input shape to infer from, into the same tensors.
        const again = modelFromSpec(presetSpec(name, { inputShape: shape, numClasses: classes }), { rng: new Rng(1) });
        assert.deepEqual(again.parameters().map((p) => [p.name, ...p.value.shape]), model.parameters().map((p) => [p.name, ...p.value.shape]));
      }
    });
  }

  it('resnet: torchvision-style tensor names and a global average pool before fc', () => {
    const model = buildPreset('resnet', new Rng(0));
    const names = [...model.parameters(), ...model.buffers()].map((p) => p.name);
    for (const name of ['conv1.weight', 'bn1.runningMean', 'layer1.0.conv1.weight', 'layer2.0.downsample.0.weight', 'layer3.0.bn2.bias', 'fc.weight']) {
      assert.ok(names.includes(name), `${name} in ${names.join(' ')}`);
    }
    const rows = model.summary([1, 1, 28, 28]).rows;
    assert.deepEqual(rows.find((r) => r.path === 'avgpool')!.outputShape, [1, 128, 1, 1]);
    assert.deepEqual(rows.find((r) => r.path === 'layer3')!.outputShape, [1, 128, 7, 7]);
  });

  it('mobilenet: torchvision MobileNetV2 tensor names, depthwise 3×3 convs, ReLU6, residual Adds only where stride is 1 and the channels stay', () => {
    const model = buildPreset('mobilenet', new Rng(0));
    const names = [...model.parameters(), ...model.buffers()].map((p) => p.name);
    for (const name of [
      'features.0.0.weight', 'features.0.1.runningVar', // stem conv, BN
      'features.1.conv.0.0.weight', 'features.1.conv.1.weight', 'features.1.conv.2.bias', // t = 1: depthwise, project, BN
      'features.2.conv.0.0.weight', 'features.2.conv.1.0.weight', 'features.2.conv.2.weight', 'features.2.conv.3.runningMean', // expand, depthwise, project, BN
      'features.8.0.weight', 'classifier.1.weight', 'classifier.1.bias',
    ]) {
      assert.ok(names.includes(name), `${name} in ${names.join(' ')}`);
    }
    const rows = model.summary([1, 1, 28, 28]).rows;
    const row = (path: string) => rows.find((r) => r.path === path)!;
    assert.match(row('features.2.conv.1.0').layer, /Conv2d\(inChannels=64, outChannels=64, kernelSize=3, stride=2, padding=1, groups=64, bias=false\)/);
    assert.equal(row('features.2.conv.1.2').layer, 'ReLU6()');
    const adds = rows.filter((r) => r.layer === 'Add()').map((r) => r.path);
    assert.deepEqual(adds, ['features.1.add', 'features.3.add', 'features.5.add', 'features.7.add']);
    assert.deepEqual(row('features').outputShape, [1, 128, 7, 7]);
    assert.deepEqual(row('avgpool').outputShape, [1, 128, 1, 1]);
  });

  it('mobilenet: a few Adam steps on a fixed batch lower its loss well below the start, and the running statistics move', () => {
    const rng = new Rng(3);
    const model = buildPreset('mobilenet', rng, { numClasses: 4 });
    // Four classes of 28×28 images: a bright band in one of four quadrants, on noise.
    const N = 8;
    const x = Tensor.zeros([N, 1, 28, 28]);
    const labels = Int32Array.from({ length: N }, (_, i) => i % 4);
    for (let n = 0; n < N; n++) {
      const [top, left] = [14 * Math.floor(labels[n] / 2), 14 * (labels[n] % 2)];
      for (let i = 0; i < 784; i++) x.data[n * 784 + i] = 0.1 * rng.next();
      for (let h = top + 4; h < top + 10; h++) for (let w = left + 2; w < left + 12; w++) x.data[n * 784 + h * 28 + w] = 1;
    }
    const loss = new SoftmaxCrossEntropy();
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    const runningMean = model.buffers().find((b) => b.name === 'features.0.1.runningMean')!.value.clone();
    const losses: number[] = [];
    for (let step = 0; step < 8; step++) {
      optimizer.zeroGrad();
      losses.push(loss.forward(model.forward(x, 'train'), labels));
      model.backward(loss.backward());
      optimizer.step();
    }
    assert.ok(Math.abs(losses[0] - Math.log(4)) < 0.5, `starts near log 4: ${losses[0]}`);
    assert.ok(losses.at(-1)! < 0.5 * losses[0], `loss ${losses.map((v) => v.toFixed(3)).join(' → ')}`);
    const moved = model.buffers().find((b) => b.name === 'features.0.1.runningMean')!.value;
    assert.ok(moved.data.some((v, i) => Math.abs(v - runningMean.data[i]) > 1e-4), 'BatchNorm running means moved');
  });
});
