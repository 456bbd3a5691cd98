// SPDX-License-Identifier: MIT
// Evaluation and prediction: eval-mode forward passes in batches, the loss, accuracy, per-class
// accuracy and the confusion matrix (rows: true class, columns: predicted class).
import type { ImageDataset } from '../data/dataset.js';
import { inFrame, keepResident } from '../kernels/index.js';
import type { Layer } from '../layers/layer.js';
import { MSELoss } from '../losses/mse.js';
import { SoftmaxCrossEntropy } from '../losses/softmax-cross-entropy.js';
import { softmax } from '../losses/softmax.js';
import { formatShape, Tensor } from '../tensor/tensor.js';

/** A loss over a model's output and the batch's targets: `forward(pred, target)` gives the value, `backward()` dL/dpred. */
export interface Loss<Target> {
  forward(prediction: Tensor, target: Target): number;
  backward(): Tensor;
}

/** A loss over logits [N, K] and integer class labels [N] (SoftmaxCrossEntropy is one). */
export type ClassificationLoss = Loss<Int32Array>;
/** A loss over predictions [N, 1] and standardised float targets [N] (MSELoss is one). */
export type RegressionLoss = Loss<Float32Array>;
/** Either; fit and evaluate hand it the dataset's targets (floats for regression, else classes). */
export type TrainLoss = ClassificationLoss | RegressionLoss;

export interface Evaluation {
  count: number;
  /** Mean loss per sample. */
  loss: number;
  /** Fraction of samples (of pixels, for label maps: pixel accuracy) predicted right. */
  accuracy: number;
  /** Accuracy among the samples of each true class (NaN for a class with no samples). */
  perClassAccuracy: number[];
  /** confusion[t][p]: samples of true class t predicted as p. */
  confusion: number[][];
  classNames: string[];
  /** Regression only: root mean squared and mean absolute error in the target's units (accuracy is NaN, no confusion matrix). */
  rmse?: number;
  mae?: number;
}

export interface EvaluateOptions {
  batchSize?: number;
  /** Default: SoftmaxCrossEntropy with mean reduction (MSELoss for a regression dataset). */
  loss?: TrainLoss;
  /**
   * Test-time augmentation: 'flip' scores each image as the mean of the model's outputs for it and
   * for its mirror image (flipped along W; label-map logits [N, K, H, W] are flipped back first), so
   * the loss and the predicted class both come from that mean. Default 'none'.
   */
  tta?: Tta;
}

export const TTA_KINDS = ['none', 'flip'] as const;
export type Tta = (typeof TTA_KINDS)[number];

/** A copy of x [N, C, H, W] mirrored along W (the last axis). */
export function flipWidth(x: Tensor): Tensor {
  if (x.rank !== 4) throw new Error(`flipWidth: expected images [N, C, H, W], got ${formatShape(x.shape)}`);
  const W = x.shape[3];
  const out = Tensor.zeros(x.shape, x.dtype);
  for (let row = 0; row < x.size; row += W) {
    for (let w = 0; w < W; w++) out.data[row + w] = x.data[row + W - 1 - w];
  }
  return out;
}

/**
 * The model's eval-mode output for a batch, under test-time augmentation: with 'flip', the mean of
 * the outputs for x and for x mirrored along W (a label map's logits mirrored back before the mean).
 */
export function forwardTta(model: Layer, x: Tensor, tta: Tta = 'none'): Tensor {
  if (tta === 'none') return model.forward(x, 'eval');
  if (tta !== 'flip') throw new Error(`test-time augmentation: unknown kind '${tta}' (known: ${TTA_KINDS.join(', ')})`);
  if (x.rank !== 4) throw new Error(`test-time augmentation 'flip' mirrors images [N, C, H, W]; this input is ${formatShape(x.shape)}`);
  const plain = model.forward(x, 'eval');
  let mirrored = model.forward(flipWidth(x), 'eval');
  if (mirrored.rank !== plain.rank || mirrored.shape.some((d, i) => d !== plain.shape[i])) {
    throw new Error(`test-time augmentation: the model outputs ${formatShape(plain.shape)} for the images but ${formatShape(mirrored.shape)} for their mirror images`);
  }
  if (mirrored.rank === 4 && mirrored.shape[3] === x.shape[3]) mirrored = flipWidth(mirrored); // label maps: back to the images' orientation
  const out = Tensor.zeros(plain.shape, plain.dtype);
  for (let i = 0; i < out.size; i++) out.data[i] = 0.5 * (plain.data[i] + mirrored.data[i]);
  return out;
}

