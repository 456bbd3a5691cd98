// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gradcheck } from '../../src/gradcheck.js';
import { Linear } from '../../src/layers/linear.js';
import { layerFromSpec } from '../../src/layers/spec.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { recordKernelCalls } from './kernel-spy.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

describe('Linear gradcheck (float64)', () => {
  const cases: { name: string; inF: number; outF: number; shape: number[]; bias: boolean }[] = [
    { name: 'batch x=[4,5] → 3', inF: 5, outF: 3, shape: [4, 5], bias: true },
    { name: 'one instance x=[5] → 3 (1-D input)', inF: 5, outF: 3, shape: [5], bias: true },
    { name: 'batch 1 x=[1,7] → 1', inF: 7, outF: 1, shape: [1, 7], bias: true },
    { name: 'odd sizes x=[3,13] → 9', inF: 13, outF: 9, shape: [3, 13], bias: true },
    { name: 'bias off x=[6,4] → 5', inF: 4, outF: 5, shape: [6, 4], bias: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const rng = new Rng(11);
      const layer = new Linear(c.inF, c.outF, { bias: c.bias, rng });
      expectGradientsOk(`Linear ${c.name}`, layer, randn(rng, c.shape), { seed: 3 });
    });
  }
});

/** Linear whose dW is 1% too large: gradcheck must catch it. */
class WrongWeightGradLinear extends Linear {
  override backward(dy: Tensor): Tensor {
    const before = this.weight.grad.clone();
    const dx = super.backward(dy);
    const g = this.weight.grad.data;
    for (let i = 0; i < g.length; i++) g[i] = before.data[i] + 1.01 * (g[i] - before.data[i]);
    return dx;
  }
}

/** Linear whose dx is 1% too large. */
class WrongInputGradLinear extends Linear {
  override backward(dy: Tensor): Tensor {
    const dx = super.backward(dy);
    for (let i = 0; i < dx.size; i++) dx.data[i] *= 1.01;
    return dx;
  }
}

describe('gradcheck catches a 1% error', () => {
  test('dW scaled by 1.01 fails, naming weight', () => {
    const rng = new Rng(5);
    const report = gradcheck(new WrongWeightGradLinear(6, 4, { rng }), randn(rng, [3, 6]), { seed: 1 });
    assert.equal(report.ok, false);
    assert.equal(report.worst.name, 'weight');
    // |1.01a − a| / (1.01|a|) = 0.01/1.01 for every element above the floor.
    assert.ok(Math.abs(report.worst.maxRelError - 0.01 / 1.01) < 1e-6, `worst ${report.worst.maxRelError}`);
    const input = report.entries.find((e) => e.name === 'input')!;
    assert.ok(input.maxRelError < 1e-6, 'dx itself is right');
  });

  test('dx scaled by 1.01 fails, naming input', () => {
    const rng = new Rng(6);
    const report = gradcheck(new WrongInputGradLinear(6, 4, { rng }), randn(rng, [3, 6]), { seed: 1 });
    assert.equal(report.ok, false);
    assert.equal(report.worst.name, 'input');
  });
});

describe('Linear properties', () => {
  test('one instance [in] gives the same numbers as a batch of one [1, in]', () => {
    const rng = new Rng(2);
    const a = new Linear(7, 5, { rng: new Rng(9) });
    const b = new Linear(7, 5, { rng: new Rng(9) });
    const x = randn(rng, [7], 1, 'float32');
    const dy = randn(rng, [5], 1, 'float32');
    const y1 = a.forward(x, 'train');
    const y2 = b.forward(x.reshape([1, 7]), 'train');
    assert.deepEqual([...y1.shape], [5]);
    assert.deepEqual(y1.toArray(), y2.toArray());
    const dx1 = a.backward(dy);
    const dx2 = b.backward(dy.reshape([1, 5]));
    assert.deepEqual([...dx1.shape], [7]);
    assert.deepEqual(dx1.toArray(), dx2.toArray());
    assert.deepEqual(a.weight.grad.toArray(), b.weight.grad.toArray());
    assert.deepEqual(a.bias!.grad.toArray(), b.bias!.grad.toArray());
  });

  test('backward adds into grads (two backward passes give twice the gradient)', () => {
    const rng = new Rng(3);
    const layer = new Linear(4, 3, { rng });
    const x = randn(rng, [5, 4], 1);
    for (const p of layer.parameters()) p.cast('float64');
    const dy = randn(rng, [5, 3], 1);
    layer.forward(x, 'train');
    layer.backward(dy);
    const once = layer.parameters().map((p) => p.grad.toArray());
    layer.backward(dy);
    layer.parameters().forEach((p, i) => {
      expectClose(p.grad.data, once[i].map((v) => 2 * v), { rtol: 1e-14, name: p.name });
    });
  });

  test('y = x·W + b matches a direct sum', () => {
    const rng = new Rng(4);
    const layer = new Linear(6, 3, { rng });
    for (const p of layer.parameters()) p.cast('float64');
    const x = randn(rng, [2, 6]);
    const y = layer.forward(x, 'eval');
    for (let n = 0; n < 2; n++) {
      for (let j = 0; j < 3; j++) {
        let sum = layer.bias!.value.data[j];
        for (let i = 0; i < 6; i++) sum += x.get(n, i) * layer.weight.value.get(i, j);
        assert.ok(Math.abs(y.get(n, j) - sum) < 1e-12, `y[${n}, ${j}]`);
      }
    }
  });

  test('default init is U(±1/√in) for W and b, seeded and deterministic', () => {
    const a = new Linear(25, 40, { rng: new Rng(1) });
    const b = new Linear(25, 40, { rng: new Rng(1) });
    const c = new Linear(25, 40, { rng: new Rng(2) });
    const bound = 1 / Math.sqrt(25);
    for (const p of a.parameters()) {
      for (const v of p.value.data) assert.ok(Math.abs(v) <= bound, `${p.name} ${v} within ±${bound}`);
      // 1000 draws of U(−0.2, 0.2): the extreme draws come close to the bound.
      if (p.name === 'weight') assert.ok(Math.max(...p.value.data.map(Math.abs)) > 0.9 * bound);
    }
    assert.deepEqual(a.weight.value.toArray(), b.weight.value.toArray());
    assert.notDeepEqual(a.weight.value.toArray(), c.weight.value.toArray());
    assert.deepEqual([...a.weight.value.shape], [25, 40]);
    assert.deepEqual([...a.bias!.value.shape], [40]);
  });

  test('xavier init has zero bias and the Glorot bound', () => {
    const layer = new Linear(30, 10, { rng: new Rng(1), init: 'xavierUniform' });
    const bound = Math.sqrt(6 / 40);
    for (const v of layer.weight.value.data) assert.ok(Math.abs(v) <= bound);
    assert.ok(layer.bias!.value.data.every((v) => v === 0));
  });

  test('toSpec round-trips through layerFromSpec', () => {
    for (const layer of [new Linear(3, 2), new Linear(3, 2, { bias: false, init: 'kaimingNormal' })]) {
      assert.deepEqual(layerFromSpec(layer.toSpec()).toSpec(), layer.toSpec());
    }
    assert.deepEqual(new Linear(3, 2, { bias: false }).toSpec(), { type: 'Linear', inFeatures: 3, outFeatures: 2, bias: false });
  });

  test('parameters are named weight and bias (bias absent when off)', () => {
    assert.deepEqual(new Linear(2, 2).parameters().map((p) => p.name), ['weight', 'bias']);
    assert.deepEqual(new Linear(2, 2, { bias: false }).parameters().map((p) => p.name), ['weight']);
  });
});

