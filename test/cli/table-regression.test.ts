// `nabla train --data table.csv --target y` with a numeric target: regression with MSELoss on
// the standardised target, RMSE/MAE in the target's units, predict writing the numbers as CSV,
// eval printing RMSE/MAE; a missing target refused (or skipped); --task forcing either way; an
// integer target with few values staying classification.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/errors.js';
import { Rng } from '../../src/tensor/rng.js';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-regression-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOISE = 0.5;
const OFFSET: Record<string, number> = { north: 0, south: 5, east: -5 };

/** y = 3a − 2b + offset(region) + N(0, 0.5²); a, b ~ N(0, 2²). Returns the CSV and y's std. */
function makeTable(n: number, seed: number): { csv: string; rows: { a: number; b: number; region: string; y: number }[]; std: number } {
  const rng = new Rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const rows = Array.from({ length: n }, () => {
    const a = 2 * gauss();
    const b = 2 * gauss();
    const region = Object.keys(OFFSET)[rng.int(3)];
    return { a, b, region, y: 3 * a - 2 * b + OFFSET[region] + NOISE * gauss() };
  });
  const mean = rows.reduce((s, r) => s + r.y, 0) / n;
  const std = Math.sqrt(rows.reduce((s, r) => s + (r.y - mean) ** 2, 0) / n);
  const csv = ['a,b,region,y', ...rows.map((r) => `${r.a.toFixed(4)},${r.b.toFixed(4)},${r.region},${r.y.toFixed(4)}`)].join('\n') + '\n';
  return { csv, rows, std };
}

const train = join(dir, 'train.csv');
const test = join(dir, 'test.csv');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');
let testTable: ReturnType<typeof makeTable>;

before(() => {
  writeFileSync(train, makeTable(600, 1).csv);
  testTable = makeTable(300, 2);
  writeFileSync(test, testTable.csv);
});

const trainArgs = ['--epochs', '30', '--optimizer', 'adam', '--lr', '0.01', '--backend', 'ref'];

