// SPDX-License-Identifier: MIT
// Narrow: float64 gradchecks (negative dim and start, the last entry, the whole axis); Narrows
// that tile an axis concatenate back to x and, in a Graph, their gradients sum to dy in full;
// backward as the adjoint of slicing; spec and bad-input errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { kernels } from '../../src/kernels/index.js';
import { apply, Graph, input } from '../../src/layers/graph.js';
import { Concat } from '../../src/layers/merge.js';
import { Narrow } from '../../src/layers/narrow.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

describe('Narrow gradcheck (float64)', () => {
  const cases: [number[], number, number, number][] = [
    [[2, 6, 3, 3], 1, 0, 3], [[2, 6, 3, 3], 1, 3, 3], [[1, 5, 4], -1, -3, 2], [[2, 3, 5, 4], 2, 1, 3], [[2, 7], 1, 6, 1], [[2, 3, 4, 5], 3, 0, 5],
  ];
  cases.forEach(([x, dim, start, length], i) => {
    test(`dim ${dim} start ${start} length ${length} x=[${x}]`, () => {
      expectGradientsOk(`Narrow x=[${x}]`, new Narrow(dim, start, length), randn(new Rng(320 + i), x));
    });
  });
});

describe('Narrow properties', () => {
  test('the chunks of an axis concatenate back to x; in a Graph their gradients sum to dy in full', () => {
    const rng = new Rng(33);
    for (const [shape, dim, sizes] of [[[2, 7, 3], 1, [3, 4]], [[1, 3, 5, 4], 2, [1, 1, 3]], [[2, 6, 2, 2], -3, [2, 2, 2]]] as const) {
      const x = randn(rng, shape);
      const source = input();
      let start = 0;
      const parts = sizes.map((length) => {
        const part = source.then(new Narrow(dim, start, length));
        start += length;
        return part;
      });
      const axis = dim < 0 ? dim + shape.length : dim;
      const g = new Graph(source, apply(new Concat({ axis }), parts));
      const y = g.forward(x, 'train');
      assert.deepEqual(y.data, x.data, `[${shape}] dim ${dim}`);
      const dy = randn(rng, shape);
      assert.deepEqual(g.backward(dy).data, dy.data, `[${shape}] dim ${dim}: dx`);
    }
  });

  test('backward puts dy in the slice and zeros elsewhere (as the adjoint of slicing)', () => {
    const layer = new Narrow(1, -2, 1);
    const x = randn(new Rng(34), [2, 3, 2]);
    const y = layer.forward(x, 'train');
    assert.deepEqual([...y.shape], [2, 1, 2]);
    assert.deepEqual(y.data, kernels().sliceAxis(x, 1, 1, 1).data);
    const dx = layer.backward(Tensor.from([1, 2, 3, 4], [2, 1, 2], 'float64'));
    assert.deepEqual([...dx.data], [0, 0, 1, 2, 0, 0, 0, 0, 3, 4, 0, 0]);
  });

  test('spec round trip', () => {
    const spec = { type: 'Narrow', dim: -1, start: -3, length: 2 };
    assert.deepEqual(layerFromSpec(spec).toSpec(), spec);
  });
});

describe('Narrow errors', () => {
  test('options, slices that do not fit, dy shape, spec', () => {
    expectThrowsWith(() => new Narrow(1, 0, 0), ['Narrow', 'length', 'integer ≥ 1', '0']);
    expectThrowsWith(() => new Narrow(1.5, 0, 1), ['Narrow', 'dim', 'integer', '1.5']);
    const x = Tensor.zeros([2, 6, 3]);
    expectThrowsWith(() => new Narrow(1, 4, 3).forward(x, 'eval'), ['Narrow', 'entries 4 … 6', 'axis 1', '[2, 6, 3]', 'size 6']);
    expectThrowsWith(() => new Narrow(1, -7, 1).forward(x, 'eval'), ['Narrow', 'start -7', '[2, 6, 3]']);
    expectThrowsWith(() => new Narrow(3, 0, 1).forward(x, 'eval'), ['Narrow', 'no axis 3', '[2, 6, 3]']);
    expectThrowsWith(() => new Narrow(-4, 0, 1).forward(x, 'eval'), ['Narrow', 'no axis -4', '[2, 6, 3]']);
    const layer = new Narrow(1, 1, 2);
    expectThrowsWith(() => layer.backward(Tensor.zeros([2, 2, 3])), ['Narrow', 'before forward']);
    layer.forward(x, 'train');
    expectThrowsWith(() => layer.backward(Tensor.zeros([2, 3, 3])), ['Narrow', 'dy', '[2, 2, 3]', '[2, 3, 3]']);
    expectThrowsWith(() => layerFromSpec({ type: 'Narrow', dim: 1, start: 0 }), ['Narrow', "missing 'length'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'Narrow', dim: 1, start: 'a', length: 1 }), ['Narrow', "'start' must be an integer"]);
  });
});
