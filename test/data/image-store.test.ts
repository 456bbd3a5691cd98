// Images kept as bytes: the per-batch normalisation gives exactly the floats the float path made
// (fromBytes, renormalize, measureNormalization, subsets, augmented batches); the LRU record cache
// never holds more than its bound; an image folder larger than the bound streams from its record
// file and gives the same datasets, batches, resumed batches and training as one held in memory.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { measureNormalization, renormalize } from '../../src/data/data-info.js';
import { ImageDataset } from '../../src/data/dataset.js';
import { loadImageFolder } from '../../src/data/image-folder.js';
import { MemoryImageStore, RecordCache } from '../../src/data/image-store.js';
import { FileImageStore, RecordSink } from '../../src/data/image-store-file.js';
import { DataLoader } from '../../src/data/loader.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { fit } from '../../src/train/fit.js';
import { writeJpeg, writePng } from './image-files.js';

const root = mkdtempSync(join(tmpdir(), 'nabla-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** The float path as it was before bytes were kept: every value normalised once, at load. */
function oldFromBytes(bytes: Uint8Array, [C, H, W]: number[], mean: number[], std: number[]): Float32Array {
  const x = new Float32Array(bytes.length);
  const plane = H * W;
  for (let start = 0; start < bytes.length; start += plane) {
    const c = (start / plane) % C;
    const scale = 1 / (255 * std[c]);
    const shift = mean[c] / std[c];
    for (let i = start; i < start + plane; i++) x[i] = bytes[i] * scale - shift;
  }
  return x;
}

function randomBytes(n: number, seed: number): Uint8Array {
  const rng = new Rng(seed);
  return Uint8Array.from({ length: n }, () => rng.int(256));
}

const shape: [number, number, number] = [3, 5, 7];
const N = 40;
const bytes = randomBytes(N * 105, 1);
const labels = Int32Array.from({ length: N }, (_, i) => i % 4);
const mean = [0.3, 0.45, 0.5];
const std = [0.2, 0.25, 0.3];
const init = { name: 'random', imageShape: shape, numClasses: 4, mean, std };
const asBytes = ImageDataset.fromBytes(bytes, labels, init);
const asFloats = new ImageDataset({ ...init, images: oldFromBytes(bytes, shape, mean, std), labels });

describe('images kept as bytes', () => {
  it('normalise to the very floats of the float path, and keep 1 byte a value', () => {
    assert.equal(asBytes.storage, 'uint8');
    assert.equal(asBytes.bytesHeld, N * 105);
    assert.equal(asFloats.bytesHeld, N * 105 * 4);
    assert.deepEqual(asBytes.slice(3, 11).data, asFloats.slice(3, 11).data);
    assert.deepEqual(asBytes.images, asFloats.images);
  });

  it('renormalize, measureNormalization, subset and split agree with the float path bit for bit', () => {
    const n = { mean: [0.1, 0.2, 0.3], std: [0.5, 0.6, 0.7] };
    assert.deepEqual(renormalize(asBytes, n).images, renormalize(asFloats, n).images);
    assert.deepEqual(measureNormalization(asBytes), measureNormalization(asFloats));
    const order = [5, 0, 39, 7, 7];
    const sub = asBytes.subset(order);
    assert.equal(sub.pixels!.store, asBytes.pixels!.store, 'a subset shares the store (no pixels copied)');
    assert.deepEqual(sub.images, asFloats.subset(order).images);
    assert.deepEqual(Array.from(sub.labels), order.map((j) => labels[j]));
    const [a, b] = asBytes.split(25, 3);
    const [fa, fb] = asFloats.split(25, 3);
    assert.deepEqual(a.images, fa.images);
    assert.deepEqual(renormalize(b, n).images, renormalize(fb, n).images);
  });

  it('a DataLoader makes the same shuffled, augmented batches from bytes as from floats', () => {
    for (const augment of [{ maxShift: 2, horizontalFlip: true }, { cropScale: 0.5, rotate: 15, jitter: 0.3, verticalFlip: true }]) {
      const batches = (data: ImageDataset) => [...new DataLoader(data, { batchSize: 16, rng: new Rng(7), augment })].map((batch) => [batch.x.data, batch.y]);
      assert.deepEqual(batches(asBytes), batches(asFloats));
    }
  });

  it('refuses records of the wrong size and indices outside the store, naming the dataset', () => {
    const store = new MemoryImageStore(new Uint8Array(210), 105);
    assert.throws(() => ImageDataset.fromStore(store, [0, 1], { ...init, name: 'bad', imageShape: [1, 5, 7], mean: 0.5, std: 0.2 }), /bad: images of shape \[1, 5, 7\] need 35 bytes each, the store's records have 105/);
    assert.throws(() => ImageDataset.fromStore(store, [0], { ...init, name: 'bad', indices: Int32Array.of(2) }), /bad: sample 0 is record 2, outside the store's 0\.\.1/);
    assert.throws(() => ImageDataset.fromBytes(new Uint8Array(100), [0], { ...init, name: 'bad' }), /bad: 1 labels need 105 image values/);
  });
});

describe('RecordCache', () => {
  it('holds at most floor(bound / record size) records, evicting the least recently used', () => {
    const cache = new RecordCache(10, 35); // 3 records
    const loads: number[] = [];
    const load = (i: number, buffer: Uint8Array) => {
      loads.push(i);
      buffer.fill(i);
    };
    for (const i of [0, 1, 2, 0, 3, 1, 0]) assert.equal(cache.get(i, load)[0], i);
    // 0 1 2 miss; 0 hits; 3 evicts 1 (least recent); 1 evicts 2; 0 hits
    assert.deepEqual(loads, [0, 1, 2, 3, 1]);
    assert.equal(cache.hits, 2);
    assert.equal(cache.peak, 3);
    assert.ok(cache.bytesHeld <= 35);
  });
});

describe('RecordSink and FileImageStore', () => {
  it('spills to an unlinked file beyond the bound, reads records back, and expands gray records to 3 planes', () => {
    const dir = mkdtempSync(join(root, 'sink-'));
    const sink = new RecordSink(6, 4, 10, dir); // 24 bytes expected > 10: a file from the start
    assert.equal(sink.inMemory, false);
    assert.deepEqual(readdirSync(dir), [], 'the file is unlinked at once');
    for (let i = 0; i < 3; i++) sink.push(Uint8Array.of(i, i + 1, i + 2, i + 3));
    sink.expandToRgb();
    sink.push(Uint8Array.from({ length: 12 }, (_, k) => 100 + k));
    const store = sink.finish() as FileImageStore;
    assert.ok(store instanceof FileImageStore);
    assert.equal(store.count, 4);
    assert.deepEqual(Array.from(store.record(1)), [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(store.record(3)), Array.from({ length: 12 }, (_, k) => 100 + k));
    assert.equal(store.cache.capacity, 1, 'a bound below one record still caches one');
    const memory = new RecordSink(6, 4, 1000);
    memory.push(Uint8Array.of(9, 8, 7, 6));
    memory.expandToRgb();
    assert.deepEqual(Array.from(memory.finish().record(0)), [9, 8, 7, 6, 9, 8, 7, 6, 9, 8, 7, 6]);
  });
});

describe('an image folder larger than the memory bound', () => {
  // 3 classes × 12 images in several sizes; the first images gray, later ones colour (the records
  // become 3 planes after some are written to the file); a test/ split beside train/.
  const dir = join(root, 'folder');
  for (const [k, name] of ['ant', 'bee', 'cow'].entries()) {
    for (let i = 0; i < 12; i++) {
      const w = 10 + ((i * 3) % 7);
      const h = 9 + ((i * 5) % 6);
      const gray = k === 0 || i % 4 === 0;
      const pixel = (x: number, y: number): [number, number, number] => (gray ? [(x * 17 + y * 5 + i) % 256, (x * 17 + y * 5 + i) % 256, (x * 17 + y * 5 + i) % 256] : [(x * 20 + k * 70) % 256, (y * 23 + i) % 256, (x + y) * 9 % 256]);
      if (i % 5 === 4) writeJpeg(join(dir, 'train', name, `${i}.jpg`), w, h, pixel);
      else writePng(join(dir, 'train', name, `${i}.png`), w, h, pixel, gray ? 'gray' : 'rgb');
    }
    writePng(join(dir, 'test', name, 'a.png'), 12, 12, (x, y) => [(x * y) % 256, x, y]);
  }
  const options = { size: 8 };
  const recordSize = 3 * 8 * 8;
  const bound = 5 * recordSize + 17; // 5 records of 39 train + 3 test

  it('streams from a record file with a cache that never exceeds the bound, and equals the in-memory datasets', async () => {
    const memory = await loadImageFolder(dir, options);
    const streamed = await loadImageFolder(dir, { ...options, cacheBytes: bound, cacheDir: root });
    assert.equal(memory.channels, 3);
    assert.equal(streamed.train.pixels!.store.constructor, FileImageStore);
    assert.match(streamed.notes.at(-1)!, /exceed the memory bound of 1\.0 KiB \(--cache-mb\): written once to a record file/);
    assert.match(memory.notes.at(-1)!, /kept in memory as bytes: 7\.3 KiB/);
    const store = streamed.train.pixels!.store as FileImageStore;
    assert.deepEqual(streamed.train.images, memory.train.images);
    assert.deepEqual(streamed.test!.images, memory.test!.images);
    assert.deepEqual(Array.from(streamed.train.labels), Array.from(memory.train.labels));
    assert.deepEqual(measureNormalization(streamed.train), measureNormalization(memory.train));
    assert.ok(store.cache.peak * recordSize <= bound && store.bytesHeld <= bound, `peak ${store.cache.peak} records`);
    assert.equal(store.cache.capacity, 5);
  });

  it('trains, and resumes mid-epoch, exactly as the in-memory dataset: same batches, same weights', async () => {
    const n = { mean: [0.4, 0.5, 0.45], std: [0.3, 0.28, 0.25] };
    const memory = renormalize((await loadImageFolder(dir, options)).train, n);
    const streamed = renormalize((await loadImageFolder(dir, { ...options, cacheBytes: bound })).train, n);
    const augment = { maxShift: 1, horizontalFlip: true, rotate: 10 };
    const loader = (data: ImageDataset) => new DataLoader(data, { batchSize: 8, rng: new Rng(11), augment });
    // Two epochs straight in memory; streamed: 2 batches, then a fresh loader from that state.
    const straight = loader(memory);
    const expected = [...straight, ...straight].map((b) => b.x.data);
    const first = loader(streamed);
    const got: unknown[] = [];
    const it = first[Symbol.iterator]();
    for (let b = 0; b < 2; b++) got.push(it.next().value!.x.data);
    const resumed = loader(streamed);
    resumed.loadState(first.state());
    got.push(...[...resumed, ...resumed].map((b) => b.x.data));
    assert.deepEqual(got, expected);

    const spec = [{ type: 'Flatten' }, { type: 'Linear', inFeatures: 192, outFeatures: 3 }];
    const train = async (data: ImageDataset) => {
      const model = sequentialFromSpec(spec as never, new Rng(0));
      const result = await fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 }), train: data, epochs: 2, batchSize: 8, seed: 2, augment });
      return { weights: model.parameters().map((p) => Array.from(p.value.data)), loss: result.history.map((r) => r.trainLoss) };
    };
    assert.deepEqual(await train(streamed), await train(memory));
    const store = streamed.pixels!.store as FileImageStore;
    assert.ok(store.cache.peak * recordSize <= bound);
  });

  it('a size that settles late (a larger image after many small squares) decodes the earlier files again, streamed too', async () => {
    const late = join(root, 'late');
    for (const [k, name] of ['x', 'y'].entries()) {
      for (let i = 0; i < 10; i++) writePng(join(late, name, `${i}.png`), 12, 12, (x, y) => [(x * 9 + y * 4 + i + k * 50) % 256, (x * 9 + y * 4 + i + k * 50) % 256, (x * 9 + y * 4 + i + k * 50) % 256], 'gray');
    }
    writePng(join(late, 'y', '99.png'), 20, 15, (x, y) => [x * 10, y * 12, 77]);
    const given = await loadImageFolder(late, { size: 64 });
    for (const cacheBytes of [undefined, 3 * 64 * 64 * 2]) {
      const settled = await loadImageFolder(late, { cacheBytes });
      assert.equal(settled.size, 64);
      assert.equal(settled.channels, 3);
      assert.match(settled.notes.join('; '), /the images come in 2 sizes \(12×12, 20×15\): resized to 64×64/);
      assert.deepEqual(settled.train.images, given.train.images);
    }
  });
});