describe('regression on a CSV table', () => {
  it('a numeric target is regression: RMSE near the noise, far below the std of y; history and the model file say so', async () => {
    const r = await run('train', '--data', train, '--target', 'y', ...trainArgs, '--patience', '10', '--out', out);
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /target 'y' \(a number\)/);
    assert.match(r.out, /task: regression \(numeric with \d+ distinct values, not all integers/);
    assert.match(r.out, /random \(not stratified: the target is a number\)/);
    assert.match(r.out, /train_rmse +val_loss +val_rmse/);
    const valRmse = Number(/validation RMSE: ([\d.]+), MAE ([\d.]+)/.exec(r.out)?.[1]);
    assert.ok(valRmse < 1.0, `validation RMSE ${valRmse} is near the noise ${NOISE}\n${r.out}`);
    const csv = readFileSync(join(out, 'history.csv'), 'utf8');
    assert.match(csv.split('\n')[0], /^epoch,step,lr,trainLoss,trainRmse,valLoss,valRmse,seconds$/);
    const bytes = readFileSync(model);
    const header = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'));
    const info = JSON.parse(header.__metadata__['nabla.data']);
    assert.equal(info.table.task, 'regression');
    assert.equal(info.numClasses, 1);
    assert.ok(info.table.targetStd > 5 && Math.abs(info.table.targetMean) < 2, `the target's scale is saved: ${JSON.stringify(info.table)}`);
  });

  it('eval on a fresh table prints RMSE and MAE in the target\'s units: well below the std of y, near the noise', async () => {
    const r = await run('eval', model, '--data', test, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    const [, rmse, mae] = /RMSE: ([\d.]+), MAE: ([\d.]+) \(in y's units\)/.exec(r.out)!.map(Number);
    assert.ok(rmse < testTable.std / 5, `test RMSE ${rmse} vs std of y ${testTable.std}`);
    assert.ok(rmse < 2 * NOISE && rmse > 0.7 * NOISE, `test RMSE ${rmse} is near the noise level ${NOISE}`);
    assert.ok(mae > 0 && mae <= rmse, `MAE ${mae} ≤ RMSE ${rmse}`);
  });

  it('predict writes the predicted numbers as CSV, de-standardised, and they match y to about the noise', async () => {
    const rows = join(dir, 'rows.csv');
    const picked = testTable.rows.slice(0, 50);
    writeFileSync(rows, ['region,b,a', ...picked.map((p) => `${p.region},${p.b.toFixed(4)},${p.a.toFixed(4)}`)].join('\n') + '\n');
    const preds = join(dir, 'preds.csv');
    const r = await run('predict', model, rows, '--out', preds, '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /50 predictions of 'y' \(regression\)/);
    const records = parse(readFileSync(preds, 'utf8')) as string[][];
    assert.deepEqual(records[0], ['region', 'b', 'a', 'predicted y']);
    const errors = records.slice(1).map((rec, i) => Number(rec[3]) - picked[i].y);
    const rmse = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    assert.ok(rmse < 1.0, `predicted y within the noise: RMSE ${rmse}`);
  });

  it('a regression run resumes from its checkpoint: same split, same target scale', async () => {
    const runDir = join(dir, 'resume');
    const first = await run('train', '--data', train, '--target', 'y', '--epochs', '2', '--backend', 'ref', '--out', runDir);
    assert.equal(first.code, EXIT.ok, first.err);
    const r = await run('train', '--resume', join(runDir, 'checkpoint.safetensors'), '--epochs', '3', '--backend', 'ref');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /task: regression \(as the model was trained\)/);
    assert.match(r.out, /validation split \(60\)/);
    assert.match(r.out, /validation RMSE: [\d.]+/);
  });

  it('a missing target is refused naming the row, or skipped with a count under --skip-missing-target', async () => {
    const holes = join(dir, 'holes.csv');
    const lines = readFileSync(train, 'utf8').trimEnd().split('\n');
    lines[5] = lines[5].replace(/,[^,]*$/, ',');
    lines[9] = lines[9].replace(/,[^,]*$/, ',NA');
    writeFileSync(holes, lines.join('\n') + '\n');
    const bad = await run('train', '--data', holes, '--target', 'y', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'bad'));
    assert.equal(bad.code, EXIT.file, bad.err);
    assert.match(bad.err, /holes\.csv: row 5 \(line 6\) has no value in the target column 'y' \(2 rows have none\)/);
    const ok = await run('train', '--data', holes, '--target', 'y', '--epochs', '1', '--backend', 'ref', '--skip-missing-target', '--out', join(dir, 'skip'));
    assert.equal(ok.code, EXIT.ok, ok.err);
    assert.match(ok.out, /skipped 2 rows without a target value/);
    assert.match(ok.out, /table: 598 rows/);
  });

  it('a numeric target with a typo is refused naming the cell (not read as hundreds of classes); --task classification still takes it', async () => {
    const typo = join(dir, 'typo.csv');
    const lines = readFileSync(train, 'utf8').trimEnd().split('\n');
    lines[7] = lines[7].replace(/,[^,]*$/, ',1O2.5');
    writeFileSync(typo, lines.join('\n') + '\n');
    const bad = await run('train', '--data', typo, '--target', 'y', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'typo-out'));
    assert.equal(bad.code, EXIT.file, bad.err);
    assert.match(bad.err, /typo\.csv: the target column 'y' is numbers but for a few cells \(1 of its 600 values is not a finite number: row 7 \(line 8\) '1O2\.5'\): fix them for a regression, or give --task classification/);
    const forced = await run('train', '--data', typo, '--target', 'y', '--task', 'classification', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'typo-cls'));
    assert.equal(forced.code, EXIT.ok, forced.err);
  });

  it('an integer target with few values stays classification; --task forces either way', async () => {
    const codes = join(dir, 'codes.csv');
    const rng = new Rng(3);
    const lines = ['x,z,grade'];
    for (let i = 0; i < 200; i++) {
      const x = rng.next() * 10;
      lines.push(`${x.toFixed(3)},${rng.int(3)},${Math.min(4, Math.floor(x / 2)) + 1}`);
    }
    writeFileSync(codes, lines.join('\n') + '\n');
    const cls = await run('train', '--data', codes, '--target', 'grade', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'cls'));
    assert.equal(cls.code, EXIT.ok, cls.err);
    assert.match(cls.out, /target 'grade' \(5 classes: 1, 2, 3, 4, 5\)/);
    assert.match(cls.out, /task: classification \(integers with only 5 distinct values/);
    assert.match(cls.out, /validation accuracy/);
    const reg = await run('train', '--data', codes, '--target', 'grade', '--task', 'regression', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'reg'));
    assert.equal(reg.code, EXIT.ok, reg.err);
    assert.match(reg.out, /task: regression \(--task regression/);
    assert.match(reg.out, /validation RMSE/);
    const forced = await run('train', '--data', train, '--target', 'y', '--task', 'classification', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'forced'));
    assert.equal(forced.code, EXIT.ok, forced.err);
    assert.match(forced.out, /task: classification \(--task classification\)/);
    assert.match(forced.out, /target .y. \(\d{3} classes:/);
    const text = await run('train', '--data', join(dir, 'codes.csv'), '--target', 'x', '--task', 'regression', '--label-smoothing', '0.1', '--epochs', '1', '--backend', 'ref', '--out', join(dir, 'ls'));
    assert.equal(text.code, EXIT.usage, text.err);
    assert.match(text.err, /--label-smoothing is for classes/);
  });
});
