// fit / evaluate / predict: real learning on an MNIST subset, bit-identical resume, early
// stopping, non-finite errors that name the layer, and the history files.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImageDataset } from '../../src/data/dataset.js';
import { loadEmbeddedMnist } from '../../src/data/mnist.js';
import { loadCheckpoint } from '../../src/io/node-file.js';
import type { Layer, LayerSpec, Mode } from '../../src/layers/layer.js';
import { Sequential } from '../../src/layers/sequential.js';
import { apply, Graph, input } from '../../src/layers/graph.js';
import { walkModules } from '../../src/layers/container.js';
import { Add } from '../../src/layers/merge.js';
import { Conv2d } from '../../src/layers/conv2d.js';
import { Linear } from '../../src/layers/linear.js';
import { Flatten } from '../../src/layers/flatten.js';
import { ReLU } from '../../src/layers/activations.js';
import { modelFromSpec, sequentialFromSpec } from '../../src/layers/spec.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../../src/io/weights.js';
import { Adam } from '../../src/optim/adam.js';
import { OneCycleLR } from '../../src/optim/schedules.js';
import { SGD } from '../../src/optim/sgd.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { EarlyStopping, type EpochRecord, historyToCsv, type TrainContext } from '../../src/train/callbacks.js';
import { fit, NonFiniteError } from '../../src/train/fit.js';
import { evaluate, predict } from '../../src/train/metrics.js';
import { BestModelSaver, CheckpointSaver, MetricLogger } from '../../src/train/node-callbacks.js';

let train: ImageDataset;
let heldOut: ImageDataset;
const dir = mkdtempSync(join(tmpdir(), 'nabla-fit-'));

