// SPDX-License-Identifier: MIT
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GELU, ReLU, Tanh } from '../../src/layers/activations.js';
import { AvgPool2d } from '../../src/layers/avg-pool2d.js';
import { BatchNorm1d, BatchNorm2d } from '../../src/layers/batch-norm.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { Dropout } from '../../src/layers/dropout.js';
import { Flatten } from '../../src/layers/flatten.js';
import { Linear } from '../../src/layers/linear.js';
import { MaxPool2d } from '../../src/layers/max-pool2d.js';
import { printSummary, Sequential } from '../../src/layers/sequential.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { refKernels } from '../../src/kernels/index.js';
import { createWasmKernels } from '../../src/kernels/wasm/index.js';
import type { Layer } from '../../src/layers/layer.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { recordKernelCalls } from './kernel-spy.js';
import { expectGradientsOk, expectThrowsWith, randn, Rng } from './util.js';

/** LeNet-5 as in the classic MNIST setup (28×28 input, padding 2). */
function lenet(rng = new Rng(0)): Sequential {
  return new Sequential([
    new Conv2d(1, 6, 5, { padding: 2, rng }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(6, 16, 5, { rng }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(400, 120, { rng }),
    new ReLU(),
    new Linear(120, 84, { rng }),
    new ReLU(),
    new Linear(84, 10, { rng }),
  ]);
}

describe('Sequential gradcheck (float64)', () => {
  test('conv → batchnorm → tanh → maxpool → flatten → linear, x=[2,2,6,6], train', () => {
    const rng = new Rng(1);
    const model = new Sequential([
      new Conv2d(2, 3, 3, { padding: 1, rng }),
      new BatchNorm2d(3),
      new Tanh(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(27, 4, { rng }),
    ]);
    expectGradientsOk('Sequential CNN', model, randn(rng, [2, 2, 6, 6]));
  });

  test('MLP with batchnorm, GELU, dropout (mask replayed), x=[5,6], train', () => {
    const rng = new Rng(2);
    const dropRng = new Rng(3);
    const state = dropRng.getState();
    const model = new Sequential([
      new Linear(6, 8, { rng }),
      new BatchNorm1d(8),
      new GELU(),
      new Dropout(0.3, { rng: dropRng }),
      new Linear(8, 3, { rng }),
    ]);
    expectGradientsOk('Sequential MLP', model, randn(rng, [5, 6]), { beforeForward: () => dropRng.setState(state) });
  });

  test('nested Sequential with avg pooling, eval', () => {
    const rng = new Rng(4);
    const model = new Sequential([
      new Sequential([new Conv2d(1, 2, 3, { rng }), new AvgPool2d(2, { stride: 1 })]),
      new Flatten(),
      new Linear(18, 2, { rng }),
    ]);
    expectGradientsOk('Sequential nested', model, randn(rng, [2, 1, 6, 6]), { mode: 'eval' });
  });
});

describe('Sequential properties', () => {
  test('parameter and buffer names are `${index}.${local}` and stay stable', () => {
    const model = new Sequential([new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU(), new Flatten(), new Linear(8, 3, { bias: false })]);
    const expected = ['0.weight', '0.bias', '1.weight', '1.bias', '4.weight'];
    assert.deepEqual(model.parameters().map((p) => p.name), expected);
    assert.deepEqual(model.buffers().map((b) => b.name), ['1.runningMean', '1.runningVar']);
    const y = model.forward(randn(new Rng(1), [2, 1, 4, 4], 1, 'float32'), 'train');
    model.backward(Tensor.full(y.shape, 1));
    model.parameters();
    assert.deepEqual(model.parameters().map((p) => p.name), expected, 'unchanged by forward, backward and repeated calls');
    // The very objects the layers use (so optimizers and gradcheck update the layers).
    assert.equal(model.parameters()[0], (model.layers[0] as Conv2d).weight);
  });

  test('nested Sequential names carry both indices', () => {
    const inner = new Sequential([new Linear(3, 3), new ReLU(), new Linear(3, 2)]);
    const model = new Sequential([new Linear(4, 3), inner]);
    assert.deepEqual(model.parameters().map((p) => p.name), ['0.weight', '0.bias', '1.0.weight', '1.0.bias', '1.2.weight', '1.2.bias']);
  });

  test('forward and backward equal calling the layers one by one', () => {
    const rng = new Rng(5);
    const make = () => [new Linear(4, 5, { rng: new Rng(1) }), new Tanh(), new Linear(5, 2, { rng: new Rng(2) })];
    const model = new Sequential(make());
    const layers = make();
    const x = randn(rng, [3, 4], 1, 'float32');
    const dy = randn(rng, [3, 2], 1, 'float32');
    let y = x;
    for (const l of layers) y = l.forward(y, 'train');
    assert.deepEqual(model.forward(x, 'train').toArray(), y.toArray());
    let d = dy;
    for (let i = layers.length - 1; i >= 0; i--) d = layers[i].backward(d);
    assert.deepEqual(model.backward(dy).toArray(), d.toArray());
    const grads = layers.flatMap((l) => l.parameters().map((p) => p.grad.toArray()));
    assert.deepEqual(model.parameters().map((p) => p.grad.toArray()), grads);
  });

  test('zeroGrad clears every gradient', () => {
    const model = new Sequential([new Linear(3, 2), new ReLU(), new Linear(2, 2)]);
    const y = model.forward(randn(new Rng(1), [4, 3], 1, 'float32'), 'train');
    model.backward(Tensor.full(y.shape, 1));
    assert.ok(model.parameters().some((p) => p.grad.data.some((v) => v !== 0)));
    model.zeroGrad();
    assert.ok(model.parameters().every((p) => p.grad.data.every((v) => v === 0)));
  });

  test('summary of LeNet-5: output shapes, parameter counts (as torchsummary gives) and totals', () => {
    const summary = lenet().summary([1, 1, 28, 28]);
    assert.deepEqual(
      summary.rows.map((r) => r.outputShape),
      [
        [1, 6, 28, 28], [1, 6, 28, 28], [1, 6, 14, 14], [1, 16, 10, 10], [1, 16, 10, 10], [1, 16, 5, 5],
        [1, 400], [1, 120], [1, 120], [1, 84], [1, 84], [1, 10],
      ],
    );
    // 6·1·5·5 + 6, 16·6·5·5 + 16, 400·120 + 120, 120·84 + 84, 84·10 + 10
    assert.deepEqual(summary.rows.map((r) => r.parameters), [156, 0, 0, 2416, 0, 0, 0, 48120, 0, 10164, 0, 850]);
    assert.equal(summary.totalParameters, 61706);
    assert.equal(lenet().parameterCount(), 61706);
    assert.match(summary.text, /Total parameters: 61,706/);
    assert.match(summary.text, /Conv2d\(inChannels=1, outChannels=6, kernelSize=5, padding=2\)\s+\[1, 6, 28, 28\]\s+156/);
    const lines: string[] = [];
    printSummary(lenet(), [1, 1, 28, 28], (line) => lines.push(line));
    assert.equal(lines.join('\n'), summary.text);
  });

  test('summary leaves batch norm statistics alone (it runs in eval mode)', () => {
    const model = new Sequential([new Conv2d(1, 2, 3), new BatchNorm2d(2)]);
    model.summary([2, 1, 5, 5]);
    assert.deepEqual(model.buffers()[0].value.toArray(), [0, 0]);
  });

  test('toSpec → sequentialFromSpec rebuilds the same model, and the same seed gives the same weights', () => {
    const a = lenet(new Rng(7));
    const spec = a.toSpec();
    const b = sequentialFromSpec(spec, new Rng(7));
    assert.deepEqual(b.toSpec(), spec);
    assert.deepEqual(b.parameters().map((p) => p.name), a.parameters().map((p) => p.name));
    assert.deepEqual(b.parameters().map((p) => p.value.toArray()), a.parameters().map((p) => p.value.toArray()));
  });
});

/** Flatten that counts its backward calls. */
function countingFlatten(): { layer: Layer; calls: { backward: number } } {
  const layer = new Flatten();
  const calls = { backward: 0 };
  const backward = layer.backward.bind(layer);
  layer.backward = (dy: Tensor) => {
    calls.backward++;
    return backward(dy);
  };
  return { layer, calls };
}

const wasmKernels = await createWasmKernels({ threads: 1 });

describe('Sequential backward without the input gradient (needInputGrad: false)', () => {
  for (const base of [refKernels, wasmKernels]) {
    test(`LeNet-5 (${base.name}): same grads bit for bit, null dx, only the first conv skips dx`, () => {
      const rng = new Rng(15);
      const x = randn(rng, [2, 1, 28, 28], 1, 'float32');
      const dy = randn(rng, [2, 10], 1, 'float32');
      const full = lenet(new Rng(8));
      const skip = lenet(new Rng(8));
      const fullCalls = recordKernelCalls(() => {
        full.forward(x, 'train');
        assert.deepEqual([...full.backward(dy).shape], [2, 1, 28, 28]);
      }, base);
      const skipCalls = recordKernelCalls(() => {
        skip.forward(x, 'train');
        assert.equal(skip.backward(dy, { needInputGrad: false }), null);
      }, base);
      assert.deepEqual(fullCalls.convNeedDx, [true, true]);
      assert.deepEqual(skipCalls.convNeedDx, [true, false]); // layer 3, then layer 0
      assert.deepEqual(skip.parameters().map((p) => Array.from(p.grad.data)), full.parameters().map((p) => Array.from(p.grad.data)));
    });
  }

  test('layers before the first one with parameters are not run backward; that one returns no dx', () => {
    const mlp = (first: Layer, rng = new Rng(16)) => new Sequential([first, new Linear(12, 5, { rng }), new ReLU(), new Linear(5, 3, { rng })]);
    const flatten = countingFlatten();
    const model = mlp(flatten.layer);
    const reference = mlp(new Flatten());
    const rng = new Rng(18);
    const x = randn(rng, [4, 3, 2, 2], 1, 'float32');
    const dy = randn(rng, [4, 3], 1, 'float32');
    reference.forward(x, 'train');
    reference.backward(dy);
    model.forward(x, 'train');
    const calls = recordKernelCalls(() => assert.equal(model.backward(dy, { needInputGrad: false }), null));
    assert.equal(flatten.calls.backward, 0);
    assert.equal(calls.matmuls, 3, 'dW of both Linears and dx of the last: not dx of the first');
    assert.deepEqual(model.parameters().map((p) => Array.from(p.grad.data)), reference.parameters().map((p) => Array.from(p.grad.data)));
    model.backward(dy); // the default still runs every layer
    assert.equal(flatten.calls.backward, 1);
  });

  test('a nested Sequential first gets the option too, and a model without parameters runs no backward', () => {
    const rng = new Rng(17);
    const inner = new Sequential([new Conv2d(1, 2, 3, { rng }), new ReLU()]);
    const model = new Sequential([inner, new Flatten(), new Linear(8, 2, { rng })]);
    model.forward(randn(rng, [1, 1, 4, 4], 1, 'float32'), 'train');
    const calls = recordKernelCalls(() => assert.equal(model.backward(randn(rng, [1, 2], 1, 'float32'), { needInputGrad: false }), null));
    assert.deepEqual(calls.convNeedDx, [false]);

    const flatten = countingFlatten();
    const plain = new Sequential([new ReLU(), flatten.layer]);
    plain.forward(randn(rng, [2, 3, 2], 1, 'float32'), 'train');
    assert.equal(plain.backward(Tensor.zeros([2, 6]), { needInputGrad: false }), null);
    assert.equal(flatten.calls.backward, 0);
  });
});

describe('Sequential errors', () => {
  test('a failing layer is named by its index, with the layer\'s own message (both shapes)', () => {
    const model = new Sequential([new Linear(4, 3), new ReLU(), new Linear(5, 2)]);
    expectThrowsWith(() => model.forward(Tensor.zeros([2, 4]), 'train'), ['Sequential layer 2 (Linear)', '[N, 5]', '[2, 3]']);
  });
  test('an element that is not a layer', () => {
    expectThrowsWith(() => new Sequential([new ReLU(), {} as never]), ['Sequential', 'element 1']);
  });
  test('backward before forward names the layer', () => {
    expectThrowsWith(() => new Sequential([new Linear(2, 2)]).backward(Tensor.zeros([1, 2])), ['Sequential layer 0 (Linear)', 'before forward']);
  });
});
