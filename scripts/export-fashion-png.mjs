// Exports Fashion-MNIST's IDX files (Debian's dataset-fashion-mnist) as an ImageFolder of 28×28
// gray PNGs: OUT/train/<class>/<n>.png (60,000) and OUT/test/<class>/<n>.png (10,000), to measure
// how long `nabla train --data OUT` takes to load a folder of many small images (docs/data-info.md).
// Usage: node scripts/export-fashion-png.mjs OUT [--count N] (N: the first N training images).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';

const DIR = '/usr/share/datasets/fashion-mnist';
const CLASSES = ['T-shirt', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const [out, ...rest] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/export-fashion-png.mjs OUT [--count N]');
const count = rest[0] === '--count' ? Number(rest[1]) : Infinity;

function exportSplit(prefix, split, limit) {
  const images = gunzipSync(readFileSync(join(DIR, `${prefix}-images-idx3-ubyte.gz`))).subarray(16);
  const labels = gunzipSync(readFileSync(join(DIR, `${prefix}-labels-idx1-ubyte.gz`))).subarray(8);
  const n = Math.min(labels.length, limit);
  for (const name of CLASSES) mkdirSync(join(out, split, name), { recursive: true });
  for (let i = 0; i < n; i++) {
    const png = new PNG({ width: 28, height: 28 });
    for (let p = 0; p < 784; p++) png.data.set([images[i * 784 + p], images[i * 784 + p], images[i * 784 + p], 255], 4 * p);
    writeFileSync(join(out, split, CLASSES[labels[i]], `${String(i).padStart(5, '0')}.png`), PNG.sync.write(png, { colorType: 0 }));
  }
  return n;
}

const train = exportSplit('train', 'train', count);
const test = exportSplit('t10k', 'test', count === Infinity ? Infinity : Math.ceil(count / 6));
console.log(`${out}: ${train} training and ${test} test PNGs`);
