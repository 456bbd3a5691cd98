// ImageDataset, DataLoader and augmentation: normalisation, deterministic splits, seeded
// shuffles, drop-last, checkpointable loader state (mid-epoch too) and seeded shifts/flips.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { augmentImage, drawAugment } from '../../src/data/augment.js';
import { ImageDataset, oneHot } from '../../src/data/dataset.js';
import { type Batch, DataLoader } from '../../src/data/loader.js';
import { Rng } from '../../src/tensor/rng.js';

/** n images of shape [1, 3, 4]; image i has every pixel = i (raw byte), label i % classes. */
function tinyDataset(n: number, classes = 3): ImageDataset {
  const bytes = new Uint8Array(n * 12);
  for (let i = 0; i < n; i++) bytes.fill(i, i * 12, (i + 1) * 12);
  const labels = Array.from({ length: n }, (_, i) => i % classes);
  return ImageDataset.fromBytes(bytes, labels, { name: 'tiny', imageShape: [1, 3, 4], numClasses: classes });
}

/** Which sample each batch row came from (pixel value · 255 with mean 0, std 1). */
function sampleIds(batch: Batch): number[] {
  const size = 12;
  return Array.from({ length: batch.y.length }, (_, i) => Math.round(batch.x.data[i * size] * 255));
}

function epochIds(loader: DataLoader): number[][] {
  return [...loader].map(sampleIds);
}

describe('ImageDataset', () => {
  it('normalises raw bytes to (v/255 − mean) / std and knows its background value', () => {
    const d = ImageDataset.fromBytes(Uint8Array.from([0, 255, 51, 0]), [1], { name: 'd', imageShape: [1, 2, 2], numClasses: 2, mean: 0.5, std: 0.25 });
    assert.deepEqual(Array.from(d.images), [-2, 2, Math.fround((0.2 - 0.5) / 0.25), -2]);
    assert.equal(d.background, -2);
  });

  it('rejects labels out of range, naming the sample, and mismatched image sizes', () => {
    assert.throws(
      () => ImageDataset.fromBytes(new Uint8Array(8), [0, 10], { name: 'fashion', imageShape: [1, 2, 2], numClasses: 10 }),
      /fashion: label 10 of sample 1 is out of range for 10 classes \(0..9\)/,
    );
    assert.throws(
      () => ImageDataset.fromBytes(new Uint8Array(7), [0, 1], { name: 'd', imageShape: [1, 2, 2], numClasses: 2 }),
      /d: 2 labels need 8 image values of shape \[1, 2, 2\], got 7/,
    );
  });

  it('splits deterministically and completely', () => {
    const d = tinyDataset(20);
    const [a, b] = d.split(15, 42);
    const [a2] = d.split(15, 42);
    assert.equal(a.length, 15);
    assert.equal(b.length, 5);
    assert.deepEqual(Array.from(a.images), Array.from(a2.images));
    const ids = new Set([...a.images, ...b.images].map((v) => Math.round(v * 255)));
    assert.equal(ids.size, 20, 'every sample lands in exactly one part');
    assert.notDeepEqual(Array.from(d.split(15, 43)[0].labels), Array.from(a.labels));
  });

  it('oneHot puts a single 1 per row', () => {
    assert.deepEqual(oneHot([2, 0], 3).toArray(), [0, 0, 1, 1, 0, 0]);
    assert.throws(() => oneHot([3], 3), /label 3 at 0 is out of range for 3 classes/);
  });
});