before(async () => {
  const [t, h] = await loadEmbeddedMnist();
  train = t.subset(Int32Array.from({ length: 2000 }, (_, i) => i));
  heldOut = h.subset(Int32Array.from({ length: 1000 }, (_, i) => i));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const MLP: LayerSpec[] = [
  { type: 'Flatten' },
  { type: 'Linear', inFeatures: 784, outFeatures: 32 },
  { type: 'ReLU' },
  { type: 'Linear', inFeatures: 32, outFeatures: 10 },
];

/** A small residual CNN as a Graph spec, sizes inferred from the input. */
const RESIDUAL_CNN = {
  type: 'Graph',
  nodes: [
    { name: 'stem', type: 'Conv2d', outChannels: 8, kernelSize: 3, stride: 2, padding: 1 },
    { name: 'bn', type: 'BatchNorm2d' },
    { name: 'relu', type: 'ReLU' },
    { name: 'block', type: 'Residual', body: { type: 'Sequential', layers: [{ type: 'Conv2d', outChannels: 8, kernelSize: 3, padding: 1 }, { type: 'BatchNorm2d' }, { type: 'ReLU' }] } },
    { name: 'pool', type: 'AvgPool2d', kernelSize: 2 },
    { name: 'flat', type: 'Flatten' },
    { name: 'fc', type: 'Linear', outFeatures: 10 },
  ],
} as LayerSpec;

describe('fit on real digits', () => {
  it('a residual Graph model trains with fit, and its saved weights rebuild the same model', async () => {
    const model = modelFromSpec(RESIDUAL_CNN, { rng: new Rng(2), inputShape: [1, 1, 28, 28] });
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    await fit(model, { optimizer, train, epochs: 2, batchSize: 50, seed: 2 });
    const after = evaluate(model, heldOut);
    assert.ok(after.accuracy > 0.85, `held-out accuracy ${after.accuracy} (chance is 0.1)`);
    const again = modelFromSpec(model.toSpec(), { rng: new Rng(99) });
    loadWeightsInto(again, decodeWeights(encodeWeights(model)).tensors);
    const x = heldOut.subset(Int32Array.from({ length: 5 }, (_, i) => i));
    const batch = new Tensor(Float32Array.from(x.images.subarray(0, 5 * 784)), [5, 1, 28, 28]);
    assert.deepEqual(Array.from(again.forward(batch, 'eval').data), Array.from(model.forward(batch, 'eval').data));
  });

  it('an MLP trained for 3 epochs on 2,000 MNIST digits classifies 1,000 held-out digits far above chance', async () => {
    const model = sequentialFromSpec(MLP, new Rng(1));
    const before = evaluate(model, heldOut);
    const optimizer = new Adam(model.parameters(), { lr: 0.002 });
    const result = await fit(model, { optimizer, train, validation: heldOut, epochs: 3, batchSize: 32, seed: 1 });
    const after = evaluate(model, heldOut);
    assert.ok(before.accuracy < 0.25, `untrained accuracy ${before.accuracy}`);
    assert.ok(after.accuracy > 0.85, `held-out accuracy ${after.accuracy} (chance is 0.1)`);
    assert.equal(result.history.length, 3);
    assert.equal(result.steps, 3 * Math.ceil(2000 / 32));
    assert.equal(result.history[2].valAccuracy, after.accuracy);
    // confusion matrix and per-class accuracy agree with the accuracy
    const total = after.confusion.flat().reduce((a, b) => a + b, 0);
    const diagonal = after.confusion.reduce((s, row, k) => s + row[k], 0);
    assert.equal(total, 1000);
    assert.equal(diagonal / total, after.accuracy);
    after.confusion.forEach((row, k) => assert.equal(after.perClassAccuracy[k], row[k] / row.reduce((a, b) => a + b, 0)));
    // predict: probabilities whose argmax matches evaluate's predictions
    const probs = predict(model, heldOut.head(20));
    for (let i = 0; i < 20; i++) {
      const row = Array.from(probs.data.subarray(i * 10, i * 10 + 10));
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    }
  });
});

/** A small model with everything that carries state: BatchNorm buffers, Dropout's rng. */
const STATEFUL: LayerSpec[] = [
  { type: 'Conv2d', inChannels: 1, outChannels: 3, kernelSize: 3, stride: 2 },
  { type: 'BatchNorm2d', numFeatures: 3 },
  { type: 'ReLU' },
  { type: 'MaxPool2d', kernelSize: 2 },
  { type: 'Flatten' },
  { type: 'Dropout', p: 0.3 },
  { type: 'Linear', inFeatures: 3 * 6 * 6, outFeatures: 10 },
];

function snapshot(model: Sequential): number[][] {
  return [...model.parameters(), ...model.buffers()].map((t) => Array.from(t.value.data));
}

function withoutTimes(history: EpochRecord[]): Omit<EpochRecord, 'seconds'>[] {
  return history.map(({ seconds: _s, ...rest }) => rest);
}

describe('resume', () => {
  it('2 epochs, a checkpoint, a fresh process-like restart and 2 more epochs equal 4 epochs straight, bit for bit', async () => {
    const data = train.subset(Int32Array.from({ length: 300 }, (_, i) => i));
    const val = heldOut.subset(Int32Array.from({ length: 100 }, (_, i) => i));
    const batchSize = 32;
    const totalSteps = 4 * Math.ceil(300 / batchSize);
    const setup = (initSeed: number) => {
      const model = sequentialFromSpec(STATEFUL, new Rng(initSeed));
      const optimizer = new Adam(model.parameters(), { lr: 0.01 });
      const schedule = new OneCycleLR(optimizer, { maxLr: 0.01, totalSteps });
      return { model, optimizer, schedule };
    };
    const common = { train: data, validation: val, batchSize, seed: 5, augment: { maxShift: 2, horizontalFlip: true } };

    const straight = setup(3);
    const full = await fit(straight.model, { ...common, ...straight, epochs: 4 });

    const first = setup(3);
    const path = join(dir, 'resume.safetensors');
    const saver = new CheckpointSaver(path);
    const stopAfter2 = { onEpochEnd: (ctx: TrainContext) => void (ctx.epoch === 2 && ((ctx.stopTraining = true), (ctx.stopReason = 'interrupted'))) };
    const part1 = await fit(first.model, { ...common, ...first, epochs: 4, callbacks: [saver, stopAfter2] });
    assert.equal(part1.epochs, 2);
    assert.equal(saver.lastSavedEpoch, 2);

    const second = setup(99); // different initial weights and dropout rng: everything must come from the checkpoint
    const checkpoint = await loadCheckpoint(path);
    assert.equal(checkpoint.epoch, 2);
    const part2 = await fit(second.model, { ...common, ...second, epochs: 4, resume: checkpoint });

    assert.equal(part2.steps, full.steps);
    assert.deepEqual(snapshot(second.model), snapshot(straight.model));
    assert.deepEqual(withoutTimes(part2.history), withoutTimes(full.history));
    assert.deepEqual(second.optimizer.state().tensors, straight.optimizer.state().tensors);
  });

  it('refuses a checkpoint made with another batch size', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const model = sequentialFromSpec(MLP, new Rng(0));
    const path = join(dir, 'bs.safetensors');
    await fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, epochs: 1, batchSize: 16, callbacks: [new CheckpointSaver(path)] });
    const checkpoint = await loadCheckpoint(path);
    const again = sequentialFromSpec(MLP, new Rng(0));
    await assert.rejects(
      fit(again, { optimizer: new SGD(again.parameters(), { lr: 0.01 }), train: data, epochs: 2, batchSize: 32, resume: checkpoint }),
      /batch size 16 on 64 samples, this run has 32/,
    );
  });
});

