// Issue 14 items 1–2 and issue 13 (metadata validation): every file Nabla writes carries the data
// settings predicting needs (nabla.data), so a model file, its checkpoint and an exported-then-
// imported copy give the same answer; eval defaults to the dataset a checkpoint was trained on;
// a file without normalisation is refused with the flag that supplies it; and every value of
// nabla.data is validated before use.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXIT } from '../../src/cli/errors.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/io/safetensors.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fashion = join(dir, 'fashion-bands'); // its name says fashion, which no longer matters: the statistics are measured
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');
const checkpoint = join(out, 'checkpoint.safetensors');
const png = join(dir, 'three.png');

/** Rewrites a safetensors file with some metadata entries replaced (undefined: removed). */
function withMetadata(from: string, to: string, changes: Record<string, string | undefined>): string {
  const { tensors, metadata } = decodeSafetensors(new Uint8Array(readFileSync(from)), from);
  const next: Record<string, string> = { ...metadata };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  writeFileSync(to, encodeSafetensors(tensors, next));
  return to;
}

/** The checkpoint's state JSON with the recorded training dataset replaced. */
function stateWithDataset(dataset: string): string {
  const { metadata } = decodeSafetensors(new Uint8Array(readFileSync(checkpoint)), checkpoint);
  const state = JSON.parse(metadata['nabla.state']);
  state.extra.callbacks.cli.config.dataset = dataset;
  return JSON.stringify(state);
}

/** The model file's recorded normalisation as the CLI prints it ('mean 0.0319, std 0.1661'), read from nabla.data. */
function recorded(file: string): string {
  const { metadata } = decodeSafetensors(new Uint8Array(readFileSync(file)), file);
  const n = JSON.parse(metadata['nabla.data']).normalization as { mean: number[]; std: number[] };
  return `mean ${n.mean.join(', ')}, std ${n.std.join(', ')}`.replace(/[.]/g, '\\.');
}

before(async () => {
  writeIdxFolder(fashion, 28, 200, 50);
  // --val-split 0: the model file then holds the last epoch, as the checkpoint does (with a split it holds the best one).
  const r = await run('train', '--dataset', fashion, '--model', 'mlp', '--epochs', '2', '--batch-size', '20', '--shift', '0', '--val-split', '0', '--backend', 'ref', '--out', out);
  assert.equal(r.code, EXIT.ok, r.err);
  // white paper with a black band where class 3's band is
  const image = new PNG({ width: 56, height: 56 });
  image.data.fill(255);
  for (let y = 16; y < 18; y++) for (let x = 0; x < 56; x++) image.data.fill(0, (y * 56 + x) * 4, (y * 56 + x) * 4 + 3);
  writeFileSync(png, PNG.sync.write(image));
});

describe('every model file carries its data settings', () => {
  it('predict gives the same answer, with class names, from model.safetensors, checkpoint.safetensors and an export → import copy', async () => {
    const onnx = join(dir, 'model.onnx');
    const imported = join(dir, 'imported.safetensors');
    assert.equal((await run('export', model, '--onnx', onnx)).code, EXIT.ok);
    const imp = await run('import', onnx, '--out', imported);
    assert.equal(imp.code, EXIT.ok, imp.err);
    assert.doesNotMatch(recorded(model), /0\\.286/, 'measured on the training split, not Fashion-MNIST\'s constants by the folder name');
    assert.match(imp.out, new RegExp(`data settings from .*model\\.onnx's metadata: input \\[1, 28, 28\\], 10 classes, normalisation ${recorded(model)}`));
    const lines = [];
    for (const file of [model, checkpoint, imported]) {
      const r = await run('predict', file, png, '--backend', 'ref');
      assert.equal(r.code, EXIT.ok, r.err);
      lines.push(r.out.replace(file, 'FILE'));
    }
    assert.match(lines[0], /three\.png: 3 \d+\.\d%/);
    assert.equal(lines[1], lines[0], 'checkpoint vs model file');
    assert.equal(lines[2], lines[0], 'imported vs model file');
  });

  it('exported ONNX says how to normalise its input (doc_string and the printed line)', async () => {
    const r = await run('export', model, '--onnx', join(dir, 'doc.onnx'));
    assert.match(r.out, new RegExp(`input: x = \\(pixel/255 − mean\\) / std per channel, ${recorded(model)}`));
    assert.ok(readFileSync(join(dir, 'doc.onnx')).includes('Input: x = (pixel/255'), 'doc_string in the file');
  });

  it('eval of a checkpoint defaults to the dataset it was trained on, normalised as it was', async () => {
    const fromCheckpoint = await run('eval', checkpoint, '--backend', 'ref');
    assert.equal(fromCheckpoint.code, EXIT.ok, fromCheckpoint.err);
    assert.match(fromCheckpoint.out, new RegExp(`on mnist test, the test split \\(50 images, normalised with ${recorded(checkpoint)}, as the model was trained\\)`));
    const fromModel = await run('eval', model, '--backend', 'ref');
    const accuracy = (text: string) => /accuracy: ([\d.]+%)/.exec(text)?.[1];
    assert.equal(accuracy(fromCheckpoint.out), accuracy(fromModel.out));
  });

  it('a model without normalisation (ONNX from PyTorch) is refused by predict and eval with the flag that gives it', async () => {
    const onnx = new URL('../fixtures/onnx/cnn-bn.onnx', import.meta.url).pathname;
    const imported = join(dir, 'torch-cnn.safetensors');
    const imp = await run('import', onnx, '--out', imported);
    assert.equal(imp.code, EXIT.ok, imp.err);
    assert.match(imp.out, /normalisation unknown: predict and eval will ask for --normalize/);
    const small = join(dir, 'small.png');
    const image = new PNG({ width: 16, height: 16 });
    image.data.fill(0);
    for (let i = 0; i < 16; i++) image.data.fill(255, (i * 16 + i) * 4, (i * 16 + i) * 4 + 4);
    writeFileSync(small, PNG.sync.write(image));
    const refused = await run('predict', imported, small, '--backend', 'ref');
    assert.equal(refused.code, EXIT.file);
    assert.match(refused.err, /cannot tell how to normalise the pixels: .*give --normalize mnist, fashion-mnist, none \(raw\/255\) or MEAN,STD/);
    assert.equal(refused.out, '');
    const given = await run('predict', imported, small, '--normalize', '0.5,0.25', '--backend', 'ref');
    assert.equal(given.code, EXIT.ok, given.err);
    assert.match(given.out, /small\.png: \d /);
    const stored = join(dir, 'torch-cnn-normalised.safetensors');
    assert.equal((await run('import', onnx, '--out', stored, '--normalize', '0.5,0.25')).code, EXIT.ok);
    assert.equal((await run('predict', stored, small, '--backend', 'ref')).out, given.out.replace(imported, stored));
    const evalRefused = await run('eval', imported, '--backend', 'ref');
    assert.equal(evalRefused.code, EXIT.usage);
    assert.match(evalRefused.err, /does not say which dataset it was trained on; give --dataset/);
  });

  it('a checkpoint from before nabla.data uses the settings of the dataset its options record', async () => {
    const legacy = withMetadata(checkpoint, join(dir, 'legacy-mnist.safetensors'), { 'nabla.data': undefined, 'nabla.state': stateWithDataset('mnist') });
    const old = await run('predict', legacy, png, '--backend', 'ref');
    const asMnist = await run('predict', model, png, '--normalize', 'mnist', '--class-names', 'mnist', '--backend', 'ref');
    assert.equal(old.code, EXIT.ok, old.err);
    assert.equal(old.out.replace(legacy, 'FILE'), asMnist.out.replace(model, 'FILE'));
    // A folder's normalisation cannot be known without the data: refused, not guessed.
    const folder = withMetadata(checkpoint, join(dir, 'legacy-folder.safetensors'), { 'nabla.data': undefined });
    const r = await run('predict', folder, png, '--backend', 'ref');
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /give --normalize/);
  });
});

