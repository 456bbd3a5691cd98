// `nabla plot`: a PNG of the train and validation curves from history.csv or history.json.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXIT } from '../../src/cli/errors.js';
import { type History, historyToCsv } from '../../src/train/callbacks.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-plot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const history = (withVal: boolean): History =>
  Array.from({ length: 6 }, (_, i) => ({
    epoch: i + 1, step: 10 * (i + 1), lr: 0.001, trainLoss: 2 / (i + 1), trainAccuracy: 0.5 + 0.08 * i, seconds: 1,
    ...(withVal ? { valLoss: 2.2 / (i + 1), valAccuracy: 0.45 + 0.08 * i } : {}),
  }));

/** Pixels of the image close to an RGB colour. */
function count(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 30) n++;
  return n;
}

describe('nabla plot', () => {
  it('draws train and validation curves from history.csv, beside it by default', async () => {
    const csv = join(dir, 'history.csv');
    writeFileSync(csv, historyToCsv(history(true)));
    const r = await run('plot', csv, '--width', '600');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /wrote .*history\.png: 600×252, 6 epochs/);
    const png = PNG.sync.read(readFileSync(join(dir, 'history.png')));
    assert.deepEqual([png.width, png.height], [600, 252]);
    assert.ok(count(png, '#1f77b4') > 200, 'the train curves are drawn');
    assert.ok(count(png, '#ff7f0e') > 200, 'the validation curves are drawn');
  });

  it('reads history.json; a run without validation draws the train curves only', async () => {
    const json = join(dir, 'noval.json');
    writeFileSync(json, JSON.stringify(history(false)));
    const r = await run('plot', json, '--out', join(dir, 'noval.png'));
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /validation #ff7f0e: none in this history/);
    const png = PNG.sync.read(readFileSync(join(dir, 'noval.png')));
    assert.ok(count(png, '#1f77b4') > 200);
    assert.ok(count(png, '#ff7f0e') < 200, 'only the legend word can be orange');
  });

  it('a missing, empty or foreign file is a file error naming it; --out must be a .png', async () => {
    assert.equal((await run('plot', join(dir, 'none.csv'))).code, EXIT.file);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'epoch,trainLoss\n');
    assert.match((await run('plot', empty)).err, /empty\.csv: holds no epochs/);
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'a,b\n1,2\n');
    assert.match((await run('plot', other)).err, /other\.csv: row 1 has no epoch and trainLoss/);
    const csv = join(dir, 'history.csv');
    assert.equal((await run('plot', csv, '--out', join(dir, 'x.jpg'))).code, EXIT.usage);
  });
});
