// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LayerSpec } from '../../src/layers/layer.js';
import { LAYER_TYPES, layerFromSpec, sequentialFromSpec } from '../../src/layers/spec.js';
import { Sequential } from '../../src/layers/sequential.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectThrowsWith, Rng } from './util.js';

const everyType: LayerSpec[] = [
  { type: 'Conv2d', inChannels: 1, outChannels: 4, kernelSize: [3, 3], padding: 1, stride: 1, dilation: 1, groups: 1, bias: true, init: 'kaimingUniform' },
  { type: 'Sequential', layers: [{ type: 'ConvTranspose2d', inChannels: 4, outChannels: 4, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1, dilation: 1, groups: 2, bias: true }, { type: 'MaxPool2d', kernelSize: 2 }] },
  { type: 'BatchNorm2d', numFeatures: 4, eps: 1e-3, momentum: 0.2, affine: true },
  { type: 'Residual', body: { type: 'Conv2d', inChannels: 4, outChannels: 4, kernelSize: 3, padding: 1 } },
  {
    type: 'Graph',
    input: 'x',
    nodes: [
      { name: 'a', inputs: ['x'], type: 'ReLU' },
      { name: 'b', inputs: ['x'], type: 'Tanh' },
      { name: 'sum', inputs: ['a', 'b'], type: 'Add' },
      { name: 'gate', inputs: ['x'], type: 'AvgPool2d', kernelSize: 8 },
      { name: 'gated', inputs: ['sum', 'gate'], type: 'Mul' },
      { name: 'squeeze', inputs: ['x'], type: 'GlobalAvgPool2d' },
      { name: 'excited', inputs: ['gated', 'squeeze'], type: 'Mul' },
      { name: 'cat', inputs: ['excited', 'a'], type: 'Concat', axis: 1 },
      { name: 'shuffled', inputs: ['cat'], type: 'ChannelShuffle', groups: 2 },
      { name: 'half', inputs: ['shuffled'], type: 'Narrow', dim: 1, start: -6, length: 6 },
      { name: 'proj', inputs: ['half'], type: 'Conv2d', inChannels: 6, outChannels: 4, kernelSize: 1 },
    ],
    output: 'proj',
  },
  { type: 'LeakyReLU', negativeSlope: 0.1 },
  { type: 'MaxPool2d', kernelSize: 2, stride: 2, padding: 0 },
  { type: 'AvgPool2d', kernelSize: 3, stride: 1, padding: 1, countIncludePad: false },
  { type: 'ZeroPad2d', padding: [1, 0, 0, 0] },
  { type: 'AdaptiveAvgPool2d', outputSize: [null, 4] },
  { type: 'Sequential', layers: [{ type: 'Upsample', scaleFactor: [1.5, 2], mode: 'bilinear', alignCorners: true }, { type: 'Upsample', size: 4 }] },
  { type: 'Sequential', layers: [{ type: 'GELU' }, { type: 'Sigmoid' }] },
  { type: 'Flatten' },
  { type: 'Dropout', p: 0.1 },
  { type: 'Linear', inFeatures: 64, outFeatures: 8, bias: false, init: 'xavierNormal' },
  { type: 'BatchNorm1d', numFeatures: 8 },
  { type: 'Softplus', beta: 2, threshold: 10 },
  { type: 'LayerNorm', normalizedShape: [8], eps: 1e-4 },
  { type: 'GroupNorm', numGroups: 4, numChannels: 8, affine: false },
  { type: 'Sequential', layers: [{ type: 'ReLU6' }, { type: 'Hardsigmoid' }, { type: 'Hardswish' }, { type: 'SiLU' }] },
  { type: 'Sequential', layers: [{ type: 'ELU', alpha: 0.5 }, { type: 'Mish' }, { type: 'GELU', approximate: 'tanh' }] },
  { type: 'Tanh' },
  { type: 'ReLU' },
  { type: 'Linear', inFeatures: 8, outFeatures: 3 },
];

/** The layers that read integer indices, run on their own: [N, 3] indices, narrowed, embedded. */
const indexTypes: LayerSpec[] = [
  { type: 'Narrow', dim: 1, start: 1, length: 2 },
  { type: 'Embedding', numEmbeddings: 5, embeddingDim: 4, paddingIdx: 0 },
  { type: 'Flatten' },
];

