// SPDX-License-Identifier: MIT
// ONNX for ChannelShuffle, Narrow and ZeroPad2d. Export: ChannelShuffle as Reshape → Transpose →
// Reshape, Narrow as Slice and ZeroPad2d as Pad, at opsets 13, 17 and 21, run in ONNX Runtime against Nabla's forward (at the
// exported batch and another) and passed through ONNX's checker; a ShuffleNet unit as a Graph;
// the exports read back by importOnnx as the same layers. Import of hand-built graphs, each run in
// ONNX Runtime too: Slice with negative, clamped and INT64_MAX ends, several axes, the batch axis
// taken whole, attributes before opset 10; Split with sizes as input (13), attribute (11) and
// num_outputs (18), unused and whole outputs; the shuffle with a rank-3 grid. And the refusals,
// each naming the node: a Reshape or Transpose that is not a channel shuffle, steps ≠ 1, a slice
// of the batch, a Split whose sizes do not add up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOnnx } from '../../src/io/onnx/export.js';
import { readOnnx } from '../../src/io/onnx/import.js';
import { attr, int64Tensor } from '../../src/io/onnx/proto.js';
import { ChannelShuffle } from '../../src/layers/channel-shuffle.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { apply, Graph, input } from '../../src/layers/graph.js';
import type { Container, Layer } from '../../src/layers/layer.js';
import { Concat } from '../../src/layers/merge.js';
import { Narrow } from '../../src/layers/narrow.js';
import { ZeroPad2d } from '../../src/layers/zero-pad2d.js';
import { Sequential } from '../../src/layers/sequential.js';
import { ReLU } from '../../src/layers/activations.js';
import { Rng } from '../../src/tensor/rng.js';
import { randomInput, shuffleNetPieces } from './onnx-models.js';
import { checkExport } from './onnx-export-check.js';
import { build, importMatchesOrt, int64Raw, ints, node } from './onnx-hand-built.js';

const OPSETS = [13, 17, 21];

/** stride-1 ShuffleNet v2 unit: x.chunk(2) as two Narrows, a conv on the second half, concat, shuffle. */
function shuffleUnit(): Container {
  const rng = new Rng(5);
  const x = input();
  const x1 = x.then(new Narrow(1, 0, 3), 'x1');
  const x2 = x.then(new Narrow(1, 3, 3), 'x2');
  const branch = x2.then(new Conv2d(3, 3, 3, { padding: 1, rng }), 'conv').then(new ReLU(), 'relu');
  return new Graph(x, apply(new Concat(), [x1, branch], 'cat').then(new ChannelShuffle(2), 'shuffle'));
}

const EXPORTS: { name: string; layer: Layer; x: number[]; ops: string[] }[] = [
  { name: 'ChannelShuffle 2 x=[2,6,3,3]', layer: new ChannelShuffle(2), x: [2, 6, 3, 3], ops: ['Reshape', 'Transpose', 'Reshape'] },
  { name: 'ChannelShuffle 3 x=[1,12,5] (rank 3)', layer: new ChannelShuffle(3), x: [1, 12, 5], ops: ['Reshape', 'Transpose', 'Reshape'] },
  { name: 'ChannelShuffle 4 x=[2,8,2,3,2] (rank 5)', layer: new ChannelShuffle(4), x: [2, 8, 2, 3, 2], ops: ['Reshape', 'Transpose', 'Reshape'] },
  { name: 'ChannelShuffle 1 x=[2,3,2,2] (one group)', layer: new ChannelShuffle(1), x: [2, 3, 2, 2], ops: ['Reshape', 'Transpose', 'Reshape'] },
  { name: 'Narrow dim 1 start 2 length 3 x=[2,6,3,3]', layer: new Narrow(1, 2, 3), x: [2, 6, 3, 3], ops: ['Slice'] },
  { name: 'Narrow dim -1 start -2 length 2 x=[2,3,5]', layer: new Narrow(-1, -2, 2), x: [2, 3, 5], ops: ['Slice'] },
  { name: 'ZeroPad2d [1, 0, 2, 3] x=[2,3,4,4]', layer: new ZeroPad2d([1, 0, 2, 3]), x: [2, 3, 4, 4], ops: ['Pad'] },
  { name: 'ZeroPad2d 2 x=[1,2,1,3]', layer: new ZeroPad2d(2), x: [1, 2, 1, 3], ops: ['Pad'] },
  { name: 'ZeroPad2d [-1, 2, 0, -1] x=[2,2,3,4] (negative sides crop)', layer: new ZeroPad2d([-1, 2, 0, -1]), x: [2, 2, 3, 4], ops: ['Pad'] },
  { name: 'ShuffleNet unit (Graph)', layer: shuffleUnit(), x: [2, 6, 4, 4], ops: ['Slice', 'Slice', 'Conv', 'Relu', 'Concat', 'Reshape', 'Transpose', 'Reshape'] },
];