describe('DataLoader', () => {
  it('without shuffle serves samples in order, the last batch short unless dropLast', () => {
    const d = tinyDataset(10);
    const loader = new DataLoader(d, { batchSize: 4 });
    assert.equal(loader.length, 3);
    assert.deepEqual(epochIds(loader), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    const dropping = new DataLoader(d, { batchSize: 4, dropLast: true });
    assert.equal(dropping.length, 2);
    assert.deepEqual(epochIds(dropping), [[0, 1, 2, 3], [4, 5, 6, 7]]);
    const first = [...loader][0];
    assert.deepEqual(first.x.shape, [4, 1, 3, 4]);
    assert.deepEqual(Array.from(first.y), [0, 1, 2, 0]);
  });

  it('the same seed gives the same shuffles; each epoch reshuffles; every sample once per epoch', () => {
    const d = tinyDataset(23);
    const a = new DataLoader(d, { batchSize: 5, rng: new Rng(7) });
    const b = new DataLoader(d, { batchSize: 5, rng: new Rng(7) });
    const a1 = epochIds(a);
    const a2 = epochIds(a);
    assert.deepEqual(epochIds(b), a1);
    assert.deepEqual(epochIds(b), a2);
    assert.notDeepEqual(a1, a2);
    assert.deepEqual(a1.flat().sort((x, y) => x - y), Array.from({ length: 23 }, (_, i) => i));
    assert.notDeepEqual(epochIds(new DataLoader(d, { batchSize: 5, rng: new Rng(8) })), a1);
  });

  for (const augment of [undefined, { maxShift: 1, horizontalFlip: true }, { horizontalFlip: true, verticalFlip: true, cropScale: 0.5, rotate: 15, jitter: 0.3 }]) {
    it(`state restored ${augment ? 'with augmentation ' : ''}mid-epoch and between epochs gives identical batches`, () => {
      const d = tinyDataset(17);
      const reference = new DataLoader(d, { batchSize: 4, rng: new Rng(3), augment });
      const full = [...reference, ...reference, ...reference].map((b) => Array.from(b.x.data));

      const first = new DataLoader(d, { batchSize: 4, rng: new Rng(3), augment });
      const seen: number[][] = [];
      for (const b of first) seen.push(Array.from(b.x.data)); // epoch 1
      let served = 0;
      for (const b of first) {
        seen.push(Array.from(b.x.data));
        if (++served === 2) break; // stop after 2 batches of epoch 2
      }
      const saved = JSON.parse(JSON.stringify(first.state()));
      assert.equal(saved.batchesServed, 2);

      const resumed = new DataLoader(d, { batchSize: 4, rng: new Rng(999), augment });
      resumed.loadState(saved);
      for (const b of resumed) seen.push(Array.from(b.x.data)); // the rest of epoch 2
      for (const b of resumed) seen.push(Array.from(b.x.data)); // epoch 3
      assert.equal(seen.length, full.length);
      seen.forEach((x, i) => assert.deepEqual(x, full[i], `batch ${i}`));
    });
  }

  it('a state taken right after an epoch\'s last batch resumes at the next epoch', () => {
    const d = tinyDataset(9);
    const a = new DataLoader(d, { batchSize: 4, rng: new Rng(5), augment: { maxShift: 1 } });
    let saved = a.state();
    for (const _ of a) saved = a.state(); // the last one is taken inside the loop, after batch 3 of 3
    assert.equal(saved.batchesServed, 0);
    const next = [...a].map((b) => Array.from(b.x.data));
    const b = new DataLoader(d, { batchSize: 4, rng: new Rng(0), augment: { maxShift: 1 } });
    b.loadState(saved);
    assert.deepEqual([...b].map((x) => Array.from(x.x.data)), next);
  });

  it('refuses shuffle without an rng and dropLast with less than one batch', () => {
    const d = tinyDataset(3);
    assert.throws(() => new DataLoader(d, { batchSize: 2, shuffle: true }), /shuffle and augment need a seeded rng/);
    assert.throws(() => new DataLoader(d, { batchSize: 4, dropLast: true }), /tiny has 3 samples, fewer than one batch of 4/);
    assert.throws(() => new DataLoader(d, { batchSize: 0 }), /batchSize must be a positive integer, got 0/);
  });
});

describe('augmentation', () => {
  const shape = [1, 3, 4] as const;
  const src = Float32Array.from({ length: 12 }, (_, i) => i + 1);

  it('a shift moves pixels by (dy, dx) and fills the uncovered edge', () => {
    const dst = new Float32Array(12);
    augmentImage(src, dst, shape, { dy: 1, dx: -1, flip: false }, -9);
    // row 0 is uncovered; rows 1..2 are source rows 0..1 moved left by one, last column filled
    assert.deepEqual(Array.from(dst), [-9, -9, -9, -9, 2, 3, 4, -9, 6, 7, 8, -9]);
  });

  it('a flip mirrors each row', () => {
    const dst = new Float32Array(12);
    augmentImage(src, dst, shape, { dy: 0, dx: 0, flip: true }, 0);
    assert.deepEqual(Array.from(dst), [4, 3, 2, 1, 8, 7, 6, 5, 12, 11, 10, 9]);
  });

  it('draws are seeded, within ±maxShift, and cover the range', () => {
    const a = new Rng(11);
    const b = new Rng(11);
    const seen = new Set<number>();
    let flips = 0;
    for (let i = 0; i < 400; i++) {
      const da = drawAugment(a, { maxShift: 2, horizontalFlip: true });
      assert.deepEqual(drawAugment(b, { maxShift: 2, horizontalFlip: true }), da);
      assert.ok(Math.abs(da.dx) <= 2 && Math.abs(da.dy) <= 2);
      seen.add(da.dx);
      if (da.flip) flips++;
    }
    assert.deepEqual([...seen].sort(), [-1, -2, 0, 1, 2].sort());
    assert.ok(flips > 150 && flips < 250, `about half flipped, got ${flips}/400`);
  });

  it('the loader pads with the dataset background (a black pixel), not with 0', () => {
    const d = ImageDataset.fromBytes(new Uint8Array(4).fill(255), [0], { name: 'w', imageShape: [1, 2, 2], numClasses: 1, mean: 0.5, std: 0.5 });
    const loader = new DataLoader(d, { batchSize: 1, rng: new Rng(1), augment: { maxShift: 1 } });
    const values = new Set<number>();
    for (let e = 0; e < 20; e++) for (const b of loader) for (const v of b.x.data) values.add(v);
    assert.deepEqual([...values].sort(), [-1, 1]);
  });
});
