// Issue 13 through the CLI: mutated model files and checkpoints end in a Nabla error with exit
// code 3 (file) or 4 (mismatch) naming what is wrong — never a TypeError, a RangeError, or exit 0
// printing NaN — and --allow-non-finite loads non-finite weights on purpose.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { EXIT } from '../../src/cli/errors.js';
import { decodeSafetensors, encodeSafetensors, type SafeTensor } from '../../src/io/safetensors.js';
import { run, writeIdxFolder } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-harden-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'data');
const out = join(dir, 'run');
const model = join(out, 'model.safetensors');
const checkpoint = join(out, 'checkpoint.safetensors');
const png = join(dir, 'digit.png');

/** A copy of a Nabla file with its tensors and metadata changed. */
function mutated(from: string, name: string, change: (f: { tensors: Map<string, SafeTensor>; metadata: Record<string, string> }) => void): string {
  const file = decodeSafetensors(readFileSync(from), from);
  change(file);
  const to = join(dir, name);
  writeFileSync(to, encodeSafetensors(file.tensors, file.metadata));
  return to;
}

function withState(name: string, change: (state: any) => void): string {
  return mutated(checkpoint, name, ({ metadata }) => {
    const state = JSON.parse(metadata['nabla.state']);
    change(state);
    metadata['nabla.state'] = JSON.stringify(state);
  });
}

const nanModel = () => mutated(model, 'nan.safetensors', ({ tensors }) => void ((tensors.get('1.weight')!.data as Float32Array)[7] = NaN));

async function refused(args: string[], code: number, pattern: RegExp): Promise<void> {
  const r = await run(...args);
  assert.equal(r.code, code, `exit ${r.code}: ${r.err}`);
  assert.match(r.err, /^nabla: /);
  assert.match(r.err, pattern);
  assert.doesNotMatch(r.err, /TypeError|RangeError|is not iterable|Cannot read properties/);
}

before(async () => {
  writeIdxFolder(data, 28, 100, 40);
  const r = await run('train', '--dataset', data, '--model', 'mlp', '--epochs', '1', '--batch-size', '20', '--backend', 'ref', '--out', out, '--val-split', '0');
  assert.equal(r.code, EXIT.ok, r.err);
  const image = new PNG({ width: 28, height: 28 });
  image.data.fill(255);
  for (let x = 0; x < 28; x++) image.data.fill(0, (10 * 28 + x) * 4, (10 * 28 + x) * 4 + 3);
  writeFileSync(png, PNG.sync.write(image));
});

describe('non-finite weights through the CLI', () => {
  it('predict refuses them (exit 3, naming the tensor and index) instead of printing NaN%', async () => {
    await refused(['predict', nanModel(), png, '--backend', 'ref'], EXIT.file, /tensor 1\.weight holds a non-finite value: 1\.weight\[7\] is NaN .*--allow-non-finite/);
  });

  it('eval, summary, export and train --init-from refuse them too', async () => {
    const file = nanModel();
    await refused(['eval', file, '--dataset', data, '--backend', 'ref'], EXIT.file, /1\.weight\[7\] is NaN/);
    await refused(['summary', file], EXIT.file, /1\.weight\[7\] is NaN/);
    await refused(['export', file, '--torch', join(dir, 'x.safetensors')], EXIT.file, /1\.weight\[7\] is NaN/);
    await refused(['train', '--init-from', file, '--dataset', data, '--epochs', '1', '--out', join(dir, 'init'), '--backend', 'ref'], EXIT.file, /1\.weight\[7\] is NaN/);
  });

  it('a checkpoint with a NaN running buffer or optimizer buffer is refused by --resume', async () => {
    const file = mutated(checkpoint, 'nan-ckpt.safetensors', ({ tensors }) => {
      const key = [...tensors.keys()].find((k) => k.startsWith('optimizer/'))!;
      (tensors.get(key)!.data as Float32Array)[3] = -Infinity;
    });
    await refused(['train', '--resume', file, '--dataset', data, '--epochs', '2', '--out', join(dir, 'r1'), '--backend', 'ref'], EXIT.file, /optimizer\/.*\[3\] is -Infinity/);
  });

  it('--allow-non-finite loads them on purpose', async () => {
    const r = await run('summary', nanModel(), '--allow-non-finite');
    assert.equal(r.code, EXIT.ok, r.err);
  });
});

describe('lying files through the CLI', () => {
  it('a spec in the metadata asking for a huge layer: exit 3 naming the layer, nothing allocated', async () => {
    const file = mutated(model, 'huge.safetensors', ({ metadata }) => {
      metadata['nabla.spec'] = JSON.stringify({ type: 'Sequential', layers: [{ type: 'Flatten' }, { type: 'Linear', inFeatures: 784, outFeatures: 1e7 }] });
    });
    const before = process.memoryUsage().rss;
    await refused(['predict', file, png, '--backend', 'ref'], EXIT.file, /spec asks for a model larger than the .* values the file holds .*layer 1 \(Linear\)/);
    assert.ok(process.memoryUsage().rss - before < 200e6);
  });

  it('metadata nested 100,000 deep: exit 3, not a stack overflow', async () => {
    const file = mutated(model, 'deep.safetensors', ({ metadata }) => void (metadata['nabla.spec'] = '['.repeat(100_000) + ']'.repeat(100_000)));
    await refused(['summary', file], EXIT.file, /nabla\.spec/);
  });

  const resume = (file: string, name: string) => ['train', '--resume', file, '--dataset', data, '--epochs', '2', '--out', join(dir, name), '--backend', 'ref'];
  const stateCases: [string, (s: any) => void, RegExp][] = [
    ['epoch −1000000', (s) => (s.epoch = -1000000), /nabla\.state: epoch must be an integer from 0/],
    ['optimizer "sgd2"', (s) => (s.optimizer.type = 'sgd2'), /optimizer state does not fit this run: .*sgd2/],
    ['non-numeric schedule.lastStep', (s) => (s.schedule = { type: 'StepLR', lastStep: 'soon', baseLr: 0.1, extra: {} }), /schedule\.lastStep must be an integer/],
    ['lr as a string', (s) => (s.optimizer.lr = 'fast'), /optimizer\.lr must be a finite number/],
  ];
  for (const [what, change, pattern] of stateCases) {
    it(`--resume with ${what}: exit 3 naming the field`, async () => {
      await refused(resume(withState(`state-${what.replace(/\W/g, '')}.safetensors`, change), `r-${what.replace(/\W/g, '')}`), EXIT.file, pattern);
    });
  }

  it('a duplicated tensor in the header: exit 3 with the byte offset', async () => {
    const bytes = readFileSync(model);
    const n = Number(bytes.readBigUInt64LE(0));
    const header = bytes.subarray(8, 8 + n).toString('utf8').trimEnd();
    const first = /"([^"]+)":(\{"dtype":[^}]*\})/.exec(header)!;
    const json = Buffer.from(`${header.slice(0, -1)},"${first[1]}":${first[2]}}`);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(json.length));
    const file = join(dir, 'dup.safetensors');
    writeFileSync(file, Buffer.concat([length, json, bytes.subarray(8 + n)]));
    await refused(['predict', file, png], EXIT.file, /appears twice .*file byte \d+/);
  });
});