describe('model specs', () => {
  test('every layer type builds from a spec, the model runs, and its spec round-trips', () => {
    const model = sequentialFromSpec(everyType, new Rng(1));
    const typesIn = (spec: LayerSpec): string[] => [
      spec.type,
      ...[...((spec.layers as LayerSpec[] | undefined) ?? []), ...((spec.nodes as LayerSpec[] | undefined) ?? []), ...(spec.body ? [spec.body as LayerSpec] : [])].flatMap(typesIn),
    ];
    assert.deepEqual(
      new Set([...everyType, ...indexTypes].flatMap(typesIn)),
      new Set(LAYER_TYPES),
      'the test covers every known type',
    );
    const embed = sequentialFromSpec(indexTypes, new Rng(1));
    assert.deepEqual([...embed.forward(Tensor.from([0, 1, 4, 2, 0, 3], [2, 3]), 'train').shape], [2, 8]);
    assert.deepEqual(sequentialFromSpec(embed.toSpec(), new Rng(1)).toSpec(), embed.toSpec());
    const y = model.forward(Tensor.zeros([2, 1, 8, 8]), 'train');
    assert.deepEqual([...y.shape], [2, 3]);
    const again = sequentialFromSpec(model.toSpec(), new Rng(1));
    assert.deepEqual(again.toSpec(), model.toSpec());
    assert.deepEqual(again.parameters().map((p) => p.value.toArray()), model.parameters().map((p) => p.value.toArray()));
  });

  test('the README-style LeNet spec', () => {
    const model = sequentialFromSpec([
      { type: 'Conv2d', inChannels: 1, outChannels: 6, kernelSize: 5, padding: 2 },
      { type: 'ReLU' },
      { type: 'MaxPool2d', kernelSize: 2 },
      { type: 'Flatten' },
      { type: 'Linear', inFeatures: 6 * 14 * 14, outFeatures: 10 },
    ]);
    assert.ok(model instanceof Sequential);
    assert.deepEqual(model.summary([1, 1, 28, 28]).rows.at(-1)!.outputShape, [1, 10]);
  });

  test('a {type: "Sequential"} spec works as well as a list', () => {
    const model = sequentialFromSpec({ type: 'Sequential', layers: [{ type: 'ReLU' }] });
    assert.deepEqual(model.toSpec(), { type: 'Sequential', layers: [{ type: 'ReLU' }] });
  });
});

describe('model spec errors name the layer index and the field', () => {
  test('unknown type', () => {
    expectThrowsWith(() => sequentialFromSpec([{ type: 'ReLU' }, { type: 'Conv3d' }]), ['layer 1 (Conv3d)', 'unknown layer type', 'Conv2d']);
    // NaN and ±Infinity by name (JSON would write them as null).
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Dropout', p: NaN }]), ["'p' must be a finite number, got NaN"]);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'ELU', alpha: -Infinity }]), ["'alpha' must be a finite number, got -Infinity"]);
  });
  test('missing type, not an object', () => {
    expectThrowsWith(() => sequentialFromSpec([{ kind: 'ReLU' } as unknown as LayerSpec]), ['layer 0', "missing 'type'"]);
    expectThrowsWith(() => sequentialFromSpec([null as unknown as LayerSpec]), ['layer 0', 'expected an object']);
  });
  test('unknown (misspelt) option', () => {
    expectThrowsWith(
      () => sequentialFromSpec([{ type: 'Flatten' }, { type: 'Conv2d', inChannels: 1, outChannels: 2, kernalSize: 3 }]),
      ['layer 1 (Conv2d)', "unknown option 'kernalSize'", 'kernelSize'],
    );
  });
  test('missing and badly typed fields', () => {
    expectThrowsWith(() => layerFromSpec({ type: 'Linear', inFeatures: 3 }), ["layer (Linear): missing 'outFeatures'"]);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Linear', inFeatures: '3', outFeatures: 2 }]), ['layer 0 (Linear)', "'inFeatures'", 'integer', '"3"']);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: [3, 3, 3] }]), [
      'layer 0 (Conv2d)',
      "'kernelSize'",
      '[3,3,3]',
    ]);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Linear', inFeatures: 3, outFeatures: 2, bias: 'yes' }]), ['layer 0 (Linear)', "'bias'", 'true or false']);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Linear', inFeatures: 3, outFeatures: 2, init: 'he' }]), ['layer 0 (Linear)', "'init'", 'kaimingUniform']);
  });
  test('constructor errors get the location in front', () => {
    expectThrowsWith(() => sequentialFromSpec([{ type: 'ReLU' }, { type: 'Dropout', p: 1 }]), ['model spec: layer 1 (Dropout)', 'p must be a probability']);
    expectThrowsWith(() => sequentialFromSpec([{ type: 'Conv2d', inChannels: 3, outChannels: 4, kernelSize: 3, groups: 2 }]), [
      'layer 0 (Conv2d)',
      'groups = 2',
    ]);
  });
  test('nested layers are located by their path', () => {
    expectThrowsWith(
      () => sequentialFromSpec([{ type: 'ReLU' }, { type: 'ReLU' }, { type: 'Sequential', layers: [{ type: 'Tanh' }, { type: 'Tanh', x: 1 }] }]),
      ['layer 2.1 (Tanh)', "unknown option 'x'", 'takes no options'],
    );
  });
});
