// SPDX-License-Identifier: MIT
// ChannelShuffle: float64 gradchecks over ranks 3–5, odd sizes, one group and groups = C;
// properties (a permutation of whole channel planes, undone by the shuffle in C/groups groups,
// which is its backward); spec, summary and bad-input errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChannelShuffle } from '../../src/layers/channel-shuffle.js';
import { Graph, input } from '../../src/layers/graph.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

describe('ChannelShuffle gradcheck (float64)', () => {
  const cases: [number[], number][] = [[[2, 6, 3, 3], 2], [[1, 6, 5], 3], [[2, 12, 2, 3], 4], [[3, 5, 2], 1], [[2, 5, 3], 5], [[1, 4, 2, 3, 2], 2]];
  cases.forEach(([x, groups], i) => {
    test(`groups ${groups} x=[${x}]`, () => {
      expectGradientsOk(`ChannelShuffle ${groups} x=[${x}]`, new ChannelShuffle(groups), randn(new Rng(300 + i), x));
    });
  });
});

describe('ChannelShuffle properties', () => {
  test('permutes whole channel planes: y[n, k·G + g] is x[n, g·K + k], so the multiset of values is kept', () => {
    const x = Tensor.from(Array.from({ length: 2 * 6 * 2 }, (_, i) => i), [2, 6, 2], 'float64');
    const y = new ChannelShuffle(3).forward(x, 'eval');
    // Channels 0…5 as a [3, 2] grid read column-wise: 0, 2, 4, 1, 3, 5 (nn.ChannelShuffle(3) on arange(6)).
    const channelOf = (t: Tensor, n: number, c: number) => [t.data[(n * 6 + c) * 2], t.data[(n * 6 + c) * 2 + 1]];
    for (let n = 0; n < 2; n++) {
      [0, 2, 4, 1, 3, 5].forEach((from, c) => assert.deepEqual(channelOf(y, n, c), channelOf(x, n, from), `n ${n} c ${c}`));
    }
  });

  test('the shuffle in C/G groups undoes it, and backward is that inverse (dx of dy = y is x)', () => {
    const rng = new Rng(31);
    for (const [shape, G] of [[[2, 6, 3, 3], 2], [[1, 12, 5], 4], [[2, 10, 1, 3], 5]] as const) {
      const x = randn(rng, shape);
      const layer = new ChannelShuffle(G);
      const y = layer.forward(x, 'train');
      assert.deepEqual(new ChannelShuffle(shape[1] / G).forward(y, 'eval').data, x.data, `[${shape}] G ${G}`);
      assert.deepEqual(layer.backward(y).data, x.data, `[${shape}] G ${G}: backward`);
    }
  });

  test('one group and groups = C with rank 3 leave x as it is only for one group', () => {
    const x = randn(new Rng(32), [2, 4, 3]);
    assert.deepEqual(new ChannelShuffle(1).forward(x, 'eval').data, x.data);
    assert.deepEqual(new ChannelShuffle(4).forward(x, 'eval').data, x.data); // a [4, 1] grid transposed reads the same
    assert.notDeepEqual(new ChannelShuffle(2).forward(x, 'eval').data, x.data);
  });

  test('spec round trip and summary', () => {
    assert.deepEqual(new ChannelShuffle(2).toSpec(), { type: 'ChannelShuffle', groups: 2 });
    assert.equal((layerFromSpec({ type: 'ChannelShuffle', groups: 3 }) as ChannelShuffle).groups, 3);
    const source = input();
    const g = new Graph(source, source.then(new ChannelShuffle(2)));
    assert.deepEqual(g.summary([1, 4, 2, 2]).rows.map((r) => r.outputShape), [[1, 4, 2, 2]]);
  });
});

describe('ChannelShuffle errors', () => {
  test('groups, rank, channels not divisible, dy shape, backward before forward, spec', () => {
    expectThrowsWith(() => new ChannelShuffle(0), ['ChannelShuffle', 'groups', 'integer ≥ 1', '0']);
    expectThrowsWith(() => new ChannelShuffle(1.5), ['ChannelShuffle', 'groups', '1.5']);
    expectThrowsWith(() => new ChannelShuffle(2).forward(Tensor.zeros([2, 6]), 'eval'), ['ChannelShuffle', '[N, C, *]', '[2, 6]']);
    expectThrowsWith(() => new ChannelShuffle(4).forward(Tensor.zeros([2, 6, 3]), 'eval'), ['ChannelShuffle', '6 channels', '[2, 6, 3]', '4 groups']);
    expectThrowsWith(() => new ChannelShuffle(2).backward(Tensor.zeros([2, 6, 3])), ['ChannelShuffle', 'before forward']);
    const layer = new ChannelShuffle(2);
    layer.forward(Tensor.zeros([2, 6, 3]), 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([2, 6, 4])), ['ChannelShuffle', 'dy', '[2, 6, 3]', '[2, 6, 4]']);
    expectThrowsWith(() => layerFromSpec({ type: 'ChannelShuffle' }), ['ChannelShuffle', "missing 'groups'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'ChannelShuffle', groups: 2, group: 2 }), ['ChannelShuffle', "unknown option 'group'"]);
  });
});