/** The targets of a batch as the loss takes them: the float targets of a regression dataset, else the class labels. */
export function lossTargets(labels: Int32Array, targets: Float32Array | null): Int32Array | Float32Array {
  return targets ?? labels;
}

/** The value of `loss` on a batch (a union of losses cannot be called directly in TypeScript). */
export function lossForward(loss: TrainLoss, prediction: Tensor, target: Int32Array | Float32Array): number {
  return (loss as Loss<Int32Array | Float32Array>).forward(prediction, target);
}

/** Index of the largest value in each row of [N, K] logits. */
export function argmaxRows(logits: Tensor): Int32Array {
  const [n, k] = logits.shape;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (logits.data[i * k + j] > logits.data[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

/**
 * The predicted class of each row of [N, K] logits, or of each pixel of [N, K, H, W] logits
 * (argmax over dim 1; [N·H·W], sample after sample, as segmentation labels are stored).
 */
export function argmaxClasses(logits: Tensor): Int32Array {
  if (logits.rank === 2) return argmaxRows(logits);
  const [N, K] = logits.shape;
  const S = logits.size / Math.max(N * K, 1);
  const out = new Int32Array(N * S);
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      const at = (k: number) => logits.data[(n * K + k) * S + s];
      let best = 0;
      for (let k = 1; k < K; k++) if (at(k) > at(best)) best = k;
      out[n * S + s] = best;
    }
  }
  return out;
}

/** Checks that a model's output fits a dataset: logits [B, numClasses] (or [B, numClasses, H, W] for label maps [H, W]). */
export function checkLogits(logits: Tensor, batch: number, data: { name: string; numClasses: number; labelShape?: readonly number[] }): void {
  const expected = [batch, data.numClasses, ...(data.labelShape ?? [])];
  if (logits.rank !== expected.length || expected.some((d, i) => logits.shape[i] !== d)) {
    const what = expected.length > 2 ? 'one per class and pixel' : 'one per class';
    throw new Error(
      `the model outputs ${formatShape(logits.shape)} for a batch of ${batch}, but ${data.name} needs logits ${formatShape(expected)} (${what})`,
    );
  }
}

/** The images of samples [start, end) as one tensor [B, C, H, W] (a view of floats; bytes normalised now). */
export function datasetSlice(data: ImageDataset, start: number, end: number): Tensor {
  const x = data.slice(start, end);
  // A NaN or ±Infinity input would make the loss NaN and every metric meaningless: refuse it by name.
  const values = x.data;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const perSample = values.length / (end - start);
      throw new Error(`${data.name}: sample ${start + Math.floor(i / perSample)} holds ${values[i]} (input value ${i % perSample}); evaluating needs finite inputs`);
    }
  }
  return x;
}

/** Loss, accuracy, per-class accuracy and confusion matrix of the model (eval mode) on a dataset. */
export function evaluate(model: Layer, data: ImageDataset, options: EvaluateOptions = {}): Evaluation {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`evaluate: batchSize must be a positive integer, got ${batchSize}`);
  if (data.length === 0) throw new Error(`evaluate: ${data.name} is empty`);
  const tta = options.tta ?? 'none';
  if (!TTA_KINDS.includes(tta)) throw new Error(`evaluate: unknown test-time augmentation '${tta}' (known: ${TTA_KINDS.join(', ')})`);
  keepResident(model.parameters().map((p) => p.value)); // the weights stay where the kernels read them
  if (data.targets) return evaluateRegression(model, data, data.targets, batchSize, options.loss ?? new MSELoss(), tta);
  const loss = options.loss ?? new SoftmaxCrossEntropy();
  const K = data.numClasses;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < data.length; start += batchSize) {
    const end = Math.min(data.length, start + batchSize);
    const labels = data.labels.subarray(start * data.labelSize, end * data.labelSize);
    const predicted = inFrame(() => { // one frame per batch: only numbers leave it
      const logits = forwardTta(model, datasetSlice(data, start, end), tta);
      checkLogits(logits, end - start, data);
      lossSum += lossForward(loss, logits, labels) * (end - start);
      return argmaxClasses(logits);
    });
    for (let i = 0; i < labels.length; i++) {
      confusion[labels[i]][predicted[i]]++;
      if (labels[i] === predicted[i]) correct++;
    }
  }
  const perClassAccuracy = confusion.map((row, k) => row[k] / row.reduce((a, b) => a + b, 0));
  return { count: data.length, loss: lossSum / data.length, accuracy: correct / data.labels.length, perClassAccuracy, confusion, classNames: data.classNames };
}