describe('Linear backward without dx (needInputGrad: false)', () => {
  for (const [name, xShape, bias] of [
    ['batch x=[5,7], bias', [5, 7], true],
    ['single instance x=[7], no bias', [7], false],
  ] as const) {
    test(`${name}: same parameter grads bit for bit, null dx, no dx GEMM`, () => {
      const rng = new Rng(12);
      const x = randn(rng, xShape, 1, 'float32');
      const dy = randn(rng, xShape.length === 1 ? [4] : [5, 4], 1, 'float32');
      const full = new Linear(7, 4, { bias, rng: new Rng(3) });
      const skip = new Linear(7, 4, { bias, rng: new Rng(3) });
      let dx: Tensor | null = null;
      let skipped: Tensor | null = null;
      const fullCalls = recordKernelCalls(() => {
        full.forward(x, 'train');
        dx = full.backward(dy);
      });
      const skipCalls = recordKernelCalls(() => {
        skip.forward(x, 'train');
        skipped = skip.backward(dy, { needInputGrad: false });
      });
      assert.equal(skipped, null);
      assert.deepEqual([...dx!.shape], [...xShape]);
      assert.equal(fullCalls.matmuls, 3, 'y = x·W, dW += xᵀ·dy, dx = dy·Wᵀ');
      assert.equal(skipCalls.matmuls, 2, 'the dx GEMM is skipped');
      assert.deepEqual(skip.parameters().map((p) => Array.from(p.grad.data)), full.parameters().map((p) => Array.from(p.grad.data)));
    });
  }

  test('needInputGrad: true returns the same dx as the plain call', () => {
    const rng = new Rng(13);
    const layer = new Linear(3, 2, { rng });
    const x = randn(rng, [4, 3]);
    for (const p of layer.parameters()) p.cast('float64');
    const dy = randn(rng, [4, 2]);
    layer.forward(x, 'train');
    const plain = layer.backward(dy);
    assert.deepEqual(layer.backward(dy, { needInputGrad: true })!.toArray(), plain.toArray());
  });
});

describe('Linear errors', () => {
  const rng = new Rng(0);
  test('wrong rank names the layer and both shapes', () => {
    expectThrowsWith(() => new Linear(4, 2).forward(randn(rng, [2, 3, 4], 1, 'float32'), 'train'), [
      'Linear',
      '[N, 4]',
      '[2, 3, 4]',
    ]);
  });
  test('wrong feature count', () => {
    expectThrowsWith(() => new Linear(4, 2).forward(randn(rng, [2, 5], 1, 'float32'), 'train'), ['Linear', '[N, 4]', '[2, 5]']);
    expectThrowsWith(() => new Linear(4, 2).forward(randn(rng, [3], 1, 'float32'), 'train'), ['Linear', '[4]', '[3]']);
  });
  test('dy of the wrong shape', () => {
    const layer = new Linear(4, 2);
    layer.forward(randn(rng, [3, 4], 1, 'float32'), 'train');
    expectThrowsWith(() => layer.backward(randn(rng, [3, 3], 1, 'float32')), ['Linear', 'dy', '[3, 2]', '[3, 3]']);
  });
  test('backward before forward', () => {
    expectThrowsWith(() => new Linear(4, 2).backward(randn(rng, [1, 2], 1, 'float32')), ['Linear', 'before forward']);
  });
  test('dtype mismatch between input and weights', () => {
    expectThrowsWith(() => new Linear(4, 2).forward(randn(rng, [1, 4], 1, 'float64'), 'train'), ['Linear', 'float64', 'float32']);
  });
  test('bad constructor arguments', () => {
    expectThrowsWith(() => new Linear(0, 2), ['Linear', 'inFeatures', '0']);
    expectThrowsWith(() => new Linear(3, 2.5), ['Linear', 'outFeatures', '2.5']);
  });
});