describe('nabla.data is validated before use', () => {
  const good = () => JSON.parse(decodeSafetensors(new Uint8Array(readFileSync(model))).metadata['nabla.data']);
  // Each case writes the JSON text of nabla.data; 1e999 is how JSON spells a number that parses to Infinity.
  const json = (x: unknown) => JSON.stringify(x);
  const cases: [string, (info: Record<string, any>) => string, RegExp][] = [
    ['an infinite dimension', (i) => json({ ...i, inputShape: [1, 'INF', 28] }).replace('"INF"', '1e999'), /inputShape\[1\] must be a positive integer, got Infinity/],
    ['-Infinity as a dimension', (i) => json({ ...i, inputShape: ['INF', 28, 28] }).replace('"INF"', '-1e999'), /inputShape\[0\] must be a positive integer, got -Infinity/],
    ['a shape that is a number (old layout)', (i) => json({ dataset: i.dataset, imageShape: 5, numClasses: 10, classNames: i.classNames, mean: 0, std: 1 }), /imageShape must be a list/],
    ['a zero std', (i) => json({ ...i, normalization: { mean: [0.2], std: [0] } }), /normalization\.std\[0\] must be a finite number ≥ 1e-12, got 0/],
    ['an infinite mean', (i) => json({ ...i, normalization: { mean: ['INF'], std: [1] } }).replace('"INF"', '1e999'), /normalization\.mean\[0\] must be a finite number .*got Infinity/],
    ['a mean that is text', (i) => json({ ...i, normalization: { mean: ['x'], std: [1] } }), /normalization\.mean\[0\] must be a finite number/],
    ['one mean per channel missing', (i) => json({ ...i, normalization: { mean: [], std: [1] } }), /normalization\.mean must be a list of 1 numbers/],
    ['too few class names', (i) => json({ ...i, classNames: ['a'] }), /classNames must be a list of 10 names/],
    ['an absurd class count', (i) => json({ ...i, numClasses: 1e20 }), /numClasses must be an integer from 1 to/],
    ['a huge input', (i) => json({ ...i, inputShape: [1, 100000, 100000] }), /inputShape must be at most \d+ values per example/],
    ['a newer schema', (i) => json({ ...i, schema: 2 }), /schema must be 1/],
    ['not an object', () => json([1, 2]), /the value must be a JSON object/],
  ];
  for (const [name, mutate, expected] of cases) {
    it(`refuses ${name} with exit 3 naming the field (predict, eval, summary)`, async () => {
      const file = withMetadata(model, join(dir, 'mutated.safetensors'), { 'nabla.data': mutate(good()) });
      for (const command of [['predict', file, png, '--backend', 'ref'], ['eval', file, '--backend', 'ref'], ['summary', file]]) {
        const r = await run(...command);
        assert.equal(r.code, EXIT.file, `${command[0]}: ${r.err}`);
        assert.match(r.err, /mutated\.safetensors: metadata nabla\.data/);
        assert.match(r.err, expected);
        assert.doesNotMatch(r.err, /TypeError|RangeError|is not iterable|\n\s+at /);
      }
    });
  }
  it('refuses metadata that is not JSON', async () => {
    const file = withMetadata(model, join(dir, 'bad-json.safetensors'), { 'nabla.data': '{"schema":1,' });
    const r = await run('predict', file, png, '--backend', 'ref');
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /metadata nabla\.data is not valid JSON/);
  });
});
