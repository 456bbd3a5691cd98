// SPDX-License-Identifier: MIT
// The golden fixtures themselves: they cover every layer and loss and the edge cases the issue
// names, and the comparison bound rejects an error a little above it. This guards against a
// regenerated fixture set that silently dropped cases, and against a bound that cannot fail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/tensor/tensor.js';
import {
  expectGolden,
  LAYER_FIXTURES,
  loadFixture,
  LOSS_FIXTURES,
  type LayerCase,
  type LayerSpecJson,
  type LossCase,
} from './suite.js';

const layerCases = LAYER_FIXTURES.flatMap((file) => loadFixture<LayerCase>(file));
const lossCases = LOSS_FIXTURES.flatMap((file) => loadFixture<LossCase>(file));

function typesIn(spec: LayerSpecJson): string[] {
  return [spec.type, ...(spec.layers ?? []).flatMap(typesIn)];
}

describe('golden fixtures', () => {
  test('cover every layer and loss', () => {
    const types = new Set([...layerCases.flatMap((c) => typesIn(c.layer)), ...lossCases.map((c) => c.loss.type)]);
    for (const type of [
      'Linear', 'Conv2d', 'MaxPool2d', 'AvgPool2d', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU', 'Softplus',
      'Flatten', 'Dropout', 'BatchNorm1d', 'BatchNorm2d', 'Sequential', 'SoftmaxCrossEntropy', 'MSELoss',
    ]) {
      assert.ok(types.has(type), `no golden case for ${type}`);
    }
  });

  test('cover the edge cases the issue names', () => {
    const names = [...layerCases, ...lossCases].map((c) => c.name);
    for (const phrase of [
      'linear x=[7] (one instance)', 'batch 1', 'output floored', 'stride > kernel', 'd=2', 'groups=2',
      'depthwise', 'k=[2,3]', 'bias=false', 'overlapping', 'countIncludePad=true', 'countIncludePad=false',
      '3 train steps then eval', 'logits ±1e3', '1000 classes', 'labelSmoothing', 'class weights',
      'labelSmoothing=0.2 + class weights',
    ]) {
      assert.ok(names.some((n) => n.includes(phrase)), `no golden case named with '${phrase}'`);
    }
  });

  test('every case name is unique', () => {
    const names = [...layerCases, ...lossCases].map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
  });

  test('the bound accepts float32 rounding and rejects a 1% error in one entry', () => {
    const r = { shape: [4], data: [1, -2, 0.5, 3] };
    const rounded = Tensor.from(r.data.map((v) => v * (1 + 1e-6)), [4]);
    expectGolden(rounded, r, 'float32-sized error');
    const off = Tensor.from([1, -2 * 1.01, 0.5, 3], [4]);
    assert.throws(() => expectGolden(off, r, 'one entry 1% off'), /one entry 1% off: 1 of 4 entries differ/);
  });

  test('the bound rejects a wrong shape with the same number of entries', () => {
    const r = { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] };
    assert.throws(() => expectGolden(Tensor.from(r.data, [3, 2]), r, 'transposed'), /transposed: shape/);
  });
});
