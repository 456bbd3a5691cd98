// Image folders as torchvision's ImageFolder reads them: class names from sorted folder names
// (Unicode too), PNG (RGB, RGBA, gray, 16-bit) and JPEG, the channel count and size chosen from
// the images, train/ val/ test/ splits, and clear errors (corrupt files, empty or single classes).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_IMAGE_SIZE, loadImageFolder } from '../../src/data/image-folder.js';
import { decodeImage } from '../../src/data/decode.js';
import { writeJpeg, writePng } from './image-files.js';

const root = mkdtempSync(join(tmpdir(), 'nabla-images-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `case${n++}`);

/** The raw byte of value v as stored in the dataset (normalised with mean 0, std 1: x = v/255). */
const raw = (x: number) => Math.round(x * 255);

describe('loadImageFolder', () => {
  it('reads every PNG colour type and JPEG; classes sorted by name; gray images give 1 channel at their own size', async () => {
    const dir = fresh();
    writePng(join(dir, 'b', '1.png'), 8, 8, () => [200, 200, 200], 'gray');
    writePng(join(dir, 'b', '2.png'), 8, 8, () => [100, 100, 100], 'gray16');
    writePng(join(dir, 'a', '1.png'), 8, 8, () => [50, 50, 50, 10], 'rgba'); // alpha dropped, as PIL's convert
    writeJpeg(join(dir, 'a', 'sub', '2.jpg'), 8, 8, () => [0, 0, 0]);
    writeFileSync(join(dir, 'a', '.DS_Store'), 'not an image, but hidden');
    const data = await loadImageFolder(dir);
    assert.deepEqual(data.classNames, ['a', 'b']);
    assert.equal(data.channels, 1);
    assert.equal(data.size, 8);
    assert.deepEqual(data.train.imageShape, [1, 8, 8]);
    assert.deepEqual([...data.train.labels], [0, 0, 1, 1], 'class a (1.png, sub/2.jpg), then class b');
    const first = (i: number) => raw(data.train.images[i * 64]);
    assert.deepEqual([first(0), first(2), first(3)], [50, 200, 100], 'RGBA → its colour; 16-bit 100·257 → 100');
    assert.ok(first(1) <= 2, `a black JPEG stays black (${first(1)})`);
    assert.equal(data.validation, null);
    assert.equal(data.test, null);
  });

  it('a colour image makes it 3 channels; images of several sizes are resized to the default size, and the note says so', async () => {
    const dir = fresh();
    writePng(join(dir, 'red', 'r.png'), 10, 6, () => [255, 0, 0]);
    writeJpeg(join(dir, 'blue', 'b.jpg'), 7, 7, () => [0, 0, 255]);
    const data = await loadImageFolder(dir);
    assert.equal(data.channels, 3);
    assert.equal(data.size, DEFAULT_IMAGE_SIZE);
    assert.match(data.notes.join('\n'), /come in 2 sizes \(7×7, 10×6\): resized to 64×64, shorter side to 64 then the centre cropped/);
    const plane = DEFAULT_IMAGE_SIZE ** 2;
    const red = data.train.labels[0] === 1 ? 0 : 1; // classes: blue (0), red (1)
    assert.deepEqual([0, 1, 2].map((c) => raw(data.train.images[red * 3 * plane + c * plane + 100])), [255, 0, 0]);
    const gray = await loadImageFolder(dir, { channels: 1, size: 4 });
    assert.deepEqual(gray.train.imageShape, [1, 4, 4]);
    assert.equal(raw(gray.train.images[red * 16]), 76, 'red in gray: PIL luma 0.299 · 255');
  });

  it('Unicode class names; a class with one image is kept', async () => {
    const dir = fresh();
    writePng(join(dir, 'Ünïcødé 鳥', 'x.png'), 4, 4, () => [9, 9, 9]);
    writePng(join(dir, 'zebra', 'y.png'), 4, 4, () => [1, 1, 1]);
    writePng(join(dir, 'zebra', 'z.png'), 4, 4, () => [1, 1, 1]);
    const data = await loadImageFolder(dir);
    assert.deepEqual(data.classNames, ['zebra', 'Ünïcødé 鳥'], 'sorted by code point, as Python sorts');
    assert.deepEqual(data.train.classCounts(), [2, 1]);
  });

  it('follows symbolic links to class folders and to images (as torchvision does), each real folder once, a broken link named', async () => {
    const dir = fresh();
    const elsewhere = fresh();
    writePng(join(elsewhere, 'b', '1.png'), 4, 4, () => [9, 9, 9], 'gray');
    writePng(join(elsewhere, 'b', '2.png'), 4, 4, () => [8, 8, 8], 'gray');
    writePng(join(elsewhere, 'loose.png'), 4, 4, () => [7, 7, 7], 'gray');
    writePng(join(dir, 'a', '1.png'), 4, 4, () => [1, 1, 1], 'gray');
    symlinkSync(join(elsewhere, 'b'), join(dir, 'b')); // a linked class folder
    symlinkSync(join(elsewhere, 'loose.png'), join(dir, 'a', 'linked.png')); // a linked image
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop')); // a link to a folder above: no loop
    const data = await loadImageFolder(dir);
    assert.deepEqual(data.classNames, ['a', 'b']);
    assert.deepEqual(data.train.classCounts(), [2, 2]);
    symlinkSync(join(elsewhere, 'gone.png'), join(dir, 'a', 'broken.png'));
    await assert.rejects(loadImageFolder(dir), /broken\.png/);
  });

  it('a PNG whose header declares more than MAX_IMAGE_PIXELS is refused before it is inflated (a decompression bomb)', () => {
    const dir = fresh();
    const bytes = new Uint8Array(readFileSync(writePng(join(dir, 'small.png'), 4, 4, () => [9, 9, 9])));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(16, 9000); // IHDR width
    view.setUint32(20, 9000); // and height: 81 M pixels
    assert.throws(() => decodeImage(bytes, 'bomb.png'), /bomb\.png: the PNG declares 9000×9000 pixels, more than the 67,108,864 an image may have/);
    view.setUint32(16, 4);
    view.setUint32(20, 4);
    assert.equal(decodeImage(bytes, 'small.png').width, 4); // the header as written decodes
  });

  it('corrupt, truncated and non-image files are named; skipBad skips and counts them', async () => {
    const dir = fresh();
    const good = writePng(join(dir, 'a', 'good.png'), 4, 4, () => [9, 9, 9]);
    writePng(join(dir, 'b', 'good.png'), 4, 4, () => [1, 1, 1]);
    writeFileSync(join(dir, 'a', 'cut.png'), readFileSync(good).subarray(0, 40));
    writeFileSync(join(dir, 'b', 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'b', 'empty.jpg'), '');
    await assert.rejects(loadImageFolder(dir), (err: Error) => {
      assert.match(err.message, /3 files are not readable images/);
      assert.match(err.message, /a[/\\]cut\.png: a corrupt or truncated PNG/);
      assert.match(err.message, /b[/\\]notes\.txt: not a PNG or JPEG file \(it starts 68 65 6c 6c\)/);
      assert.match(err.message, /b[/\\]empty\.jpg: not a PNG or JPEG file \(it is empty\)/);
      assert.match(err.message, /--skip-bad skips them/);
      return true;
    });
    const data = await loadImageFolder(dir, { skipBad: true });
    assert.equal(data.skipped.length, 3);
    assert.equal(data.train.length, 2);
  });

  it('an empty class folder, a single class or no classes are refused, naming the folder', async () => {
    const empty = fresh();
    writePng(join(empty, 'a', 'x.png'), 4, 4, () => [9, 9, 9]);
    mkdirSync(join(empty, 'b'));
    await assert.rejects(loadImageFolder(empty), /[/\\]b: the class folder 'b' holds no files; every class needs images/);
    const one = fresh();
    writePng(join(one, 'only', 'x.png'), 4, 4, () => [9, 9, 9]);
    await assert.rejects(loadImageFolder(one), /found one class folder \(only\); an image classifier needs at least 2/);
    const none = fresh();
    mkdirSync(none);
    await assert.rejects(loadImageFolder(none), /found no class folders/);
  });

  it('train/, val/ and test/ folders: the given splits, with the training classes; an unknown class in val/ is refused', async () => {
    const dir = fresh();
    for (const split of ['train', 'val', 'test']) {
      writePng(join(dir, split, 'cat', '1.png'), 4, 4, () => [9, 9, 9]);
      writePng(join(dir, split, 'dog', '1.png'), 4, 4, () => [1, 1, 1]);
    }
    writePng(join(dir, 'train', 'dog', '2.png'), 4, 4, () => [1, 1, 1]);
    rmSync(join(dir, 'test', 'cat'), { recursive: true }); // a class may be absent from val/ or test/
    const data = await loadImageFolder(dir);
    assert.deepEqual([data.train.length, data.validation?.length, data.test?.length], [3, 2, 1]);
    assert.deepEqual([...data.test!.labels], [1]);
    assert.deepEqual(data.validation!.classNames, ['cat', 'dog']);
    writePng(join(dir, 'val', 'bird', '1.png'), 4, 4, () => [5, 5, 5]);
    await assert.rejects(loadImageFolder(dir), /val: class folder bird not in the training split \(classes: cat, dog\)/);
    rmSync(join(dir, 'val'), { recursive: true });
    mkdirSync(join(dir, 'val', 'cat'), { recursive: true }); // a val/ of empty class folders: refused before any decoding
    await assert.rejects(loadImageFolder(dir), /val: the val\/ folder holds no images \(its class folders are empty\): add images, or remove val\//);
  });
});
