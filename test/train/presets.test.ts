// SPDX-License-Identifier: MIT
// Presets: complete specs with every size inferred from the input shape, for other shapes and
// class counts too; the residual preset named as torchvision names ResNet's tensors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPreset, presetSpec, PRESET_NAMES } from '../../src/train/presets.js';
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
});
