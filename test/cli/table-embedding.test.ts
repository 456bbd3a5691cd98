// `nabla train --data table.csv --target column --categorical embedding`: a table whose class
// hangs on a categorical column of 16 shops (each shop adds a hidden offset to a numeric score)
// is learnt by a model that embeds the shop and the colour; the model file records the encoding
// and the vocabularies; predict encodes rows.csv the same way and names an unseen category with
// its row (looked up as the zero padding row 0); eval and ONNX export read the same model.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/errors.js';
import { Rng } from '../../src/tensor/rng.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-embed-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const table = join(dir, 'sales.csv');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');

/** The hidden offset of each shop: shops s00 … s15 alternate ±1.5 in a shuffled order. */
const SHOPS = Array.from({ length: 16 }, (_, i) => `s${String(i).padStart(2, '0')}`);
const OFFSET = new Map(SHOPS.map((s, i) => [s, (i * 7) % 16 < 8 ? 1.5 : -1.5]));

/** high when score + offset(shop) > 0 (the colour is noise); a few shop cells missing. */
function makeTable(n: number, seed: number): string {
  const rng = new Rng(seed);
  const lines = ['score,shop,colour,class'];
  for (let i = 0; i < n; i++) {
    const score = rng.normal();
    const shop = SHOPS[rng.int(SHOPS.length)];
    const colour = ['red', 'green', 'blue'][rng.int(3)];
    const high = score + OFFSET.get(shop)! > 0;
    lines.push(`${score.toFixed(3)},${i % 41 === 7 ? '' : shop},${colour},${high ? 'high' : 'low'}`);
  }
  return lines.join('\n') + '\n';
}

function metadataOf(file: string): Record<string, string> {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8')).__metadata__;
}

before(() => writeFileSync(table, makeTable(600, 1)));

describe('nabla train on a CSV table with --categorical embedding', () => {
  it('embeds each categorical column and learns the shop offsets', async () => {
    const r = await run('train', '--data', table, '--target', 'class', '--categorical', 'embedding', '--epochs', '30', '--batch-size', '32', '--lr', '0.003', '--backend', 'ref', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /score \(numeric, standardised\), shop \(16 categories, an index for an embedding of width 8\), colour \(3 categories, an index for an embedding of width 3\) → 3 features/);
    const accuracy = Number(/validation accuracy: ([\d.]+)%/.exec(r.out)?.[1]);
    assert.ok(accuracy >= 90, `the shop's offset is learnt through its embedding: ${accuracy}%\n${r.out}`);
    const meta = metadataOf(model);
    const info = JSON.parse(meta['nabla.data']);
    assert.equal(info.table.categorical, 'embedding');
    assert.deepEqual(info.table.columns[1].categories, SHOPS);
    assert.deepEqual(info.inputShape, [3, 1, 1]);
    const spec = JSON.parse(meta['nabla.spec']);
    const embeddings = spec.nodes.filter((n: { type: string }) => n.type === 'Embedding');
    assert.deepEqual(embeddings.map((n: Record<string, unknown>) => [n.name, n.numEmbeddings, n.embeddingDim, n.paddingIdx]), [['embed0_shop', 17, 8, 0], ['embed1_colour', 4, 3, 0]]);
  });

  it('predict encodes rows.csv as training did; an unseen shop is named with its row', async () => {
    const rows = join(dir, 'rows.csv');
    // s00's offset is +1.5, s02's −1.5 (see OFFSET): the same score 0.5 goes either way by shop.
    assert.deepEqual([OFFSET.get('s00'), OFFSET.get('s02')], [1.5, -1.5]);
    writeFileSync(rows, 'colour,shop,score\nred,s00,-0.5\ngreen,s02,0.5\nblue,nowhere,3\n');
    const preds = join(dir, 'preds.csv');
    const r = await run('predict', model, rows, '--out', preds, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.err, /column 'shop' has categories the model never saw: 'nowhere' \(row 3\)/);
    const written = parse(readFileSync(preds, 'utf8')) as string[][];
    assert.deepEqual(written[0], ['colour', 'shop', 'score', 'predicted class', 'p(high)', 'p(low)']);
    assert.deepEqual(written.slice(1).map((row) => row[3]), ['high', 'low', 'high']);
  });

  it('eval reads the same encoding from the model; export writes an ONNX file', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, makeTable(200, 2));
    const r = await run('eval', model, '--data', other, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.ok(Number(/accuracy: ([\d.]+)%/.exec(r.out)?.[1]) >= 90, r.out);
    const e = await run('export', model, '--onnx', join(dir, 'model.onnx'));
    assert.equal(e.code, EXIT.ok, e.err);
  });

  it('a resumed run keeps the embedding encoding (the checkpoint records it)', async () => {
    const short = join(dir, 'short');
    const first = await run('train', '--data', table, '--target', 'class', '--categorical', 'embedding', '--epochs', '2', '--backend', 'ref', '--out', short);
    assert.equal(first.code, EXIT.ok, first.err);
    const resumed = await run('train', '--resume', join(short, 'checkpoint.safetensors'), '--epochs', '3', '--backend', 'ref');
    assert.equal(resumed.code, EXIT.ok, resumed.err);
    assert.match(resumed.out, /shop \(16 categories, an index for an embedding of width 8\)/);
    assert.equal(JSON.parse(metadataOf(join(short, 'model.safetensors'))['nabla.data']).table.categorical, 'embedding');
    const same = await run('train', '--resume', join(short, 'checkpoint.safetensors'), '--categorical', 'embedding', '--epochs', '4', '--backend', 'ref');
    assert.equal(same.code, EXIT.ok, same.err);
    const other = await run('train', '--resume', join(short, 'checkpoint.safetensors'), '--categorical', 'onehot', '--epochs', '5', '--backend', 'ref');
    assert.equal(other.code, EXIT.usage);
    assert.match(other.err, /these differ: categorical \(checkpoint embedding, given the default\)/);
    const init = await run('train', '--init-from', join(short, 'model.safetensors'), '--categorical', 'onehot', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'init'));
    assert.equal(init.code, EXIT.usage);
    assert.match(init.err, /--categorical onehot: .*model\.safetensors reads its categorical columns as embedding/);
  });

  it('--categorical is for tables and takes onehot or embedding', async () => {
    const bad = await run('train', '--data', table, '--target', 'class', '--categorical', 'hashed', '--out', join(dir, 'bad'));
    assert.notEqual(bad.code, EXIT.ok);
    assert.match(bad.err, /--categorical.*onehot, embedding/);
    const images = await run('train', '--categorical', 'embedding', '--epochs', '1', '--out', join(dir, 'bad2'));
    assert.equal(images.code, EXIT.usage);
    assert.match(images.err, /--categorical is for tables/);
  });
});
