// Weights and checkpoints: round-trips through bytes and files, name and shape checks against
// the model, and a resumed optimizer + loader continuing exactly as an uninterrupted run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../../src/io/checkpoint.js';
import { loadCheckpoint, loadWeights, readWeights, saveCheckpoint, saveWeights, writeFileAtomic } from '../../src/io/node-file.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/io/safetensors.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../../src/io/weights.js';
import type { LayerSpec } from '../../src/layers/layer.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { Adam } from '../../src/optim/adam.js';
import { OneCycleLR } from '../../src/optim/schedules.js';
import { Rng } from '../../src/tensor/rng.js';

const SPEC: LayerSpec[] = [
  { type: 'Conv2d', inChannels: 1, outChannels: 2, kernelSize: 3 },
  { type: 'BatchNorm2d', numFeatures: 2 },
  { type: 'ReLU' },
  { type: 'Flatten' },
  { type: 'Linear', inFeatures: 2 * 3 * 3, outFeatures: 4 },
];

function model(seed: number, spec: LayerSpec[] = SPEC) {
  return sequentialFromSpec(spec, new Rng(seed));
}

function weightsOf(m: ReturnType<typeof model>): number[][] {
  return [...m.parameters(), ...m.buffers()].map((t) => Array.from(t.value.data));
}

/** A few training-like steps: random grads, optimizer + schedule step, buffers touched. */
function train(m: ReturnType<typeof model>, opt: Adam, schedule: OneCycleLR, rng: Rng, steps: number): void {
  for (let s = 0; s < steps; s++) {
    for (const p of m.parameters()) for (let k = 0; k < p.size; k++) p.grad.data[k] = rng.normal();
    opt.step();
    schedule.step();
    for (const b of m.buffers()) for (let k = 0; k < b.value.size; k++) b.value.data[k] += rng.uniform(-0.1, 0.1);
  }
}

describe('weights', () => {
  it('round-trip every parameter and buffer with the spec in the metadata', () => {
    const a = model(1);
    a.buffers()[0].value.data.set([0.5, -0.5]); // running mean, so buffers are checked too
    const bytes = encodeWeights(a);
    const decoded = decodeWeights(bytes);
    assert.deepEqual([...decoded.tensors.keys()], ['0.weight', '0.bias', '1.weight', '1.bias', '4.weight', '4.bias', '1.runningMean', '1.runningVar']);
    assert.deepEqual(decoded.spec, a.toSpec());
    const b = model(2);
    assert.notDeepEqual(weightsOf(b), weightsOf(a));
    loadWeightsInto(b, decoded.tensors);
    assert.deepEqual(weightsOf(b), weightsOf(a));
  });

  it('a checkpoint for a different model names every tensor that does not fit, and changes nothing', () => {
    const other = model(1, [
      { type: 'Conv2d', inChannels: 1, outChannels: 3, kernelSize: 3 },
      { type: 'ReLU' },
      { type: 'Flatten' },
      { type: 'Linear', inFeatures: 27, outFeatures: 4 },
    ]);
    const target = model(2);
    const before = weightsOf(target);
    assert.throws(
      () => loadWeightsInto(target, decodeWeights(encodeWeights(other)).tensors, 'other.safetensors'),
      (err: Error) => {
        assert.match(err.message, /other.safetensors does not fit this model/);
        assert.match(err.message, /missing from the file: 1.weight, 1.bias, 4.weight, 4.bias, 1.runningMean, 1.runningVar/);
        assert.match(err.message, /not in the model: 3.weight, 3.bias/);
        assert.match(err.message, /other.safetensors does not fit this model: .*; tensor 0.weight has shape \[3, 1, 3, 3\], model expects \[2, 1, 3, 3\]/);
        return true;
      },
    );
    assert.deepEqual(weightsOf(target), before, 'a failed load leaves the model untouched');
  });

  it('F64 weights load into an F32 model; integer tensors are refused by name', () => {
    const a = model(3);
    const tensors = [...a.parameters(), ...a.buffers()].map((p) => [p.name, p.value.astype('float64')] as const);
    const b = model(4);
    loadWeightsInto(b, decodeSafetensors(encodeSafetensors(tensors)).tensors);
    assert.deepEqual(weightsOf(b), weightsOf(a));
    const bad = decodeSafetensors(encodeSafetensors(tensors.map(([n, t]) => (n === '4.bias' ? [n, { dtype: 'I32', shape: [4], data: new Int32Array(4) }] : [n, t]) as any))).tensors;
    assert.throws(() => loadWeightsInto(b, bad), /tensor 4.bias: dtype I32 cannot become a Nabla tensor/);
  });
});

