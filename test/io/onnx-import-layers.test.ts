// SPDX-License-Identifier: MIT
// PyTorch exports (committed, 2–20 KB each, made by test/fixtures/make-onnx-models.py ... small):
// a small branching CNN (residual, SE gate, concat), LayerNorm (LayerNormalization at opset 17, the
// ReduceMean/Sub/Pow/Sqrt/Div formula at 13), GELU's tanh formula, GroupNorm (InstanceNorm-based),
// SiLU, Mish, Hardswish, ReLU6, ELU, Hardsigmoid, ConvTranspose2d, Upsample (nearest, bilinear
// with align_corners; by sizes and by non-integer scales), a U-Net, a table model with two
// nn.Embedding lookups (Cast + Gather) and torch.narrow slices, and ShuffleNet's pieces (chunk,
// channel shuffle, split, slices). Each imports and gives PyTorch's output where Nabla has the
// layers; where a layer is missing the error names the node where the formula starts and the
// layer it needs (so the formula was recognised).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readOnnx } from '../../src/io/onnx/import.js';
import { layerDef } from '../../src/layers/all.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { Rng, WeightsToLoad } from '../../src/tensor/rng.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { build, node, weight } from './onnx-hand-built.js';

const FIXTURES = new URL('../fixtures/onnx/', import.meta.url);

