// `nabla train --data table.csv --target column`: a known table (the class follows a rule of a
// numeric and a categorical column) is learnt; predict writes CSV predictions naming unseen
// categories; eval prints the confusion matrix with the class names; bad tables are named.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/errors.js';
import { Rng } from '../../src/tensor/rng.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-table-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const table = join(dir, 'fruit.csv');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');

/** ripe when weight + 30 (if the colour is "red, deep") > 100; a few cells missing; quoted fields with commas. */
function makeTable(n: number, seed: number): string {
  const rng = new Rng(seed);
  const lines = ['weight (g),"colour, as seen",note,class'];
  for (let i = 0; i < n; i++) {
    const weight = 40 + rng.int(100);
    const colour = ['red, deep', 'green', 'yellow'][rng.int(3)];
    const ripe = weight + (colour === 'red, deep' ? 30 : 0) > 100;
    const w = i % 17 === 5 ? '' : String(weight);
    lines.push(`${w},"${colour}","said ""hi"", then left",${ripe ? 'ripe' : 'unripe'}`);
  }
  return lines.join('\n') + '\n';
}

before(async () => {
  writeFileSync(table, makeTable(300, 1));
});

describe('nabla train on a CSV table', () => {
  it('learns the rule: columns named with their kind, missing values named per column, validation accuracy high', async () => {
    const r = await run('train', '--data', table, '--target', 'class', '--epochs', '40', '--batch-size', '16', '--backend', 'ref', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /nabla train: mlp on /, 'the MLP preset is the default for a table');
    assert.match(r.out, /table: 300 rows, target 'class' \(2 classes: ripe, unripe\); weight \(g\) \(numeric, standardised\), colour, as seen \(3 categories, one-hot\), note \(1 categories, one-hot\) → 5 features/);
    assert.match(r.out, /missing values: column 'weight \(g\)', 18 rows \(the training mean used\)/);
    assert.match(r.out, /validation: .*fruit\.csv validation split \(30\): 10% of .*fruit\.csv's 300 rows, seeded/);
    const accuracy = Number(/validation accuracy: ([\d.]+)%/.exec(r.out)?.[1]);
    assert.ok(accuracy >= 85, `a rule of two columns is learnt: ${accuracy}%\n${r.out}`);
    const bytes = readFileSync(model);
    const header = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'));
    const info = JSON.parse(header.__metadata__['nabla.data']);
    assert.equal(info.preprocess, 'table');
    assert.deepEqual(info.classNames, ['ripe', 'unripe']);
    assert.deepEqual(info.table.columns[1], { name: 'colour, as seen', kind: 'categorical', categories: ['green', 'red, deep', 'yellow'] });
    assert.ok(Math.abs(info.table.columns[0].mean - 89.5) < 8, `the weight column's mean is measured: ${info.table.columns[0].mean}`);
  });

  it('predict writes the rows back with the predicted class and probabilities; an unseen category is named', async () => {
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'class,"colour, as seen",weight (g),note\n?,"red, deep",130,x\n?,green,45,x\n?,blue,60,x\n');
    const preds = join(dir, 'preds.csv');
    const r = await run('predict', model, rows, '--out', preds, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.err, /column 'colour, as seen' has categories the model never saw: 'blue' \(row 3\); encoded as no category/);
    assert.match(r.err, /column 'note' has categories the model never saw: 'x' \(row 1\)/);
    const written = parse(readFileSync(preds, 'utf8')) as string[][];
    assert.deepEqual(written[0], ['class', 'colour, as seen', 'weight (g)', 'note', 'predicted class', 'p(ripe)', 'p(unripe)']);
    assert.equal(written[1][4], 'ripe');
    assert.equal(written[2][4], 'unripe');
    for (const row of written.slice(1)) assert.ok(Math.abs(Number(row[5]) + Number(row[6]) - 1) < 1e-5);
  });

  it('eval on another table of the same kind prints the confusion matrix with the class names', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, makeTable(100, 2));
    const r = await run('eval', model, '--data', other, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /every row of the table \(100 /);
    assert.match(r.out, /true\\pred +0 +1\n0 ripe +\d+ +\d+\n1 unripe +\d+ +\d+/);
    assert.ok(Number(/accuracy: ([\d.]+)%/.exec(r.out)?.[1]) >= 85);
  });

  it('eval on rows of one class labels them by the model\'s classes; a class the model does not know is named', async () => {
    const lines = makeTable(200, 3).trimEnd().split('\n');
    const ripeOnly = join(dir, 'ripe-only.csv');
    writeFileSync(ripeOnly, [lines[0], ...lines.slice(1).filter((l) => l.endsWith(',ripe'))].join('\n') + '\n');
    const r = await run('eval', model, '--data', ripeOnly, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /every row of the table \(\d+ rows, encoded as the model was trained\)/);
    assert.match(r.out, /true\\pred +0 +1\n0 ripe +\d+ +\d+\n1 unripe +0 +0/);
    const other = join(dir, 'other-class.csv');
    writeFileSync(other, [lines[0], lines[1], lines[2].replace(/,(un)?ripe$/, ',rotten')].join('\n') + '\n');
    const bad = await run('eval', model, '--data', other, '--backend', 'ref');
    assert.equal(bad.code, EXIT.file, bad.err);
    assert.match(bad.err, /other-class\.csv: row 2 \(line 3\), target column 'class': 'rotten' is not one of the model's classes \(ripe, unripe\)/);
  });

  it('bad tables and options are named: no --target, a target column that is not there, a missing target value, one class, --shift', async () => {
    const expectFail = async (args: string[], code: number, pattern: RegExp) => {
      const r = await run('train', ...args, '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'bad'));
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, pattern);
    };
    await expectFail(['--data', table], EXIT.usage, /fruit\.csv: a table needs --target COLUMN/);
    await expectFail(['--data', table, '--target', 'colour'], EXIT.file, /no column 'colour' \(--target\); the columns are weight \(g\), colour, as seen, note, class/);
    const holes = join(dir, 'holes.csv');
    writeFileSync(holes, 'x,y\n1,a\n2,\n3,b\n');
    await expectFail(['--data', holes, '--target', 'y'], EXIT.file, /holes\.csv: row 2 \(line 3\) has no value in the target column 'y'/);
    for (const preset of ['lenet5', 'resnet']) {
      await expectFail(['--data', table, '--target', 'class', '--model', preset], EXIT.usage, new RegExp(`--model ${preset} is a preset for images .* use --model mlp`));
    }
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, 'x;y\n1;a\n2;b\n');
    await expectFail(['--data', semicolons, '--target', 'y'], EXIT.file, /no column 'y' \(--target\); the columns are x;y \(one column named 'x;y': the file looks ';'-separated; tables are read comma-separated\)/);
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, [[...Array.from({ length: 30 }, (_, j) => `f${j}`), 'y'].join(','), ...Array.from({ length: 12 }, (_, i) => [...Array.from({ length: 30 }, (_, j) => String((i * j) % 7)), i % 2 ? 'a' : 'b'].join(','))].join('\n') + '\n');
    const listed = await run('train', '--data', wide, '--target', 'y', '--epochs', '1', '--backend', 'ref', '--val-split', '0', '--out', join(dir, 'wide-out'));
    assert.equal(listed.code, EXIT.ok, listed.err);
    assert.match(listed.out, /f19 \(numeric, standardised\) and 10 more \(10 numeric, 0 categorical\) → 30 features/);
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.concat([Buffer.from('x,y\n1,a\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n3,b\n')]));
    await expectFail(['--data', latin1, '--target', 'y'], EXIT.file, /latin1\.csv: not UTF-8 text \(byte 0xe9 at offset 13, line 3: saved in another encoding such as Latin-1/);
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, '\ufeffx,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n9,a\n10,b\n');
    const withBom = await run('train', '--data', bom, '--target', 'y', '--epochs', '1', '--backend', 'ref', '--val-split', '0', '--out', join(dir, 'bom-out'));
    assert.equal(withBom.code, EXIT.ok, withBom.err); // a UTF-8 byte-order mark is still read past
    // A quoted field with line breaks (CRLF too) and an empty line before: the line is the file's, not row + 1.
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(quoted, 'x,note,y\r\n1,"two\r\nlines",a\r\n\r\n2,"three\r\nlines\r\nhere",b\r\n3,plain,\r\n');
    await expectFail(['--data', quoted, '--target', 'y'], EXIT.file, /quoted\.csv: row 3 \(line 8\) has no value in the target column 'y'/);
    const single = join(dir, 'single.csv');
    writeFileSync(single, 'x,y\n1,a\n2,a\n');
    await expectFail(['--data', single, '--target', 'y'], EXIT.file, /holds one value \(a\); a classifier needs at least 2 classes/);
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'x,y\n1,a\n2\n');
    await expectFail(['--data', ragged, '--target', 'y'], EXIT.file, /ragged\.csv: not a readable CSV table \(.*[Ll]ine 3/);
    await expectFail(['--data', table, '--target', 'class', '--shift', '2'], EXIT.usage, /--shift moves image pixels; a table has none/);
  });
});
