// Regression through the library: an ImageDataset with float targets, the DataLoader serving
// them, fit with MSELoss on them, evaluate's RMSE/MAE in the target's units, predictValues
// de-standardising; and the table helpers deciding the task and checking the saved scale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImageDataset } from '../../src/data/dataset.js';
import { DataLoader } from '../../src/data/loader.js';
import { inferTask, parseTableSchema } from '../../src/data/table.js';
import { sequentialFromSpec } from '../../src/layers/spec.js';
import { Adam } from '../../src/optim/adam.js';
import { Rng } from '../../src/tensor/rng.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { fit } from '../../src/train/fit.js';
import { evaluate, predictValues } from '../../src/train/metrics.js';

/** y = 10 + 4·(x0 − 2·x1) + noise·N(0,1), target standardised with its own mean and std. */
function linearData(n: number, seed: number, noise: number): { data: ImageDataset; y: number[] } {
  const rng = new Rng(seed);
  const x = new Float32Array(n * 2);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    x[2 * i] = rng.next() * 2 - 1;
    x[2 * i + 1] = rng.next() * 2 - 1;
    y.push(10 + 4 * (x[2 * i] - 2 * x[2 * i + 1]) + noise * (rng.next() - 0.5) * Math.sqrt(12));
  }
  const mean = 10;
  const std = 5;
  const targets = Float32Array.from(y, (v) => (v - mean) / std);
  return { data: new ImageDataset({ name: 'linear', images: x, labels: new Int32Array(n), imageShape: [2, 1, 1], numClasses: 1, targets, targetScale: { mean, std } }), y };
}

describe('regression datasets, fit and evaluate', () => {
  it('subset and the DataLoader carry the targets; a dataset with the wrong target count is refused', () => {
    const { data } = linearData(10, 1, 0);
    const sub = data.subset(Int32Array.from([3, 7]));
    assert.deepEqual(Array.from(sub.targets!), [data.targets![3], data.targets![7]]);
    assert.deepEqual(sub.targetScale, { mean: 10, std: 5 });
    const [batch] = new DataLoader(data, { batchSize: 4 });
    assert.deepEqual(Array.from(batch.t!), Array.from(data.targets!.subarray(0, 4)));
    assert.throws(() => new ImageDataset({ name: 'bad', images: new Float32Array(4), labels: new Int32Array(2), imageShape: [2, 1, 1], numClasses: 1, targets: new Float32Array(3) }), /bad: regression needs one target per sample \(2\)/);
    assert.throws(() => new ImageDataset({ name: 'bad', images: new Float32Array(4), labels: new Int32Array(2), imageShape: [2, 1, 1], numClasses: 2, targets: new Float32Array(2) }), /one output \(numClasses 1\)/);
  });

  it('fit with the default MSELoss learns a linear rule: RMSE in the target units near the noise, MAE ≤ RMSE, history with RMSE', async () => {
    const noise = 0.3;
    const { data: train } = linearData(400, 1, noise);
    const { data: test, y } = linearData(200, 2, noise);
    const model = sequentialFromSpec([{ type: 'Flatten' }, { type: 'Linear', inFeatures: 2, outFeatures: 16 }, { type: 'ReLU' }, { type: 'Linear', inFeatures: 16, outFeatures: 1 }], new Rng(0));
    const before = evaluate(model, test);
    const result = await fit(model, { optimizer: new Adam(model.parameters(), { lr: 0.02 }), train, validation: test, epochs: 40, batchSize: 32 });
    const after = evaluate(model, test);
    assert.ok(Number.isNaN(after.accuracy) && after.confusion.length === 0, 'no accuracy for a regression');
    assert.ok(after.rmse! < before.rmse! / 4, `RMSE ${before.rmse} → ${after.rmse}`);
    assert.ok(after.rmse! < 2 * noise, `RMSE ${after.rmse} near the noise ${noise}`);
    assert.ok(after.mae! <= after.rmse!);
    const last = result.history.at(-1)!;
    assert.equal(last.trainAccuracy, undefined);
    assert.ok(Math.abs(last.valRmse! - after.rmse!) < 1e-9, 'valRmse is evaluate\'s RMSE');
    assert.ok(Math.abs(Math.sqrt(after.loss) * 5 - after.rmse!) < 1e-4, 'the loss is the MSE on the standardised target');
    const x = new Tensor(test.images, [test.length, 2, 1, 1]);
    const values = predictValues(model, x, test.targetScale!);
    const rmse = Math.sqrt(values.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length);
    assert.ok(Math.abs(rmse - after.rmse!) < 1e-3, `de-standardised predictions give the same RMSE: ${rmse} vs ${after.rmse}`);
  });

  it('inferTask: many numbers or non-integer numbers are regression; text and a few integer codes are classes', () => {
    assert.equal(inferTask(Array.from({ length: 30 }, (_, i) => String(i))).task, 'regression');
    assert.equal(inferTask(['1.5', '2.25', '3.75']).task, 'regression');
    assert.equal(inferTask(['1', '2', '3', '2', '1']).task, 'classification');
    assert.match(inferTask(['1', '2', '3']).why, /integers with only 3 distinct values/);
    assert.equal(inferTask(['cat', 'dog', '3']).task, 'classification');
  });

  it('a saved regression schema is checked: task, targetMean, targetStd', () => {
    const bad = (field: string, expected: string): never => {
      throw new Error(`${field} must be ${expected}`);
    };
    const columns = [{ name: 'a', kind: 'numeric', mean: 0, std: 1 }];
    assert.deepEqual(parseTableSchema({ target: 'y', task: 'regression', targetMean: 2, targetStd: 3, columns }, bad), { target: 'y', task: 'regression', targetMean: 2, targetStd: 3, columns });
    assert.throws(() => parseTableSchema({ target: 'y', task: 'regression', targetMean: 2, targetStd: 0, columns }, bad), /table.targetStd must be a finite number > 0/);
    assert.throws(() => parseTableSchema({ target: 'y', task: 'regression', columns }, bad), /table.targetMean/);
    assert.throws(() => parseTableSchema({ target: 'y', task: 'ranking', columns }, bad), /table.task/);
  });
});
