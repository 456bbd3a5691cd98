// SPDX-License-Identifier: MIT
// The playground's packed digits (scripts/pack-mnist.ts) are the embedded dataset, byte for byte:
// parsed back with the browser-safe IDX reader and normalised, they equal loadEmbeddedMnistAll's
// images and labels, so the page trains and evaluates on exactly what the CLI uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImageDataset } from '../../src/data/dataset.js';
import { readIdx } from '../../src/data/idx.js';
import { loadEmbeddedMnistAll, MNIST_MEAN, MNIST_STD } from '../../src/data/mnist.js';
import { packMnist } from '../../scripts/pack-mnist.js';

test('pack-mnist: gzipped IDX assets hold the embedded digits exactly, in the same order', async () => {
  const packed = await packMnist();
  assert.ok(packed.images.length < 2_000_000, `images asset is ${packed.images.length} bytes; expected a compact gzip (< 2 MB)`);
  const images = await readIdx(packed.images, 'mnist-images.idx.gz');
  const labels = await readIdx(packed.labels, 'mnist-labels.idx.gz');
  assert.equal(images.dtype, 'uint8');
  assert.deepEqual(images.shape, [10000, 28, 28]);
  assert.equal(labels.dtype, 'uint8');
  assert.deepEqual(labels.shape, [10000]);

  const reference = await loadEmbeddedMnistAll();
  const fromAssets = ImageDataset.fromBytes(images.data as Uint8Array, labels.data, {
    name: 'packed', imageShape: [1, 28, 28], numClasses: 10, mean: MNIST_MEAN, std: MNIST_STD,
  });
  assert.deepEqual(fromAssets.labels, reference.labels);
  const mismatch = fromAssets.images.findIndex((v, i) => v !== reference.images[i]);
  assert.equal(mismatch, -1, `first differing pixel value at ${mismatch}: ${fromAssets.images[mismatch]} vs ${reference.images[mismatch]}`);
});