describe('exportOnnx of ChannelShuffle, Narrow and ZeroPad2d runs in ONNX Runtime with Nabla\'s outputs', () => {
  for (const c of EXPORTS) {
    it(c.name, async (t) => {
      const model = c.layer instanceof Graph ? c.layer : new Sequential([c.layer]);
      await checkExport({ name: c.name, model, inputShape: c.x, opsets: OPSETS, ops: () => c.ops }, t);
    });
  }

  it('ShuffleNet\'s pieces between a stem and a head (Narrow, ZeroPad2d before a depthwise conv, BatchNorm, ChannelShuffle)', async (t) => {
    const { model, inputShape } = shuffleNetPieces();
    await checkExport({ name: 'shuffleNetPieces', model, inputShape, opsets: OPSETS }, t);
  });

  it('importOnnx reads the exports back as the same layers, with the same outputs', () => {
    for (const c of EXPORTS) {
      const model = c.layer instanceof Graph ? c.layer : new Sequential([c.layer]);
      const { model: back, specs } = readOnnx(exportOnnx(model, { inputShape: c.x, opset: 17 }));
      const own = c.layer instanceof Graph ? c.layer.nodes.map((n) => n.module.toSpec()) : [c.layer.toSpec()];
      // Narrow comes back with its axis and start resolved (dim -1 of rank 3 is 2; start -2 of 5 is 3).
      const resolved = own.map((s) => (s.type === 'Narrow' ? { ...s, dim: (s.dim as number) < 0 ? (s.dim as number) + c.x.length : s.dim, start: (s.start as number) < 0 ? (s.start as number) + c.x[c.x.length - 1] : s.start } : s));
      assert.deepEqual(specs.map((s) => s.type === 'Conv2d' ? 'Conv2d' : s), resolved.map((s) => s.type === 'Conv2d' ? 'Conv2d' : s), c.name);
      const x = randomInput(c.x, 7);
      assert.deepEqual(back.forward(x, 'eval').data, model.forward(x, 'eval').data, `${c.name}: outputs`);
    }
  });
});

const INT64_MAX = 2n ** 63n - 1n;

