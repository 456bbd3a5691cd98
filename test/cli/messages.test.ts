// Issue 14 items 4–6 and 8: CLI wording instead of library wording, flag checks before anything
// runs, write and network errors that name the path or host and the flag to use, --threads capped
// with a warning, predict saying how it resized and warning on a blank image, the two losses of
// a run explained, and the banner printed before the data are loaded.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXIT } from '../../src/cli/errors.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-messages-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'bands');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');
let trained = { code: 0, out: '', err: '' };

function writePng(file: string, width: number, height: number, draw: (x: number, y: number) => number, alpha = 255): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = draw(x, y);
      png.data.set([v, v, v, alpha], (y * width + x) * 4);
    }
  }
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

before(async () => {
  writeIdxFolder(data, 28, 200, 50);
  trained = await run('train', '--dataset', data, '--model', 'mlp', '--epochs', '1', '--batch-size', '20', '--shift', '0', '--backend', 'ref', '--out', out);
  assert.equal(trained.code, EXIT.ok, trained.err);
});

describe('item 4: CLI wording and early checks', () => {
  it('importing a model that ends in Softmax names the flag --drop-softmax, not the library option', async () => {
    const onnx = new URL('../fixtures/onnx/matmul-add-softmax.onnx', import.meta.url).pathname;
    const r = await run('import', onnx, '--out', join(dir, 'softmax.safetensors'));
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /ends in Softmax.*Run nabla import with --drop-softmax/);
    assert.doesNotMatch(r.err, /trailingSoftmax/);
  });

  it('--label-smoothing 2 is a usage error (exit 2) before anything runs, like the other flag checks', async () => {
    const r = await run('train', '--label-smoothing', '2', '--backend', 'ref', '--out', join(dir, 'never'));
    assert.equal(r.code, EXIT.usage);
    assert.match(r.err, /--label-smoothing must be a number from 0 to 1, got '2'/);
    assert.equal(r.out, '', 'no banner');
    const m = await run('train', '--momentum', '1', '--out', join(dir, 'never'));
    assert.equal(m.code, EXIT.usage);
    assert.match(m.err, /--momentum must be a number from 0 to 1 \(not included\), got '1'/);
    assert.throws(() => readdirSync(join(dir, 'never')), /ENOENT/, 'nothing was created');
  });

  it('export into a folder that does not exist names the file, not a temporary file (exit 3)', async () => {
    const r = await run('export', model, '--onnx', '/nonexistent/dir/x.onnx');
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, /\/nonexistent\/dir\/x\.onnx: cannot write: its folder does not exist \(ENOENT\)/);
    assert.doesNotMatch(r.err, /tmp-/);
  });

  it('data download from a host that cannot be reached says so, names --base-url and leaves no .part file', async () => {
    // A port that was just free and is closed again: the connection is refused, as offline.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const target = join(dir, 'download');
    const r = await run('data', 'download', 'mnist', '--dir', target, '--base-url', `http://127.0.0.1:${port}/`);
    assert.equal(r.code, EXIT.file);
    assert.match(r.err, new RegExp(`could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\); check the network connection.*--base-url URL`));
    assert.doesNotMatch(r.err, /run again to resume/);
    assert.deepEqual(readdirSync(target), []);
  });

  it('--threads above the core count is capped with a warning', async () => {
    const r = await run('eval', model, '--threads', '4096', '--backend', 'wasm');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.err, new RegExp(`warning: --threads 4096 is more than the ${availableParallelism()} cores here; using ${availableParallelism()}`));
  });
});

describe('item 5: predict says how it prepared the image', () => {
  it('a non-28×28 image gets a note on the resize; a blank one a warning that it has no ink', async () => {
    const wide = writePng(join(dir, 'wide.png'), 64, 48, (x, y) => (y > 20 && y < 26 && x > 8 && x < 56 ? 0 : 255));
    const blank = writePng(join(dir, 'blank.png'), 64, 48, () => 0, 0); // fully transparent: white paper, nothing on it
    const r = await run('predict', model, wide, blank, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.err, /note: .*wide\.png is 64×48; resized to 28×28 by area averaging \(aspect ratio not kept\); --center fits the ink into 20×20/);
    assert.match(r.err, /warning: .*blank\.png has no ink/);
    assert.doesNotMatch(r.err, /blank\.png is 64×48/, 'one message per image');
    const centered = await run('predict', model, wide, '--center', '--backend', 'ref');
    assert.doesNotMatch(centered.err, /resized/);
    const exact = await run('predict', model, writePng(join(dir, 'exact.png'), 28, 28, (x, y) => (y === 14 && x > 3 ? 0 : 255)), '--backend', 'ref');
    assert.equal(exact.err, '');
  });
});

describe('item 6: the losses of a run are explained', () => {
  it('the banner says "1 epoch" and what the epoch losses include; the final line gives both losses', () => {
    assert.match(trained.out, /^nabla train: mlp on .*, 1 epoch\n/);
    assert.match(trained.out, /label smoothing 0\.1 \(in each epoch's loss and val_loss; the final cross-entropy is without it\)/);
    const valLoss = /val_loss ([\d.]+)/.exec(trained.out)?.[1];
    assert.match(trained.out, new RegExp(`cross-entropy [\\d.]+ \\(with label smoothing 0\\.1, as in val_loss: ${valLoss}\\)`));
  });
});

describe('item 8: the banner comes before the data', () => {
  it('is printed before the dataset is loaded (a missing dataset fails after it)', async () => {
    const r = await run('train', '--dataset', join(dir, 'no-such-data'), '--backend', 'ref', '--out', join(dir, 'run-missing'));
    assert.equal(r.code, EXIT.file);
    assert.match(r.out, /^nabla train: lenet5 on .*no-such-data, 20 epochs\n {2}adam lr 0\.003/);
    assert.match(r.err, /no-such-data/);
    assert.throws(() => readdirSync(join(dir, 'run-missing')), /ENOENT/, 'the failed run leaves no empty --out folder behind');
  });
});