describe('early stopping', () => {
  it('stops after `patience` epochs without a better validation loss', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const model = sequentialFromSpec(MLP, new Rng(0));
    // lr 0: the validation loss never changes, so it never improves after epoch 1
    const result = await fit(model, {
      optimizer: new SGD(model.parameters(), { lr: 0 }),
      train: data,
      validation: data,
      epochs: 10,
      batchSize: 32,
      callbacks: [new EarlyStopping({ patience: 2 })],
    });
    assert.equal(result.epochs, 3);
    assert.match(result.stopReason ?? '', /early stopping: valLoss has not improved for 2 epochs \(best .* at epoch 1\)/);
  });

  it('counts improvements by minDelta and in the right direction for accuracies', () => {
    const stopper = new EarlyStopping({ monitor: 'valAccuracy', patience: 2, minDelta: 0.01 });
    const ctx = { stopTraining: false, stopReason: null } as unknown as TrainContext;
    const record = (epoch: number, valAccuracy: number) => ({ epoch, step: 0, lr: 0, trainLoss: 0, trainAccuracy: 0, valAccuracy, seconds: 0 });
    stopper.onEpochEnd(ctx, record(1, 0.5));
    stopper.onEpochEnd(ctx, record(2, 0.6)); // better by 0.1
    stopper.onEpochEnd(ctx, record(3, 0.605)); // better, but by less than minDelta
    assert.equal(ctx.stopTraining, false);
    stopper.onEpochEnd(ctx, record(4, 0.4));
    assert.equal(ctx.stopTraining, true);
    assert.equal(stopper.bestEpoch, 2);
  });
});

/** Identity forward whose backward returns NaN: a broken hand-written layer. */
class NaNGradient implements Layer {
  readonly name = 'NaNGradient';
  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
  forward(x: Tensor, _mode: Mode): Tensor {
    return x;
  }
  backward(dy: Tensor): Tensor {
    return Tensor.full(dy.shape, NaN, dy.dtype);
  }
  parameters() {
    return [];
  }
  buffers() {
    return [];
  }
  toSpec(): LayerSpec {
    return { type: 'NaNGradient' };
  }
}

describe('non-finite training', () => {
  it('names the step and the layer whose output overflowed', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const model = sequentialFromSpec(MLP, new Rng(0));
    model.parameters()[0].value.data.fill(1e38); // 0.weight → Σ x·w overflows float32
    await assert.rejects(fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, epochs: 1, batchSize: 32 }), (err: unknown) => {
      assert.ok(err instanceof NonFiniteError);
      assert.equal(err.step, 1);
      assert.equal(err.layer, 'layer 1 (Linear)');
      assert.match(err.message, /step 1 \(epoch 1, batch 1\): the loss is NaN; first at layer 1 \(Linear\): its output went non-finite/);
      return true;
    });
  });

  it('names a layer whose parameters an earlier update made non-finite', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const model = sequentialFromSpec(MLP, new Rng(0));
    model.parameters()[2].value.data[5] = NaN; // 3.weight
    await assert.rejects(fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, epochs: 1, batchSize: 32 }), /first at layer 3 \(Linear\): parameter 3\.weight holds non-finite values/);
  });

  it('with clipNorm, a non-finite gradient is caught at its step and traced to the layer that produced it', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const inner = sequentialFromSpec(MLP, new Rng(0));
    const model = new Sequential([...inner.layers.slice(0, 3), new NaNGradient(), inner.layers[3]]);
    await assert.rejects(
      fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, epochs: 1, batchSize: 32, clipNorm: 1 }),
      /step 1 \(epoch 1, batch 1\): the gradient norm is NaN; first at layer 3 \(NaNGradient\): its input gradient went non-finite/,
    );
  });
});

