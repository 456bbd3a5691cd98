// The data-settings schema (src/data/data-info.ts): what dataInfoOf writes reads back the same,
// the first layout (scalar mean/std, imageShape) is read, unknown fields are ignored, every field
// is checked, and renormalize maps one normalisation onto another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATA_INFO_KEY, dataInfoMetadata, dataInfoOf, parseDataInfo, readDataInfo, renormalize } from '../../src/data/data-info.js';
import { ImageDataset } from '../../src/data/dataset.js';

function dataset(mean: number, std: number, channels = 1, side?: number): ImageDataset {
  const [h, w] = side === undefined ? [5, 4] : [side, side];
  const bytes = Uint8Array.from({ length: 3 * channels * h * w }, (_, i) => (i * 37) % 256);
  return ImageDataset.fromBytes(bytes, [0, 2, 1], { name: 'tiny', imageShape: [channels, h, w], numClasses: 3, classNames: ['a', 'b', 'c'], mean, std });
}

describe('data info', () => {
  it('round-trips through metadata: shape, classes, per-channel normalisation, dataset', () => {
    const info = dataInfoOf(dataset(0.25, 0.5, 3), 'some/folder');
    assert.deepEqual(info, { schema: 1, dataset: 'some/folder', inputShape: [3, 5, 4], numClasses: 3, classNames: ['a', 'b', 'c'], normalization: { mean: [0.25, 0.25, 0.25], std: [0.5, 0.5, 0.5] } });
    assert.deepEqual(readDataInfo(dataInfoMetadata(info)), info);
    assert.equal(readDataInfo({}), null);
    const folder = dataInfoOf(dataset(0.25, 0.5, 3, 4), 'photos', 'resize-center-crop');
    assert.equal(readDataInfo(dataInfoMetadata(folder))?.preprocess, 'resize-center-crop');
    const table = { ...dataInfoOf(dataset(0, 1, 3, 1), 't.csv', 'table'), table: { target: 'y', columns: [{ name: 'a', kind: 'numeric' as const, mean: 1, std: 2 }, { name: 'b', kind: 'categorical' as const, categories: ['p', 'q'] }] } };
    assert.deepEqual(readDataInfo(dataInfoMetadata(table))?.table, table.table);
  });

  it('reads the first layout (imageShape, one mean and std) and ignores fields it does not know', () => {
    const old = { dataset: 'mnist', imageShape: [1, 28, 28], numClasses: 2, classNames: ['0', '1'], mean: 0.1307, std: 0.3081, measuredBy: 'a newer Nabla' };
    const info = readDataInfo({ [DATA_INFO_KEY]: JSON.stringify(old) }, 'old.safetensors');
    assert.deepEqual(info, { schema: 1, dataset: 'mnist', inputShape: [1, 28, 28], numClasses: 2, classNames: ['0', '1'], normalization: { mean: [0.1307], std: [0.3081] } });
    assert.equal(parseDataInfo({ ...dataInfoOf(dataset(0, 1), null), vocabulary: ['x'] }).dataset, null);
  });

  it('names the field at fault and the file', () => {
    const good = dataInfoOf(dataset(0, 1), 'mnist');
    const bad: [unknown, RegExp][] = [
      [{ ...good, inputShape: [1, 2.5, 4] }, /f\.st: metadata nabla\.data: inputShape\[1\] must be a positive integer, got 2\.5/],
      [{ ...good, inputShape: [] }, /inputShape must be a list of 1 to 4 positive integers/],
      [{ ...good, classNames: ['a', 'b', 7] }, /classNames\[2\] must be a string/],
      [{ ...good, dataset: '' }, /dataset must be null or a non-empty string/],
      [{ ...good, normalization: { mean: [0], std: [-1] } }, /normalization\.std\[0\] must be a finite number ≥ 1e-12, got -1/],
      [{ ...good, normalization: 'mnist' }, /normalization must be null or \{mean/],
      [{ ...good, numClasses: 0 }, /numClasses must be an integer from 1/],
      [null, /the value must be a JSON object, got null/],
      [{ ...good, preprocess: 'sharpen' }, /preprocess must be one of mnist, resize-center-crop, table, got "sharpen"/],
      [{ ...good, inputShape: [3, 5, 4], normalization: null, preprocess: 'resize-center-crop' }, /inputShape must be a square \[C, S, S\] with C = 1 or 3/],
      [{ ...good, preprocess: 'table' }, /table must be \{target, columns\}, got nothing/],
      [{ ...good, inputShape: [2, 1, 1], normalization: null, preprocess: 'table', table: { target: 'y', columns: [{ name: 'a', kind: 'numeric', mean: 0, std: 1 }] } },
        /table\.columns must be columns encoding to inputShape\[0\] = 2 features, got "1 features"/],
    ];
    for (const [value, expected] of bad) assert.throws(() => readDataInfo({ [DATA_INFO_KEY]: JSON.stringify(value) }, 'f.st'), expected);
    assert.throws(() => dataInfoMetadata({ ...good, numClasses: 4 }), /classNames must be a list of 4 names/);
  });

  it('renormalize: the same raw pixels under another mean and std; itself when they agree', () => {
    const a = dataset(0.1307, 0.3081);
    assert.equal(renormalize(a, { mean: [0.1307], std: [0.3081] }), a);
    const b = renormalize(a, { mean: [0.286], std: [0.353] });
    const direct = dataset(0.286, 0.353);
    assert.equal(b.mean, 0.286);
    for (let i = 0; i < b.images.length; i++) assert.ok(Math.abs(b.images[i] - direct.images[i]) < 1e-5, `pixel ${i}: ${b.images[i]} vs ${direct.images[i]}`);
    assert.deepEqual(b.labels, a.labels);
    assert.throws(() => renormalize(dataset(0, 1, 3), { mean: [0, 0.1], std: [1, 1] }), /a normalisation for 2 channels .* does not fit images of 3 channels/);
    // Per channel: each plane gets its own mean and std.
    const rgb = dataset(0, 1, 3);
    const c = renormalize(rgb, { mean: [0, 0.5, 0.25], std: [1, 0.5, 2] });
    const plane = rgb.imageShape[1] * rgb.imageShape[2];
    for (let i = 0; i < c.images.length; i++) {
      const ch = Math.floor(i / plane) % 3;
      const expected = (rgb.images[i] - [0, 0.5, 0.25][ch]) / [1, 0.5, 2][ch];
      assert.ok(Math.abs(c.images[i] - expected) < 1e-6, `value ${i} (channel ${ch}): ${c.images[i]} vs ${expected}`);
    }
    assert.deepEqual(c.channelMean, [0, 0.5, 0.25]);
  });
});