/** Regression: the loss on the standardised targets, and RMSE and MAE in the target's units. */
function evaluateRegression(model: Layer, data: ImageDataset, targets: Float32Array, batchSize: number, loss: TrainLoss, tta: Tta): Evaluation {
  const std = data.targetScale?.std ?? 1;
  let lossSum = 0;
  let squared = 0;
  let absolute = 0;
  for (let start = 0; start < data.length; start += batchSize) {
    const end = Math.min(data.length, start + batchSize);
    inFrame(() => { // one frame per batch: only numbers leave it
      const out = forwardTta(model, datasetSlice(data, start, end), tta);
      checkLogits(out, end - start, data);
      const t = targets.subarray(start, end);
      lossSum += lossForward(loss, out, t) * (end - start);
      for (let i = 0; i < t.length; i++) {
        const e = (out.data[i] - t[i]) * std;
        squared += e * e;
        absolute += Math.abs(e);
      }
    });
  }
  const n = data.length;
  return { count: n, loss: lossSum / n, accuracy: NaN, perClassAccuracy: [], confusion: [], classNames: data.classNames, rmse: Math.sqrt(squared / n), mae: absolute / n };
}

/** The model's outputs [N, 1] (eval mode) for inputs x [N, ...], de-standardised: out · std + mean. */
export function predictValues(model: Layer, x: Tensor, scale: { mean: number; std: number }, batchSize = 500): Float64Array {
  const n = x.shape[0];
  const per = x.size / Math.max(n, 1);
  const values = new Float64Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const out = model.forward(new Tensor(x.data.subarray(start * per, end * per), [end - start, ...x.shape.slice(1)]), 'eval');
    if (out.rank !== 2 || out.shape[0] !== end - start || out.shape[1] !== 1) {
      throw new Error(`predict: the model outputs ${formatShape(out.shape)} for ${end - start} inputs; a regression model outputs [${end - start}, 1]`);
    }
    for (let i = 0; i < end - start; i++) values[start + i] = out.data[i] * scale.std + scale.mean;
  }
  return values;
}

/** Class probabilities [N, K] (eval mode, softmax of the logits) for inputs x [N, ...]. */
export function predict(model: Layer, x: Tensor, batchSize = 500): Tensor {
  if (x.rank < 2) throw new Error(`predict: expected a batch [N, ...], got ${formatShape(x.shape)}`);
  const n = x.shape[0];
  const per = x.size / Math.max(n, 1);
  const parts: Tensor[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const xb = new Tensor(x.data.subarray(start * per, end * per), [end - start, ...x.shape.slice(1)]);
    const logits = model.forward(xb, 'eval');
    if (logits.rank !== 2 || logits.shape[0] !== end - start) {
      throw new Error(`predict: the model outputs ${formatShape(logits.shape)} for ${end - start} inputs; expected logits [${end - start}, K]`);
    }
    parts.push(softmax(logits));
  }
  const k = parts[0]?.shape[1] ?? 0;
  const out = Tensor.zeros([n, k], parts[0]?.dtype ?? 'float32');
  let offset = 0;
  for (const p of parts) {
    out.data.set(p.data, offset);
    offset += p.size;
  }
  return out;
}

/** The confusion matrix as an aligned text table with class names. */
export function formatConfusion(evaluation: Pick<Evaluation, 'confusion' | 'classNames'>): string {
  const { confusion, classNames } = evaluation;
  const labels = classNames.map((name, k) => (name === String(k) ? name : `${k} ${name}`));
  const width = Math.max(...confusion.flat().map((v) => String(v).length), ...classNames.map((_, k) => String(k).length), 4);
  const labelWidth = Math.max(...labels.map((l) => l.length), 'true\\pred'.length);
  const header = 'true\\pred'.padEnd(labelWidth) + ' ' + classNames.map((_, k) => String(k).padStart(width)).join(' ');
  const rows = confusion.map((row, t) => labels[t].padEnd(labelWidth) + ' ' + row.map((v) => String(v).padStart(width)).join(' '));
  return [header, ...rows].join('\n');
}