describe('non-finite input', () => {
  it('a NaN or Infinity pixel stops training at its batch, naming the sample (before: ReLU hid it and the weights went NaN)', async () => {
    for (const bad of [NaN, Infinity]) {
      // Bytes cannot hold NaN: a dataset of floats can (tables, or images given as floats).
      const bytes = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
      const data = new ImageDataset({ name: bytes.name, images: bytes.images.slice(), labels: bytes.labels, imageShape: bytes.imageShape, numClasses: bytes.numClasses });
      data.images[40 * 784 + 300] = bad; // one pixel of sample 40; the loader shuffles, so the batch is found, not assumed
      const model = sequentialFromSpec(MLP, new Rng(0));
      await assert.rejects(fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, epochs: 1, batchSize: 32 }), (err: unknown) => {
        assert.ok(err instanceof NonFiniteError);
        const m = new RegExp(`non-finite input at step (\\d) \\(epoch 1, batch (\\d)\\): the batch's value (\\d+) \\(sample (\\d+)\\) is ${bad}; the data hold NaN or ±Infinity`).exec(err.message);
        assert.ok(m, err.message);
        assert.equal(m[1], m[2]);
        assert.equal(Number(m[3]) % 784, 300, 'the pixel within its sample');
        assert.equal(Math.floor(Number(m[3]) / 784), Number(m[4]));
        return true;
      });
      assert.ok(model.parameters().every((p) => p.value.data.every(Number.isFinite)), 'no update took the bad batch');
    }
  });
});

describe('what fit refuses before it saves or starts', () => {
  const data = () => train.subset(Int32Array.from({ length: 64 }, (_, i) => i));

  it('a last step that makes a weight non-finite stops fit before any callback sees the epoch (no checkpoint or best model with NaN)', async () => {
    const model = sequentialFromSpec(MLP, new Rng(0));
    let epochEnds = 0;
    const watcher = { onEpochEnd: () => { epochEnds++; } };
    // One batch, one step: its loss is finite, its update (lr 1e300) is not.
    await assert.rejects(fit(model, { optimizer: new SGD(model.parameters(), { lr: 1e300 }), train: data(), epochs: 2, batchSize: 64, callbacks: [watcher] }),
      (err: unknown) => err instanceof NonFiniteError && /non-finite weights after epoch 1 \(step 1\): \d\.weight\[\d+\] is (-?Infinity|NaN); nothing of this epoch was saved/.test(err.message));
    assert.equal(epochEnds, 0);
  });

  it('a NaN in the validation data is refused naming its sample, and BestModelSaver never takes a NaN loss as its best', async () => {
    const held = data();
    const bad = new ImageDataset({ name: 'val', images: Float32Array.from(held.images, (v) => v / 255), labels: held.labels, imageShape: held.imageShape, numClasses: 10 });
    bad.images[7 * 784 + 3] = NaN;
    const model = sequentialFromSpec(MLP, new Rng(0));
    assert.throws(() => evaluate(model, bad), /val: sample 7 holds NaN \(input value 3\); evaluating needs finite inputs/);
    const saver = new BestModelSaver(join(dir, 'best-nan.safetensors'));
    await saver.onEpochEnd({ model } as unknown as TrainContext, { epoch: 1, step: 1, lr: 0.1, trainLoss: 1, valLoss: NaN, seconds: 0 });
    assert.equal(saver.best, null);
    assert.equal(existsSync(join(dir, 'best-nan.safetensors')), false);
  });

  it('options the first evaluation would refuse are refused before the first epoch; bad augment values even where they would do nothing', async () => {
    const model = sequentialFromSpec(MLP, new Rng(0));
    const optimizer = new SGD(model.parameters(), { lr: 0.01 });
    const small = new ImageDataset({ name: 'small', images: new Float32Array(4 * 14 * 14), labels: new Int32Array(4), imageShape: [1, 14, 14], numClasses: 10 });
    const cases: [Partial<Parameters<typeof fit>[1]>, RegExp][] = [
      [{ evalBatchSize: 0, validation: data() }, /fit: evalBatchSize must be a positive integer, got 0/],
      [{ validation: small }, /fit: small holds samples of \[1, 14, 14\], .* of \[1, 28, 28\]/],
      [{ evalTta: 'bogus' as never, validation: data() }, /fit: unknown evalTta 'bogus'/],
      [{ callbacks: [new EarlyStopping()] }, /fit: a callback monitors valLoss, and this run has no validation data/],
      [{ callbacks: [new BestModelSaver(join(dir, 'b.safetensors'))] }, /BestModelSaver keeps the epoch of the lowest valLoss, and this run has no validation data/],
      [{ augment: { maxShift: -1 } }, /augment: maxShift must be an integer ≥ 0, got -1/],
      [{ augment: { rotate: NaN } }, /augment: rotate must be from 0 to 180 degrees, got NaN/],
      [{ augment: { jitter: -0.5 } }, /augment: jitter must be in \[0, 1\), got -0.5/],
    ];
    for (const [extra, pattern] of cases) {
      let steps = 0;
      const counter = { onBatchEnd: () => { steps++; } };
      await assert.rejects(fit(model, { optimizer, train: data(), epochs: 1, batchSize: 32, ...extra, callbacks: [...(extra.callbacks ?? []), counter] }), pattern);
      assert.equal(steps, 0, `${pattern}: refused before the first step`);
    }
    assert.throws(() => new EarlyStopping({ monitor: 'val_loss' as never }), /EarlyStopping: unknown monitor 'val_loss' \(known: valLoss, valAccuracy, trainLoss, trainAccuracy\)/);
    await assert.rejects(fit(model, { optimizer, epochs: 1 } as never), /fit: options\.train \(the training ImageDataset\) is missing/);
    await assert.rejects(fit(model, { train: data(), epochs: 1 } as never), /fit: options\.optimizer .* is missing/);
    await assert.rejects(fit(model, undefined as never), /fit: options must be an object/);
  });
});

