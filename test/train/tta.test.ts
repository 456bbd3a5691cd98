// SPDX-License-Identifier: MIT
// Test-time augmentation (evaluate's tta: 'flip'): each image is scored by the mean of the
// model's outputs for it and for its mirror image; label-map logits are mirrored back first. The
// figures are checked against the mean computed here by hand, on ref and wasm, inside frames too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImageDataset } from '../../src/data/dataset.js';
import { inFrame } from '../../src/kernels/index.js';
import type { Layer } from '../../src/layers/layer.js';
import { modelFromSpec } from '../../src/layers/spec.js';
import { SoftmaxCrossEntropy } from '../../src/losses/softmax-cross-entropy.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { argmaxClasses, evaluate, flipWidth, forwardTta } from '../../src/train/metrics.js';
import type { Kernels } from '../../src/kernels/backend.js';
import { refKernels } from '../../src/kernels/ref/index.js';
import { createWasmKernels } from '../../src/kernels/wasm/index.js';
import { withBackend } from '../helpers/backend.js';

const backends: [string, Kernels][] = [['ref', refKernels], ['wasm, 2 threads', await createWasmKernels({ threads: 2 })]];

function randomImages(rng: Rng, shape: number[]): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal();
  return t;
}

/** A classifier that is not mirror-symmetric: a 3×3 conv with random weights, then a Linear over every position. */
function classifier(rng: Rng, [C, H, W]: number[], classes: number): Layer {
  const spec = { type: 'Sequential', layers: [{ type: 'Conv2d', outChannels: 3, kernelSize: 3, padding: 1 }, { type: 'ReLU' }, { type: 'Flatten' }, { type: 'Linear', outFeatures: classes }] };
  return modelFromSpec(spec, { rng, inputShape: [1, C, H, W] }) as unknown as Layer;
}

/** out[i] = (plain[i] + mirrored[i]) / 2, by hand. */
function mean(a: Tensor, b: Tensor): Float32Array {
  return Float32Array.from(a.data, (v, i) => 0.5 * (v + b.data[i]));
}

describe('flipWidth', () => {
  it('mirrors every row of [N, C, H, W] along W, and refuses other ranks', () => {
    const x = new Tensor(Float32Array.from({ length: 2 * 1 * 2 * 3 }, (_, i) => i), [2, 1, 2, 3]);
    assert.deepEqual([...flipWidth(x).data], [2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9]);
    const odd = new Tensor(Float32Array.from([1, 2, 3, 4, 5]), [1, 1, 1, 5]);
    assert.deepEqual([...flipWidth(flipWidth(odd)).data], [1, 2, 3, 4, 5], 'twice is the identity');
    assert.deepEqual([...x.data], Array.from({ length: 12 }, (_, i) => i), 'the input is left as it was');
    assert.throws(() => flipWidth(Tensor.zeros([4, 3])), /flipWidth: expected images \[N, C, H, W\], got \[4, 3\]/);
  });
});

for (const [backend, k] of backends) {
  describe(`test-time flips on ${backend}`, () => {
    it('evaluate scores the mean of the logits for each image and its mirror image (loss, accuracy, confusion)', () => withBackend(k, () => {
      const rng = new Rng(3);
      const shape = [1, 5, 6];
      const model = classifier(rng, shape, 4);
      const n = 23; // not a multiple of the batch size below
      const x = randomImages(rng, [n, ...shape]);
      const labels = Int32Array.from({ length: n }, () => rng.int(4));
      const data = new ImageDataset({ name: 'tta', images: x.data as Float32Array, labels, imageShape: shape as [number, number, number], numClasses: 4 });
      const plain = model.forward(x, 'eval');
      const mirrored = model.forward(flipWidth(x), 'eval');
      const expected = new Tensor(mean(plain, mirrored), plain.shape);
      const predicted = argmaxClasses(expected);
      const correct = predicted.reduce((a, p, i) => a + (p === labels[i] ? 1 : 0), 0);
      const loss = new SoftmaxCrossEntropy().forward(expected, labels);

      for (const framed of [false, true]) {
        const e = framed ? inFrame(() => evaluate(model, data, { batchSize: 10, tta: 'flip' })) : evaluate(model, data, { batchSize: 10, tta: 'flip' });
        assert.equal(e.accuracy, correct / n);
        assert.ok(Math.abs(e.loss - loss) <= 1e-5 * Math.max(1, loss), `loss ${e.loss} vs ${loss}`);
        assert.equal(e.confusion.flat().reduce((a, b) => a + b, 0), n);
      }
      const none = evaluate(model, data, { batchSize: 10 });
      const plainLoss = new SoftmaxCrossEntropy().forward(plain, labels);
      assert.ok(Math.abs(none.loss - plainLoss) <= 1e-5 * Math.max(1, plainLoss), "tta 'none' is the plain forward");
      assert.notEqual(none.loss, loss, 'this model is not mirror-symmetric, so the flip changes the figures');
    }));

    it('label maps: the mirrored logits are mirrored back before the mean', () => withBackend(k, () => {
      const rng = new Rng(4);
      const spec = { type: 'Conv2d', outChannels: 3, kernelSize: 3, padding: 1 };
      const model = modelFromSpec(spec, { rng, inputShape: [1, 2, 4, 7] }) as unknown as Layer;
      const x = randomImages(rng, [2, 2, 4, 7]);
      const out = forwardTta(model, x, 'flip');
      const expected = mean(model.forward(x, 'eval'), flipWidth(model.forward(flipWidth(x), 'eval')));
      assert.deepEqual(out.shape, [2, 3, 4, 7]);
      out.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 1e-6 * Math.max(1, Math.abs(expected[i])), `at ${i}: ${v} vs ${expected[i]}`));
      // A mirror-symmetric kernel makes the conv commute with the flip: the mean is the plain output.
      const w = model.parameters().find((p) => p.value.rank === 4)!.value;
      for (let o = 0; o < w.size; o += 3) w.data[o + 2] = w.data[o];
      const plain = model.forward(x, 'eval');
      forwardTta(model, x, 'flip').data.forEach((v, i) => assert.ok(Math.abs(v - plain.data[i]) <= 1e-5, `symmetric kernel at ${i}`));
    }));
  });
}

describe('test-time augmentation: bad input', () => {
  it('names what is wrong: a table, an unknown kind', () => {
    const rng = new Rng(5);
    const mlp = modelFromSpec({ type: 'Linear', outFeatures: 2 }, { rng, inputShape: [1, 3] }) as unknown as Layer;
    assert.throws(() => forwardTta(mlp, Tensor.zeros([4, 3]), 'flip'), /test-time augmentation 'flip' mirrors images \[N, C, H, W\]; this input is \[4, 3\]/);
    const data = new ImageDataset({ name: 'rows', images: new Float32Array(12), labels: new Int32Array(4), imageShape: [3, 1, 1], numClasses: 2 });
    assert.throws(() => evaluate(mlp, data, { tta: 'mirror' as never }), /evaluate: unknown test-time augmentation 'mirror' \(known: none, flip\)/);
  });
});
