// SPDX-License-Identifier: MIT
// Embedding and Narrow: float64 gradchecks (Embedding w.r.t. its weight, with repeated indices and a
// padding row), PyTorch's initialisation (N(0, 1), padding row 0), the scatter-add against a
// naive sum, spec round trips, and errors naming the layer, the index and the range.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gradcheck, formatGradcheck } from '../../src/gradcheck.js';
import { Embedding } from '../../src/layers/embedding.js';
import { Narrow } from '../../src/layers/narrow.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import { Graph, input } from '../../src/layers/graph.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng, Tensor } from './util.js';

function indices(values: number[], shape: number[], dtype: 'float32' | 'float64' = 'float64'): Tensor {
  return Tensor.from(values, shape, dtype);
}

describe('Embedding', () => {
  const cases: [string, number, number, number[], number[], number | undefined][] = [
    ['V=4 D=3 idx=[2,5] (repeats)', 4, 3, [2, 5], [0, 1, 1, 3, 0, 2, 2, 2, 3, 0], undefined],
    ['V=5 D=2 paddingIdx=3 idx=[6]', 5, 2, [6], [3, 0, 3, 4, 1, 3], 3],
    ['V=3 D=5 idx=[2,2,2] (three dims)', 3, 5, [2, 2, 2], [0, 1, 2, 2, 1, 0, 0, 0], undefined],
  ];
  for (const [name, V, D, shape, values, paddingIdx] of cases) {
    test(`gradcheck w.r.t. the weight (float64): ${name}`, () => {
      const layer = new Embedding(V, D, { paddingIdx, rng: new Rng(3) });
      const x = indices(values, shape);
      // The padding row is a constant (it gets no gradient, so it stays 0): reset before every forward.
      const D0 = paddingIdx === undefined ? 0 : paddingIdx * D;
      const beforeForward = () => paddingIdx !== undefined && layer.weight.value.data.fill(0, D0, D0 + D);
      const report = gradcheck(
        { forward: () => layer.forward(x, 'train'), backward: (dy: Tensor) => (layer.backward(dy, { needInputGrad: false }), []), parameters: () => layer.parameters() },
        [],
        { beforeForward },
      );
      assert.ok(report.ok, formatGradcheck(report));
      assert.ok(report.worst.maxRelError < 1e-6);
    });
  }

  test('dW is the sum of dy rows per index (naive loop), padding row untouched', () => {
    const V = 5;
    const D = 3;
    const layer = new Embedding(V, D, { paddingIdx: 1, rng: new Rng(1) });
    const values = [1, 4, 4, 0, 1, 4, 2];
    const x = indices(values, [7], 'float32');
    const y = layer.forward(x, 'train');
    for (let i = 0; i < values.length; i++) {
      for (let d = 0; d < D; d++) assert.equal(y.data[i * D + d], layer.weight.value.data[values[i] * D + d]);
    }
    const dy = randn(new Rng(2), [7, D], 1, 'float32');
    const dx = layer.backward(dy);
    assert.deepEqual([...dx.shape], [7]);
    assert.ok(dx.data.every((v) => v === 0));
    const expected = new Float64Array(V * D);
    values.forEach((v, i) => {
      if (v === 1) return;
      for (let d = 0; d < D; d++) expected[v * D + d] += dy.data[i * D + d];
    });
    for (let k = 0; k < V * D; k++) assert.ok(Math.abs(layer.weight.grad.data[k] - expected[k]) < 1e-6, `dW[${k}]`);
    assert.equal(layer.weight.grad.data[1 * D], 0);
    assert.equal(layer.backward(dy, { needInputGrad: false }), null);
  });

  test("PyTorch's init: W ~ N(0, 1), the padding row zero; paddingIdx −1 is the last row", () => {
    const layer = new Embedding(400, 50, { paddingIdx: -1, rng: new Rng(5) });
    assert.equal(layer.paddingIdx, 399);
    const w = layer.weight.value.data;
    assert.ok(w.subarray(399 * 50).every((v) => v === 0));
    const body = Array.from(w.subarray(0, 399 * 50));
    const mean = body.reduce((a, b) => a + b, 0) / body.length;
    const variance = body.reduce((a, b) => a + (b - mean) ** 2, 0) / body.length;
    assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 0.03, `variance ${variance}`);
  });

  test('refuses out-of-range, negative and fractional indices, naming the index and the range', () => {
    const layer = new Embedding(4, 2);
    expectThrowsWith(() => layer.forward(indices([0, 4], [2]), 'eval'), ['Embedding', 'index 4', 'position 1', '0 … 3', 'numEmbeddings 4']);
    expectThrowsWith(() => layer.forward(indices([-1], [1]), 'eval'), ['Embedding', 'index -1', 'out of range']);
    expectThrowsWith(() => layer.forward(indices([0.5], [1]), 'eval'), ['Embedding', 'index 0.5', 'not an integer']);
    expectThrowsWith(() => layer.forward(indices([NaN], [1]), 'eval'), ['Embedding', 'index NaN']);
    expectThrowsWith(() => new Embedding(4, 2, { paddingIdx: 4 }), ['Embedding', 'paddingIdx', '4']);
    expectThrowsWith(() => new Embedding(0, 2), ['Embedding', 'numEmbeddings']);
    const x = input();
    const graph = new Graph(x, x.then(new Embedding(3, 2), 'cat'));
    expectThrowsWith(() => graph.forward(indices([7], [1]), 'eval'), ["node 'cat'", 'index 7', '0 … 2']);
  });

  test('spec round trip, shapes', () => {
    const layer = layerFromSpec({ type: 'Embedding', numEmbeddings: 6, embeddingDim: 4, paddingIdx: -2 }) as Embedding;
    assert.deepEqual(layer.toSpec(), { type: 'Embedding', numEmbeddings: 6, embeddingDim: 4, paddingIdx: 4 });
    assert.deepEqual(layer.outputShape([3, 2]), [3, 2, 4]);
    assert.deepEqual(layerFromSpec({ type: 'Embedding', numEmbeddings: 6, embeddingDim: 4 }).toSpec(), { type: 'Embedding', numEmbeddings: 6, embeddingDim: 4 });
    expectThrowsWith(() => layerFromSpec({ type: 'Embedding', numEmbeddings: 6 }), ["'embeddingDim'"]);
    expectThrowsWith(() => layerFromSpec({ type: 'Embedding', numEmbeddings: 6, embeddingDim: 2, maxNorm: 1 }), ["unknown option 'maxNorm'"]);
  });
});

