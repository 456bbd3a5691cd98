// SPDX-License-Identifier: MIT
// importOnnx of padding Conv2d cannot hold, each against ONNX Runtime on the same hand-built file:
// a Conv with asymmetric pads (or auto_pad SAME_* giving uneven padding) becomes ZeroPad2d (what one
// side has more) + Conv2d (the symmetric rest); a zero Pad not followed by a Conv or AveragePool, and
// one before an AveragePool that does not count its own padding, become a ZeroPad2d; ZeroPad2d's
// own export (Pad) reads back as it. Before ZeroPad2d all of these were refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { attr } from '../../src/io/onnx/proto.js';
import { Sequential } from '../../src/layers/sequential.js';
import { ZeroPad2d } from '../../src/layers/zero-pad2d.js';
import { AvgPool2d } from '../../src/layers/avg-pool2d.js';
import { AdaptiveAvgPool2d } from '../../src/layers/adaptive-avg-pool2d.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { build, importMatchesOrt, ints, node, weight } from './onnx-hand-built.js';
import { randomInput } from './onnx-models.js';

const conv = (attributes: ReturnType<typeof attr.int>[]) => build([node('Conv', ['x', 'conv1.weight', 'conv1.bias'], ['y'], attributes)], [2, 2, 6, 7],
  [weight('conv1.weight', [3, 2, 3, 3], 1), weight('conv1.bias', [3], 2)]);