function floats(file: string): Float32Array {
  const b = readFileSync(new URL(file, FIXTURES));
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

const geluTanh = () => layerDef('GELU')?.options.includes('approximate') ?? false;

/** For each model and opset: what it needs and the error expected while a piece is missing. */
const CASES: { name: string; opset: number; needs: () => string[]; refused: RegExp }[] = [
  // Residual Add, an SE gate (Mul), Concat, ceil-mode MaxPool, ReduceMean over [2, 3]: only layers Nabla has.
  ...[13, 17].map((opset) => ({ name: 'small-branching', opset, needs: () => [], refused: /never/ })),
  // x.chunk (Slice with computed ends), channel_shuffle (Reshape → Transpose → Reshape), torch.split (Split), x[:, a:], narrow.
  ...[13, 17].map((opset) => ({ name: 'layers-shuffle', opset, needs: () => [], refused: /never/ })),
  { name: 'layers-layernorm', opset: 13, needs: () => [...(layerDef('LayerNorm') ? [] : ['LayerNorm']), ...(geluTanh() ? [] : ['GELU tanh'])],
    refused: /node '\/1\/ReduceMean' \(ReduceMean\): starts PyTorch's LayerNorm formula, which needs a LayerNorm layer|node '\/2\/Mul' \(Mul\): GELU's tanh approximation/ },
  { name: 'layers-layernorm', opset: 17, needs: () => [...(layerDef('LayerNorm') ? [] : ['LayerNorm']), ...(geluTanh() ? [] : ['GELU tanh'])],
    refused: /node '\/1\/LayerNormalization' \(LayerNormalization\): unsupported operator 'LayerNormalization' \(it needs a LayerNorm layer|node '\/2\/Mul' \(Mul\): GELU's tanh approximation/ },
  { name: 'layers-layernorm2d', opset: 13, needs: () => (layerDef('LayerNorm') ? [] : ['LayerNorm']), refused: /node '\/1\/ReduceMean' \(ReduceMean\): starts PyTorch's LayerNorm formula/ },
  { name: 'layers-layernorm2d', opset: 17, needs: () => (layerDef('LayerNorm') ? [] : ['LayerNorm']), refused: /node '\/1\/LayerNormalization' .*needs a LayerNorm layer/ },
  ...[13, 17].map((opset) => ({
    name: 'layers-groupnorm', opset, needs: () => (layerDef('GroupNorm') ? [] : ['GroupNorm']),
    refused: /node '\/1\/Reshape' \(Reshape\): starts PyTorch's GroupNorm formula/,
  })),
  ...[13, 17].map((opset) => ({
    name: 'layers-activations', opset,
    needs: () => ['GroupNorm', 'Hardswish', 'Hardsigmoid', 'ReLU6', 'ELU'].filter((t) => !layerDef(t)),
    refused: /node '\/1\/Reshape' \(Reshape\): starts PyTorch's GroupNorm formula|needs a (Hardswish|Hardsigmoid|ReLU6|ELU) layer/,
  })),
  // nn.Embedding (Cast to INT64, Gather) and torch.narrow (Slice) in a table model of numbers and category indices.
  ...[13, 17].map((opset) => ({ name: 'layers-embedding', opset, needs: () => ['Embedding', 'Narrow'].filter((t) => !layerDef(t)), refused: /\(Slice\): unsupported operator|\(Gather\)/ })),
  ...[13, 17].flatMap((opset) => ['layers-upsampling', 'unet'].map((name) => ({
    name, opset,
    needs: () => ['ConvTranspose2d', 'Upsample'].filter((t) => !layerDef(t)),
    refused: /\(ConvTranspose\): unsupported operator 'ConvTranspose' \(it needs a ConvTranspose2d layer|\(Resize\): .*needs a Upsample layer/,
  }))),
  // Resize by sizes (Shape → Slice → Concat), by 1.5 and [1.7, 2.5] (float32 in the file), to a smaller size.
  ...[13, 17].map((opset) => ({
    name: 'layers-resize', opset, needs: () => (layerDef('Upsample') ? [] : ['Upsample']), refused: /\(Resize\): .*needs a Upsample layer/,
  })),
];

describe('PyTorch exports of LayerNorm, GroupNorm, the newer activations, ConvTranspose2d and Upsample', () => {
  for (const { name, opset, needs, refused } of CASES) {
    const missing = needs();
    const bytes = () => new Uint8Array(readFileSync(new URL(`${name}-op${opset}.onnx`, FIXTURES)));
    if (missing.length > 0) {
      it(`${name} opset ${opset}: refused, naming the node and the missing ${missing.join(', ')}`, () => {
        assert.throws(() => readOnnx(bytes()), refused);
      });
      continue;
    }
    it(`${name} opset ${opset}: imports and gives PyTorch's output`, () => {
      const info = JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as { inputShape: number[]; outputShape: number[] };
      const { model } = readOnnx(bytes());
      const y = model.forward(Tensor.from(floats(`${name}.input.bin`), info.inputShape), 'eval');
      assert.deepEqual([...y.shape], info.outputShape);
      const expected = floats(`${name}.output.bin`);
      const max = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expected.forEach((r, i) => {
        assert.ok(Math.abs(y.data[i] - r) <= 1e-4 * Math.abs(r) + 1e-5 * max, `${name} opset ${opset}: element ${i} is ${y.data[i]}, PyTorch ${r}`);
      });
    });
  }

  it('ShuffleNet\'s pieces are read as ChannelShuffle and Narrow layers', () => {
    for (const opset of [13, 17]) {
      const { specs } = readOnnx(new Uint8Array(readFileSync(new URL(`layers-shuffle-op${opset}.onnx`, FIXTURES))));
      const of = (type: string) => specs.filter((s) => s.type === type);
      assert.deepEqual(of('ChannelShuffle'), [{ type: 'ChannelShuffle', groups: 2 }, { type: 'ChannelShuffle', groups: 3 }], `opset ${opset}`);
      // chunk: [0, 3) and [3, 6); split [1, 2, 3]; z[:, 4:], z[:, :4]; narrow(z, 3, 1, 5).
      assert.deepEqual(of('Narrow').map((s) => [s.dim, s.start, s.length]), [[1, 0, 3], [1, 3, 3], [1, 0, 1], [1, 1, 2], [1, 3, 3], [1, 4, 2], [1, 0, 4], [3, 1, 5]], `opset ${opset}`);
    }
  });

  it('SiLU written as x·σ(x) and Mish as its parts import without the fused layers (Sigmoid, Softplus, Tanh, Mul)', () => {
    // Up to the first layer Nabla may lack, the activations model is read: its errors are past the SiLU and Mish.
    if (['GroupNorm', 'Hardswish', 'Hardsigmoid', 'ReLU6', 'ELU'].every((t) => layerDef(t))) {
      const { specs } = readOnnx(new Uint8Array(readFileSync(new URL('layers-activations-op13.onnx', FIXTURES))));
      const types = specs.map((s) => s.type);
      assert.ok(types.includes(layerDef('SiLU') ? 'SiLU' : 'Sigmoid'), types.join(' '));
      assert.ok(types.includes(layerDef('Mish') ? 'Mish' : 'Softplus'), types.join(' '));
    } else {
      assert.throws(() => readOnnx(new Uint8Array(readFileSync(new URL('layers-activations-op13.onnx', FIXTURES)))), /GroupNorm|Hardswish|Hardsigmoid|ReLU6|ELU/);
    }
  });
});

describe('Resize from PyTorch becomes Upsample with PyTorch\'s options', () => {
  it('sizes read through Shape → Slice → Concat are size; float32 scales are the decimals PyTorch was given', () => {
    if (!layerDef('Upsample')) return;
    const { specs } = readOnnx(new Uint8Array(readFileSync(new URL('layers-resize-op17.onnx', FIXTURES))));
    const ups = specs.filter((s) => s.type === 'Upsample').map(({ name: _name, ...rest }) => rest);
    assert.deepEqual(ups, [
      { type: 'Upsample', size: [7, 5], mode: 'bilinear' },
      { type: 'Upsample', scaleFactor: 1.5, mode: 'nearest' },
      { type: 'Upsample', scaleFactor: [1.7, 2.5], mode: 'bilinear', alignCorners: true },
      { type: 'Upsample', size: [9, 6], mode: 'nearest' },
    ]);
  });
});

describe('weights given to the imported layers', () => {
  it('each tensor gets the file\'s values; an initializer two nodes read becomes two arrays, so training one leaves the other', () => {
    // Two 1×1 convolutions reading one weight initializer 'w' (and one bias), added.
    const bytes = build([
      node('Conv', ['x', 'w', 'b'], ['a'], [], 'conv_a'), node('Conv', ['x', 'w', 'b'], ['c'], [], 'conv_c'),
      node('Add', ['a', 'c'], ['y']),
    ], [1, 3, 4, 4], [weight('w', [3, 3, 1, 1], 7), weight('b', [3], 8)]);
    const { model } = readOnnx(bytes);
    const params = model.parameters();
    assert.equal(params.length, 4);
    const expected = Array.from(Float32Array.from({ length: 9 }, ((rng) => () => rng.uniform(-1, 1))(new Rng(7))));
    const [wa, ba, wc, bc] = params;
    assert.deepEqual(Array.from(wa.value.data), expected);
    assert.deepEqual(Array.from(wc.value.data), expected);
    assert.notEqual(wa.value.data, wc.value.data, 'one initializer, two arrays');
    assert.notEqual(ba.value.data, bc.value.data);
    wa.value.data[0] += 1;
    assert.equal(wc.value.data[0], expected[0]);
  });

  it('WeightsToLoad leaves weights at zero for the loader (and still refuses an unknown init); Tensor.adopt takes an array without copying', () => {
    const conv = new Conv2d(2, 3, 3, { rng: new WeightsToLoad(1) });
    assert.ok(conv.weight.value.data.every((v) => v === 0) && conv.bias!.value.data.every((v) => v === 0));
    assert.ok(new Conv2d(2, 3, 3, { rng: new Rng(1) }).weight.value.data.some((v) => v !== 0));
    assert.throws(() => new Conv2d(2, 3, 3, { rng: new WeightsToLoad(1), init: 'bogus' as never }), /unknown init 'bogus'/);
    const t = Tensor.zeros([2, 2]);
    const data = Float32Array.from([1, 2, 3, 4]);
    t.adopt(data);
    assert.equal(t.data, data);
    assert.throws(() => t.adopt(new Float32Array(3)), /Tensor.adopt: expected a Float32Array of 4 elements, got a Float32Array of 3/);
    assert.throws(() => t.adopt(new Float64Array(4)), /Tensor.adopt: expected a Float32Array/);
  });
});
