// SPDX-License-Identifier: MIT
// The golden fixtures and the golden suite themselves: the fixtures cover every layer and loss and
// the edge cases the issue names, the bound rejects an error a little above it, and a backend with
// one kernel slightly wrong fails the cases that use it. This guards against a regenerated fixture
// set that silently dropped cases, and against a suite that cannot fail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kernels } from '../../src/kernels/backend.js';
import { kernels, refKernels, setKernels } from '../../src/kernels/index.js';
import { Tensor } from '../../src/tensor/tensor.js';
import {
  expectGolden,
  LAYER_FIXTURES,
  loadFixture,
  LOSS_FIXTURES,
  runLayerCase,
  type LayerCase,
  type LayerSpecJson,
  type LossCase,
} from './suite.js';

const layerCases = LAYER_FIXTURES.flatMap((file) => loadFixture<LayerCase>(file));
const lossCases = LOSS_FIXTURES.flatMap((file) => loadFixture<LossCase>(file));

function caseNamed(name: string): LayerCase {
  const c = layerCases.find((candidate) => candidate.name === name);
  if (!c) throw new Error(`no golden case named '${name}'`);
  return c;
}

/** Runs fn with `backend` active, restoring the previous one afterwards. */
function withBackend(backend: Kernels, fn: () => void): void {
  const previous = kernels();
  setKernels(backend);
  try {
    fn();
  } finally {
    setKernels(previous);
  }
}

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

  test('a conv backend with dW 1% too large fails the conv case at the weight grad (y, dx pass)', () => {
    const wrong: Kernels = {
      ...refKernels,
      name: 'ref with dW 1% off',
      conv2dBackward(x, w, dy, g, grads) {
        const dW = Tensor.zeros(grads.dW!.shape);
        const dx = refKernels.conv2dBackward(x, w, dy, g, { ...grads, dW });
        for (let i = 0; i < dW.size; i++) grads.dW!.data[i] += 1.01 * dW.data[i];
        return dx;
      },
    };
    const c = caseNamed('conv2d x=[2,3,7,7] k=3 s=2 p=1');
    runLayerCase(c);
    withBackend(wrong, () =>
      assert.throws(() => runLayerCase(c), /step 1 \(train\) grad of weight: \d+ of 108 entries differ/),
    );
  });

  test('an avg-pool backend that always counts the padding fails the countIncludePad=false case', () => {
    const wrong: Kernels = {
      ...refKernels,
      name: 'ref with countIncludePad ignored',
      avgPool2d: (x, g) => refKernels.avgPool2d(x, g, true),
      avgPool2dBackward: (dy, g) => refKernels.avgPool2dBackward(dy, g, true),
    };
    const c = caseNamed('avgpool2d x=[2,2,7,6] k=3 s=2 p=1 countIncludePad=false');
    runLayerCase(c);
    // Exactly the outputs whose window touches the padding differ: 2·2 images·channels × (4·3 − 2·2).
    withBackend(wrong, () => assert.throws(() => runLayerCase(c), /step 1 \(train\) y: 32 of 48 entries differ/));
  });
});