describe('importOnnx of Slice, Split and the channel shuffle, against ONNX Runtime', () => {
  it('Slice: negative starts and ends, ends past the size (clamped), INT64_MAX, several axes, the batch taken whole', async () => {
    const slice = (starts: number[] | bigint[], ends: (number | bigint)[], axes: number[]) => build(
      [node('Slice', ['x', 's', 'e', 'a'], ['y'])], [2, 6, 5, 4],
      [int64Tensor('s', [starts.length], starts.map(Number)), { ...int64Tensor('e', [ends.length], ends.map(Number)), int64Data: undefined, rawData: int64Raw(ends) }, ints('a', axes)],
    );
    const cases: [string, Uint8Array, Record<string, unknown>[]][] = [
      ['x[:, 1:4]', slice([1], [4], [1]), [{ type: 'Narrow', dim: 1, start: 1, length: 3 }]],
      ['x[:, -4:-1]', slice([-4], [-1], [1]), [{ type: 'Narrow', dim: 1, start: 2, length: 3 }]],
      ['x[:, 2:] (INT64_MAX end)', slice([2], [INT64_MAX], [1]), [{ type: 'Narrow', dim: 1, start: 2, length: 4 }]],
      ['x[..., 1:99] (end clamped) on axis -1', slice([1], [99], [-1]), [{ type: 'Narrow', dim: 3, start: 1, length: 3 }]],
      ['x[:, :, 1:3, 0:2]', slice([1, 0], [3, 2], [2, 3]), [{ type: 'Narrow', dim: 2, start: 1, length: 2 }, { type: 'Narrow', dim: 3, start: 0, length: 2 }]],
      ['x[0:INT64_MAX, 3:]', slice([0, 3], [INT64_MAX, INT64_MAX], [0, 1]), [{ type: 'Narrow', dim: 1, start: 3, length: 3 }]],
    ];
    for (const [what, bytes, specs] of cases) assert.deepEqual(await importMatchesOrt(bytes, [2, 6, 5, 4], what), specs, what);
    // The whole axis is no layer at all.
    assert.deepEqual(readOnnx(slice([0], [INT64_MAX], [1])).specs, []);
  });

  it('Slice before opset 10: starts, ends and axes as attributes', async () => {
    const bytes = build([node('Slice', ['x'], ['y'], [attr.ints('starts', [1]), attr.ints('ends', [3]), attr.ints('axes', [1])])], [2, 4, 3], [], 9);
    const { specs } = readOnnx(bytes);
    assert.deepEqual(specs, [{ type: 'Narrow', dim: 1, start: 1, length: 2 }]);
  });

  it('Split: sizes as input (13), as attribute (11), equal parts (num_outputs, 18); unused parts make no layer', async () => {
    const joined = (outs: string[], axis = 1) => node('Concat', outs, ['y'], [attr.int('axis', axis)]);
    const withInput = build([node('Split', ['x', 's'], ['a', 'b', 'c'], [attr.int('axis', 1)]), joined(['c', 'a', 'b'])], [2, 7, 3], [ints('s', [2, 4, 1])]);
    assert.deepEqual((await importMatchesOrt(withInput, [2, 7, 3], 'split input')).map((s) => s.start ?? s.type), [0, 2, 6, 'Concat']);
    const withAttr = build([node('Split', ['x'], ['a', 'b'], [attr.int('axis', -1), attr.ints('split', [1, 2])]), joined(['b', 'a'], -1)], [2, 2, 3], [], 11);
    assert.deepEqual((await importMatchesOrt(withAttr, [2, 2, 3], 'split attribute')).map((s) => s.length ?? s.type), [1, 2, 'Concat']);
    // 7 channels in 3 parts: ⌈7/3⌉ = 3, 3 and 1; the middle part unused.
    const equal = build([node('Split', ['x'], ['a', 'b', 'c'], [attr.int('axis', 1), attr.int('num_outputs', 3)]), joined(['c', 'a'])], [2, 7, 2], [], 18);
    assert.deepEqual((await importMatchesOrt(equal, [2, 7, 2], 'num_outputs')).map((s) => [s.start, s.length]), [[0, 3], [6, 1], [undefined, undefined]]);
    // Equal parts from the number of outputs (opset 13, no sizes), the chunk of an even axis.
    const halves = build([node('Split', ['x'], ['a', 'b'], [attr.int('axis', 1)]), joined(['b', 'a'])], [2, 6, 2]);
    assert.deepEqual((await importMatchesOrt(halves, [2, 6, 2], 'halves')).map((s) => s.start ?? s.type), [0, 3, 'Concat']);
  });

  it('a channel shuffle on a rank-3 value, its grid shape written with 0 and -1', async () => {
    const bytes = build([
      node('Reshape', ['x', 'grid'], ['g'], [], 'grid'), node('Transpose', ['g'], ['t'], [attr.ints('perm', [0, 2, 1, 3])]), node('Reshape', ['t', 'back'], ['y'], [], 'back'),
    ], [2, 6, 5], [ints('grid', [0, 3, -1, 5]), ints('back', [0, -1, 5])]);
    assert.deepEqual(await importMatchesOrt(bytes, [2, 6, 5], 'shuffle'), [{ type: 'ChannelShuffle', groups: 3 }]);
  });
});