describe('Narrow', () => {
  test('gradcheck (float64) along dims 1, -1 and 0', () => {
    const rng = new Rng(9);
    expectGradientsOk('Narrow dim 1', new Narrow(1, 2, 3), randn(rng, [3, 6]));
    expectGradientsOk('Narrow dim -1', new Narrow(-1, 0, 2), randn(rng, [2, 3, 4]));
    expectGradientsOk('Narrow dim 0', new Narrow(0, 1, 2), randn(rng, [4, 3]));
  });

  test('takes the slice; refuses a slice that does not fit and a bad dim', () => {
    const y = new Narrow(1, 1, 2).forward(Tensor.from([0, 1, 2, 3, 4, 5, 6, 7], [2, 4]), 'eval');
    assert.deepEqual([...y.data], [1, 2, 5, 6]);
    expectThrowsWith(() => new Narrow(1, 3, 2).outputShape([2, 4]), ['Narrow', 'entries 3 … 4', '[2, 4]']);
    expectThrowsWith(() => new Narrow(2, 0, 1).outputShape([2, 4]), ['Narrow', 'dim 2', '[2, 4]']);
    expectThrowsWith(() => new Narrow(1, 0, 0), ['Narrow', 'length']);
    assert.deepEqual(layerFromSpec({ type: 'Narrow', dim: -1, start: 1, length: 2 }).toSpec(), { type: 'Narrow', dim: -1, start: 1, length: 2 });
  });
});