describe('non-finite training in a Graph', () => {
  const data = () => train.subset(Int32Array.from({ length: 64 }, (_, i) => i));

  it('names the nested layer of a residual Graph by its path, and leaves the layers as they were', async () => {
    const model = modelFromSpec(RESIDUAL_CNN, { rng: new Rng(2), inputShape: [1, 1, 28, 28] });
    const conv = model.parameters().find((p) => p.name === 'block.body.0.weight');
    assert.ok(conv, model.parameters().map((p) => p.name).join(', '));
    conv.value.data[3] = Infinity;
    await assert.rejects(fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data(), epochs: 1, batchSize: 32 }), (err: unknown) => {
      assert.ok(err instanceof NonFiniteError);
      assert.equal(err.layer, 'layer block.body.0 (Conv2d)');
      assert.match(err.message, /first at layer block\.body\.0 \(Conv2d\): parameter block\.body\.0\.weight holds non-finite values/);
      return true;
    });
    const leaves = [...walkModules(model)].map(({ module }) => module);
    assert.deepEqual(leaves.filter((m) => Object.hasOwn(m, 'forward') || Object.hasOwn(m, 'backward')).map((m) => m.name), [], 'the diagnosis restores every layer');
  });

  it('traces a non-finite gradient to the graph node that produced it', async () => {
    const rng = new Rng(0);
    const x = input();
    const h = x.then(new Conv2d(1, 4, 3, { padding: 1, rng }), 'conv').then(new ReLU(), 'relu');
    const y = apply(new Add(), [h, h.then(new NaNGradient(), 'bad')], 'sum').then(new Flatten(), 'flat').then(new Linear(4 * 28 * 28, 10, { rng }), 'fc');
    const model = new Graph(x, y);
    await assert.rejects(
      fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data(), epochs: 1, batchSize: 32, clipNorm: 1 }),
      /the gradient norm is NaN; first at layer bad \(NaNGradient\): its input gradient went non-finite/,
    );
  });
});

describe('history files', () => {
  it('MetricLogger writes the history as JSON and CSV after every epoch', async () => {
    const data = train.subset(Int32Array.from({ length: 64 }, (_, i) => i));
    const model = sequentialFromSpec(MLP, new Rng(0));
    const logger = new MetricLogger(join(dir, 'logs', 'history'));
    const result = await fit(model, { optimizer: new SGD(model.parameters(), { lr: 0.01 }), train: data, validation: data, epochs: 2, batchSize: 32, callbacks: [logger] });
    const json = JSON.parse(readFileSync(logger.jsonPath, 'utf8')) as EpochRecord[];
    assert.deepEqual(json, result.history);
    const lines = readFileSync(logger.csvPath, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'epoch,step,lr,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds');
    assert.equal(lines.length, 3);
    const cells = lines[2].split(',');
    assert.equal(Number(cells[0]), 2);
    assert.equal(Number(cells[1]), 4);
    assert.equal(Number(cells[5]), result.history[1].valLoss);
  });

  it('historyToCsv leaves validation cells empty when there was no validation', () => {
    const csv = historyToCsv([{ epoch: 1, step: 10, lr: 0.1, trainLoss: 0.5, trainAccuracy: 0.8, seconds: 1.5 }]);
    assert.equal(csv, 'epoch,step,lr,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds\n1,10,0.1,0.5,0.8,,,1.5\n');
  });
});