describe('importOnnx refuses, naming the node, what is not a channel shuffle or a plain slice', () => {
  const grid = (perm: number[], back: number[]) => build([
    node('Reshape', ['x', 'grid'], ['g'], [], 'split_channels'), node('Transpose', ['g'], ['t'], [attr.ints('perm', perm)], 'swap'), node('Reshape', ['t', 'back'], ['y'], [], 'join'),
  ], [2, 6, 3, 3], [ints('grid', [0, 2, 3, 3, 3]), ints('back', back)]);
  const cases: [string, Uint8Array, RegExp][] = [
    ['a Transpose that swaps other axes', grid([0, 1, 2, 4, 3], [0, 6, 3, 3]), /node 'split_channels' \(Reshape\): Reshape of \[N, 6, 3, 3\] to \[N, 2, 3, 3, 3\] is not supported .*a channel shuffle is read as Reshape \[N, G, C\/G, \*\] → Transpose perm \[0, 2, 1, …\]/],
    ['a Reshape back to another shape', grid([0, 2, 1, 3, 4], [0, 6, 9]), /node 'split_channels' \(Reshape\)/],
    ['a Transpose alone', build([node('Transpose', ['x'], ['y'], [attr.ints('perm', [0, 2, 1, 3])], 'swap')], [2, 6, 3, 3]),
      /node 'swap' \(Transpose\): Transpose with perm = \[0, 2, 1, 3\] .*inside a channel shuffle/],
    ['Slice steps 2', build([node('Slice', ['x', 's', 'e', 'a', 'k'], ['y'], [], 'every_other')], [2, 6, 3], [ints('s', [0]), ints('e', [6]), ints('a', [1]), ints('k', [2])]),
      /node 'every_other' \(Slice\): steps = 2 along axis 1 is not supported \(only steps of 1\)/],
    ['Slice of part of the batch', build([node('Slice', ['x', 's', 'e', 'a'], ['y'], [], 'first')], [2, 6, 3], [ints('s', [0]), ints('e', [1]), ints('a', [0])]),
      /node 'first' \(Slice\): slicing the batch axis \(starts 0, ends 1\) is not supported/],
    ['Slice that selects nothing', build([node('Slice', ['x', 's', 'e', 'a'], ['y'], [], 'empty')], [2, 6, 3], [ints('s', [4]), ints('e', [2]), ints('a', [1])]),
      /node 'empty' \(Slice\): starts 4, ends 2 along axis 1 of size 6 select nothing/],
    ['Split sizes that do not add up', build([node('Split', ['x', 's'], ['y', 'z'], [attr.int('axis', 1)], 'parts')], [2, 6, 3], [ints('s', [2, 3])]),
      /node 'parts' \(Split\): split sizes \[2,3\] must give 2 parts adding up to 6/],
    ['Split into equal parts that do not divide (no num_outputs)', build([node('Split', ['x'], ['y', 'z'], [attr.int('axis', 1)], 'parts')], [2, 5, 3]),
      /node 'parts' \(Split\): 2 equal parts of axis 1 \(size 5\) do not divide it/],
    ['Split of the batch', build([node('Split', ['x'], ['y', 'z'], [], 'parts')], [2, 6, 3]), /node 'parts' \(Split\): attribute axis = 0 .*only an axis after the batch/],
  ];
  for (const [what, bytes, message] of cases) it(what, () => assert.throws(() => readOnnx(bytes), message));
});