describe('checkpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabla-ckpt-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('resuming from a checkpoint file continues bit-identically (weights, Adam, one-cycle, RNG)', async () => {
    const total = 12;
    const straight = model(5);
    const optS = new Adam(straight.parameters(), { lr: 0.01, weightDecay: 0.01 });
    const schedS = new OneCycleLR(optS, { maxLr: 0.05, totalSteps: total });
    train(straight, optS, schedS, new Rng(6), total);

    const first = model(5);
    const optA = new Adam(first.parameters(), { lr: 0.01, weightDecay: 0.01 });
    const schedA = new OneCycleLR(optA, { maxLr: 0.05, totalSteps: total });
    const rngA = new Rng(6);
    train(first, optA, schedA, rngA, 5);
    const path = join(dir, 'run.safetensors');
    await saveCheckpoint(path, first, {
      epoch: 1,
      step: 5,
      optimizer: optA.state(),
      schedule: schedA.state(),
      rng: { train: rngA.getState() },
      history: [{ epoch: 1, loss: 0.5 }],
      extra: { note: 'half-way' },
    });

    const loaded = await loadCheckpoint(path);
    assert.equal(loaded.epoch, 1);
    assert.equal(loaded.step, 5);
    assert.deepEqual(loaded.history, [{ epoch: 1, loss: 0.5 }]);
    assert.deepEqual(loaded.extra, { note: 'half-way' });
    assert.deepEqual(loaded.spec, first.toSpec());
    const resumed = sequentialFromSpec(loaded.spec!, new Rng(99));
    const optB = new Adam(resumed.parameters(), { lr: 0.01, weightDecay: 0.01 });
    const schedB = new OneCycleLR(optB, { maxLr: 0.05, totalSteps: total });
    restoreCheckpoint(loaded, { model: resumed, optimizer: optB, schedule: schedB }, path);
    const rngB = new Rng(0);
    rngB.setState(loaded.rng!.train as ReturnType<Rng['getState']>);
    train(resumed, optB, schedB, rngB, total - 5);
    assert.deepEqual(weightsOf(resumed), weightsOf(straight));
    assert.equal(optB.lr, optS.lr);
    assert.equal(optB.momentum, optS.momentum);
    assert.deepEqual(readdirSync(dir), ['run.safetensors'], 'no temporary file left behind');
  });

  it('a checkpoint is also a weights file (optimizer tensors are skipped)', async () => {
    const m = model(7);
    const opt = new Adam(m.parameters());
    opt.step();
    const path = join(dir, 'ckpt-as-weights.safetensors');
    await saveCheckpoint(path, m, { epoch: 0, step: 1, optimizer: opt.state() });
    const n = model(8);
    const decoded = await loadWeights(path, n);
    assert.deepEqual(weightsOf(n), weightsOf(m));
    assert.equal(decoded.metadata.format, 'nabla.checkpoint/1');
    const weightsPath = join(dir, 'w.safetensors');
    await saveWeights(weightsPath, m);
    assert.deepEqual((await readWeights(weightsPath)).spec, m.toSpec());
  });

  it('refuses a weights file, broken state JSON, and optimizer tensors that do not match the state', async () => {
    const m = model(9);
    assert.throws(() => decodeCheckpoint(encodeWeights(m), 'w.safetensors'), /w.safetensors: not a Nabla checkpoint \(metadata format is "nabla.weights\/1"/);
    const opt = new Adam(m.parameters());
    opt.step();
    const good = decodeSafetensors(encodeCheckpoint(m, { epoch: 1, step: 1, optimizer: opt.state() }));
    const rebuild = (tensors: Map<string, any>, metadata: Record<string, string>) => encodeSafetensors(tensors, metadata);
    assert.throws(() => decodeCheckpoint(rebuild(good.tensors, { ...good.metadata, 'nabla.state': '{oops' }), 'c'), /c: metadata nabla.state is not valid JSON/);
    const fewer = new Map([...good.tensors].filter(([k]) => k !== 'optimizer/expAvg/0.weight'));
    assert.throws(() => decodeCheckpoint(rebuild(fewer, good.metadata), 'c'), /optimizer tensors do not match the state \(missing: expAvg\/0.weight; unlisted: none\)/);
    await assert.rejects(loadCheckpoint(join(dir, 'absent.safetensors')), /absent.safetensors: no such file/);
  });

  it('restoring into a different model says which tensors do not fit', () => {
    const m = model(10);
    const bytes = encodeCheckpoint(m, { epoch: 1, step: 1 });
    const wider = model(11, SPEC.map((l) => (l.type === 'Linear' ? { ...l, outFeatures: 10 } : l)));
    assert.throws(() => restoreCheckpoint(decodeCheckpoint(bytes), { model: wider }, 'ckpt'), /ckpt does not fit this model: tensor 4.weight has shape \[18, 4\], model expects \[18, 10\]/);
  });

  it('writeFileAtomic removes temporary files of killed writers, and keeps those of live ones', async () => {
    const path = join(dir, 'stale.bin');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    const live = process.ppid; // the test runner: alive, maybe writing
    writeFileSync(`${path}.tmp-${dead}`, 'half a checkpoint');
    writeFileSync(`${path}.tmp-${live}`, 'being written');
    writeFileSync(join(dir, `other.bin.tmp-${dead}`), 'not ours');
    await writeFileAtomic(path, new TextEncoder().encode('whole'));
    assert.equal(readFileSync(path, 'utf8'), 'whole');
    assert.ok(!existsSync(`${path}.tmp-${dead}`), 'the dead writer\'s temporary file is removed');
    assert.ok(existsSync(`${path}.tmp-${live}`), 'a live writer\'s temporary file is kept');
    assert.ok(existsSync(join(dir, `other.bin.tmp-${dead}`)), 'another file\'s temporaries are not touched');
    for (const f of [`${path}.tmp-${live}`, join(dir, `other.bin.tmp-${dead}`)]) rmSync(f);
  });

  it('writeFileAtomic replaces the file whole and leaves no temporary file; a failed write keeps the old one', async () => {
    const path = join(dir, 'atomic.bin');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new contents'));
    assert.equal(readFileSync(path, 'utf8'), 'new contents');
    await assert.rejects(writeFileAtomic(join(dir, 'no-such-dir', 'x.bin'), new Uint8Array(1)));
    assert.ok(!existsSync(join(dir, 'no-such-dir')));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), []);
  });
});