describe('importOnnx of asymmetric padding as ZeroPad2d, against ONNX Runtime', () => {
  it('Conv pads [top 1, left 0, bottom 2, right 1]: ZeroPad2d [0, 1, 0, 1] + Conv2d padding [1, 0]', async () => {
    const bytes = conv([attr.ints('pads', [1, 0, 2, 1]), attr.ints('kernel_shape', [3, 3])]);
    const specs = await importMatchesOrt(bytes, [2, 2, 6, 7], 'asymmetric pads', false);
    assert.deepEqual(specs.map((s) => [s.type, s.padding]), [['ZeroPad2d', [0, 1, 0, 1]], ['Conv2d', [1, 0]]]);
  });

  it('the ZeroPad2d takes the Conv\'s module path with _pad, so the Conv keeps PyTorch\'s tensor names', () => {
    const bytes = build([node('Conv', ['x', 'features.conv1.weight'], ['c'], [attr.ints('pads', [0, 0, 1, 1])], '/features/conv1/Conv'), node('Relu', ['c'], ['y'], [], '/features/relu/Relu')],
      [1, 2, 5, 5], [weight('features.conv1.weight', [3, 2, 3, 3], 6)]);
    const { model } = readOnnx(bytes);
    assert.deepEqual(model.parameters().map((p) => p.name), ['features.conv1.weight']);
    assert.match(JSON.stringify(model.toSpec()), /"name":"conv1_pad","inputs":\["input"\],"type":"ZeroPad2d"/);
  });

  it('auto_pad SAME_UPPER and SAME_LOWER with stride 2 (TensorFlow\'s SAME)', async () => {
    for (const [mode, pad] of [['SAME_UPPER', [0, 1, 0, 1]], ['SAME_LOWER', [1, 0, 1, 0]]] as const) {
      const bytes = conv([attr.string('auto_pad', mode), attr.ints('strides', [2, 2])]);
      const specs = await importMatchesOrt(bytes, [2, 2, 6, 7], mode, false);
      // H 6, stride 2: ⌈6/2⌉ = 3 outputs need 1 row of padding; W 7: 4 outputs need 2 columns (even).
      assert.deepEqual(specs.map((s) => [s.type, s.padding]), [['ZeroPad2d', [0, 0, pad[2], pad[3]]], ['Conv2d', [0, 1]]], mode);
    }
  });

  it('a zero Pad alone, and before a MaxPool (zeros, not −∞ like the pool\'s own padding): ZeroPad2d', async () => {
    const pads = ints('pads', [0, 0, 1, 2, 0, 0, 0, 1]); // [top 1, left 2, bottom 0, right 1]
    const alone = build([node('Pad', ['x', 'pads'], ['p']), node('Sigmoid', ['p'], ['y'])], [2, 3, 4, 5], [pads]);
    assert.deepEqual(await importMatchesOrt(alone, [2, 3, 4, 5], 'Pad', false), [{ type: 'ZeroPad2d', padding: [2, 1, 1, 0] }, { type: 'Sigmoid' }]);
    // x = [−1, −2] padded on the left, MaxPool 1×2: max(0, −1) = 0, max(−1, −2) = −1. (ONNX Runtime
    // 1.x folds the Pad into the MaxPool's own −∞ padding and gives [−1, −1], so it is not the reference here.)
    const beforeMax = build([node('Pad', ['x', 'p1'], ['p']), node('MaxPool', ['p'], ['y'], [attr.ints('kernel_shape', [1, 2])])], [1, 1, 1, 2],
      [ints('p1', [0, 0, 0, 1, 0, 0, 0, 0])]);
    const { model, specs } = readOnnx(beforeMax);
    assert.deepEqual(specs.map((s) => s.type), ['ZeroPad2d', 'MaxPool2d']);
    assert.deepEqual([...model.forward(Tensor.from([-1, -2], [1, 1, 1, 2]), 'eval').data], [0, -1]);
  });

  it('a Pad with negative pads (a crop) before a Conv: ZeroPad2d (cropping), not folded into the Conv', async () => {
    const bytes = build([node('Pad', ['x', 'pads'], ['p']), node('Conv', ['p', 'W'], ['y'])], [2, 2, 6, 7],
      [ints('pads', [0, 0, -1, 2, 0, 0, 1, -2]), weight('W', [3, 2, 3, 3], 8)]); // [top −1, left 2, bottom 1, right −2]
    const specs = await importMatchesOrt(bytes, [2, 2, 6, 7], 'crop + conv', false);
    assert.deepEqual(specs.map((s) => [s.type, s.padding]), [['ZeroPad2d', [2, -2, -1, 1]], ['Conv2d', [0, 0]]]);
  });

  it('a zero Pad before an AveragePool that pads without counting: ZeroPad2d + AvgPool2d(countIncludePad false)', async () => {
    const bytes = build([
      node('Pad', ['x', 'pads'], ['p']),
      node('AveragePool', ['p'], ['y'], [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [1, 1, 1, 1]), attr.int('count_include_pad', 0)]),
    ], [2, 2, 5, 6], [ints('pads', [0, 0, 0, 1, 0, 0, 2, 0])]);
    const specs = await importMatchesOrt(bytes, [2, 2, 5, 6], 'Pad + AveragePool', false);
    assert.deepEqual(specs.map((s) => [s.type, s.padding, s.countIncludePad]), [['ZeroPad2d', [1, 0, 0, 2], undefined], ['AvgPool2d', [1, 1], false]]);
  });

  it('a zero Pad as wide as an AveragePool\'s kernel stays a ZeroPad2d (folded, the pool\'s padding would reach its kernel)', () => {
    // (ONNX Runtime folds such a Pad into the pool itself and then refuses the file: checked against Nabla's own layers.)
    for (const [model, shape] of [
      [new Sequential([new ZeroPad2d(2), new AvgPool2d(2, { stride: 2 })]), [2, 2, 4, 4]],
      [new Sequential([new ZeroPad2d(1), new AdaptiveAvgPool2d([6, 6])]), [1, 3, 4, 4]],
    ] as const) {
      const { model: back, specs } = readOnnx(exportOnnx(model, { inputShape: [...shape] }));
      assert.deepEqual(specs.map((s) => s.type), ['ZeroPad2d', 'AvgPool2d']);
      const x = randomInput([...shape], 5);
      assert.deepEqual(back.forward(x, 'eval').data, model.forward(x, 'eval').data);
    }
  });

  it('ZeroPad2d\'s export (a Pad) reads back as the same layer', () => {
    const model = new Sequential([new ZeroPad2d([1, 0, 2, 3])]);
    const { model: back, specs } = readOnnx(exportOnnx(model, { inputShape: [2, 3, 4, 4] }));
    assert.deepEqual(specs, [{ type: 'ZeroPad2d', padding: [1, 0, 2, 3] }]);
    const x = randomInput([2, 3, 4, 4], 3);
    assert.deepEqual(back.forward(x, 'eval').data, model.forward(x, 'eval').data);
  });
});
