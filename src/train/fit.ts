// SPDX-License-Identifier: MIT
// fit(): the training loop. Per batch: forward (train mode), loss, backward, optional clipping,
// optimizer step, schedule step. Per epoch: validation, callbacks, history. Everything random
// (shuffles, augmentation, dropout masks) comes from seeded Rngs whose states ride in the
// checkpoint state, so a resumed run continues bit-identically.
import type { AugmentOptions } from '../data/augment.js';
import type { ImageDataset } from '../data/dataset.js';
import { DataLoader, type DataLoaderState } from '../data/loader.js';
import type { CheckpointState, DecodedCheckpoint } from '../io/checkpoint.js';
import { restoreCheckpoint } from '../io/checkpoint.js';
import { inFrame, keepResident, trainingTensors } from '../kernels/index.js';
import { Dropout } from '../layers/dropout.js';
import type { Layer, Merge } from '../layers/layer.js';
import { leafModules, walkModules } from '../layers/container.js';
import { SoftmaxCrossEntropy } from '../losses/softmax-cross-entropy.js';
import { clipGradNorm } from '../optim/clip.js';
import type { Optimizer } from '../optim/optimizer.js';
import type { LRSchedule } from '../optim/schedules.js';
import { Rng, type RngState } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Callback, EpochRecord, History, TrainContext } from './callbacks.js';
import { MSELoss } from '../losses/mse.js';
import { argmaxClasses, checkLogits, evaluate, lossForward, lossTargets, TTA_KINDS, type TrainLoss, type Tta } from './metrics.js';

export interface FitOptions {
  optimizer: Optimizer;
  train: ImageDataset;
  validation?: ImageDataset;
  /** Epoch count to train to (a resumed run continues from the checkpoint's epoch up to this). */
  epochs: number;
  /** Default 64. */
  batchSize?: number;
  /** Drop each epoch's last batch when it is smaller than batchSize (batch norm cannot train on a batch of one). Default false. */
  dropLast?: boolean;
  /** Default SoftmaxCrossEntropy (MSELoss when `train` has regression targets). */
  loss?: TrainLoss;
  /** Stepped after every optimizer step ('batch' interval) or every epoch ('epoch'; ReduceLROnPlateau gets the validation loss, else the training loss). */
  schedule?: LRSchedule;
  callbacks?: Callback[];
  /** Seeds the shuffling and augmentation Rng. Default 0. */
  seed?: number;
  augment?: AugmentOptions;
  /** Clip the global gradient norm to this before each step. */
  clipNorm?: number;
  /** A checkpoint to continue from (made by this fit's checkpointState()). */
  resume?: DecodedCheckpoint;
  /** Batch size of validation passes. Default 500. */
  evalBatchSize?: number;
  /** Test-time augmentation of the validation passes (see evaluate()). Default 'none'. */
  evalTta?: Tta;
}

export interface FitResult {
  history: History;
  /** Completed epochs (fewer than asked when a callback stopped training). */
  epochs: number;
  steps: number;
  stopReason: string | null;
}

/** Training produced a non-finite loss or gradient; names the step and the first layer at fault. */
/** A checkpoint given as `resume` could not be restored (its state does not fit this run or is broken). */
export class ResumeError extends Error {
  override name = 'ResumeError';
}

export class NonFiniteError extends Error {
  constructor(
    message: string,
    readonly step: number,
    readonly layer: string | null,
  ) {
    super(message);
    this.name = 'NonFiniteError';
  }
}

interface FitConfig {
  batchSize: number;
  seed: number;
  trainSize: number;
}

export async function fit(model: Layer, options: FitOptions): Promise<FitResult> {
  if (typeof options !== 'object' || options === null) throw new Error('fit: options must be an object ({ optimizer, train, epochs, … })');
  if (!options.train) throw new Error('fit: options.train (the training ImageDataset) is missing');
  if (!options.optimizer || typeof options.optimizer.step !== 'function') throw new Error('fit: options.optimizer (an SGD, Adam or AdamW over the model\'s parameters) is missing');
  const { optimizer, train, validation, epochs } = options;
  const batchSize = options.batchSize ?? 64;
  const seed = options.seed ?? 0;
  const schedule = options.schedule ?? null;
  const callbacks = options.callbacks ?? [];
  const regression = train.targets !== null;
  const loss = options.loss ?? (regression ? new MSELoss() : new SoftmaxCrossEntropy());
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`fit: epochs must be an integer ≥ 0, got ${epochs}`);
  if (options.clipNorm !== undefined && !(options.clipNorm > 0)) throw new Error(`fit: clipNorm must be > 0, got ${options.clipNorm}`);
  if (train.length === 0) throw new Error(`fit: ${train.name} is empty`);
  if (validation && validation.isRegression !== regression) throw new Error(`fit: ${validation.name} and ${train.name} disagree on regression targets`);
  if (validation && validation.numClasses !== train.numClasses) {
    throw new Error(`fit: ${validation.name} has ${validation.numClasses} classes, ${train.name} has ${train.numClasses}`);
  }
  // What the first evaluation would refuse, refused before the first epoch rather than after it.
  if (validation && validation.imageShape.join() !== train.imageShape.join()) {
    throw new Error(`fit: ${validation.name} holds samples of [${validation.imageShape.join(', ')}], ${train.name} of [${train.imageShape.join(', ')}]`);
  }
  const evalBatchSize = options.evalBatchSize;
  if (evalBatchSize !== undefined && !(Number.isInteger(evalBatchSize) && evalBatchSize >= 1)) throw new Error(`fit: evalBatchSize must be a positive integer, got ${evalBatchSize}`);
  if (options.evalTta !== undefined && !TTA_KINDS.includes(options.evalTta)) throw new Error(`fit: unknown evalTta '${String(options.evalTta)}' (known: ${TTA_KINDS.join(', ')})`);
  for (const cb of callbacks) {
    const monitored = (cb as { monitor?: unknown }).monitor;
    if (typeof monitored === 'string' && monitored.startsWith('val') && !validation) throw new Error(`fit: a callback monitors ${monitored}, and this run has no validation data`);
    if ((cb as { name?: unknown }).name === 'bestModel' && !validation) throw new Error('fit: BestModelSaver keeps the epoch of the lowest valLoss, and this run has no validation data');
  }
  const loader = new DataLoader(train, { batchSize, rng: new Rng(seed), augment: options.augment, dropLast: options.dropLast ?? false });
  const dropouts = findDropouts(model);
  const config: FitConfig = { batchSize, seed, trainSize: train.length };

  let history: History = [];
  let startEpoch = 0;
  let step = 0;
  if (options.resume) {
    const r = options.resume;
    const saved = r.extra?.fit as FitConfig | undefined;
    if (saved && (saved.batchSize !== batchSize || saved.trainSize !== train.length)) {
      throw new Error(
        `fit: cannot resume: the checkpoint was trained with batch size ${saved.batchSize} on ${saved.trainSize} samples, this run has ${batchSize} on ${train.length}`,
      );
    }
    // A checkpoint is a file: whatever in it does not fit (a state of another optimizer, a broken
    // RNG state) is reported as a ResumeError naming what failed, never as a TypeError mid-run.
    try {
      restoreCheckpoint(r, { model, optimizer, schedule: schedule ?? undefined }, 'resume checkpoint');
      const rng = r.rng ?? {};
      if (rng.loader) loader.loadState(rng.loader as DataLoaderState);
      const dropoutStates = (rng.dropout ?? {}) as Record<string, RngState>;
      for (const [path, layer] of dropouts) {
        if (dropoutStates[path]) layer.rng.setState(dropoutStates[path]);
      }
      history = Array.isArray(r.history) ? [...(r.history as History)] : [];
      startEpoch = r.epoch;
      step = r.step;
      const callbackStates = (r.extra?.callbacks ?? {}) as Record<string, Record<string, unknown>>;
      for (const cb of callbacks) if (cb.name && cb.loadState && callbackStates[cb.name]) cb.loadState(callbackStates[cb.name]);
    } catch (err) {
      if (err instanceof ResumeError) throw err;
      throw new ResumeError(`fit: cannot resume from the checkpoint: ${(err as Error).message}`);
    }
  }

  const ctx: TrainContext = {
    model,
    optimizer,
    schedule,
    epoch: startEpoch,
    epochs,
    step,
    batchesPerEpoch: loader.length,
    history,
    stopTraining: false,
    stopReason: null,
    checkpointState: (): CheckpointState => ({
      epoch: ctx.epoch,
      step: ctx.step,
      optimizer: optimizer.state(),
      schedule: schedule?.state(),
      rng: { loader: loader.state(), dropout: Object.fromEntries([...dropouts].map(([path, d]) => [path, d.rng.getState()])) },
      history: ctx.history,
      extra: {
        fit: config,
        callbacks: Object.fromEntries(callbacks.filter((cb) => cb.name && cb.state).map((cb) => [cb.name!, cb.state!()])),
      },
    }),
  };

  for (const cb of callbacks) await cb.onTrainBegin?.(ctx);
  // Parameters, gradients and (from the first step on) the optimizer's state stay in the
  // backend's memory between steps: its kernels then update them in place.
  const parameters = model.parameters();
  keepResident(trainingTensors(parameters, optimizer));
  let epoch = startEpoch;
  while (epoch < epochs && !ctx.stopTraining) {
    ctx.epoch = epoch;
    for (const cb of callbacks) await cb.onEpochBegin?.(ctx);
    const began = Date.now();
    let lossSum = 0;
    let correct = 0;
    let squared = 0; // regression: squared errors in standardised units
    let seen = 0;
    let batchIndex = 0;
    for (const batch of loader) {
      optimizer.zeroGrad();
      const bad = firstNonFinite(batch.x.data); // one pass over the batch: cheap next to the forward
      if (bad >= 0) {
        throw new NonFiniteError(
          `non-finite input at step ${step + 1} (epoch ${epoch + 1}, batch ${batchIndex + 1}): the batch's value ${bad} (sample ${Math.floor(bad / (batch.x.data.length / batch.x.shape[0]))}) is ${batch.x.data[bad]}; the data hold NaN or ±Infinity`,
          step + 1,
          null,
        );
      }
      // One frame per step: the step's activations and gradients stay in the backend's memory
      // (Kernels.frame); only numbers leave it.
      const value = inFrame(() => {
        const logits = model.forward(batch.x, 'train');
        if (batchIndex === 0 && epoch === startEpoch) checkLogits(logits, batch.x.shape[0], train);
        const target = lossTargets(batch.y, batch.t);
        const value = lossForward(loss, logits, target);
        if (!Number.isFinite(value)) throw nonFinite(model, loss, batch.x, target, step, epoch, batchIndex, `the loss is ${value}`);
        model.backward(loss.backward(), { needInputGrad: false }); // nobody reads dL/d(images)
        if (options.clipNorm !== undefined) {
          const norm = clipGradNorm(optimizer.params, options.clipNorm);
          if (!Number.isFinite(norm)) throw nonFinite(model, loss, batch.x, target, step, epoch, batchIndex, `the gradient norm is ${norm}`);
        }
        optimizer.step();
        if (batch.t) {
          for (let i = 0; i < batch.x.shape[0]; i++) squared += (logits.data[i] - batch.t[i]) ** 2;
        } else {
          const predicted = argmaxClasses(logits); // per sample, or per pixel for label maps
          for (let i = 0; i < batch.y.length; i++) if (predicted[i] === batch.y[i]) correct++;
        }
        return value;
      });
      keepResident(trainingTensors(parameters, optimizer)); // what the step created (the optimizer's state), or a restore replaced
      step++;
      ctx.step = step;
      if (schedule?.interval === 'batch') schedule.step();
      const n = batch.x.shape[0];
      lossSum += value * n;
      seen += n;
      for (const cb of callbacks) cb.onBatchEnd?.(ctx, { batch: batchIndex, loss: value, size: n });
      batchIndex++;
    }
    // The last step's update can make a weight non-finite after its loss was checked: stop before
    // any callback saves this epoch (a checkpoint or best model with NaN would replace a good one).
    const broken = firstNonFiniteWeight(model);
    if (broken) {
      throw new NonFiniteError(`non-finite weights after epoch ${epoch + 1} (step ${step}): ${broken.name}[${broken.index}] is ${broken.value}; ` +
        'nothing of this epoch was saved', step, broken.name);
    }
    const record: EpochRecord = { epoch: epoch + 1, step, lr: optimizer.lr, trainLoss: lossSum / seen, seconds: 0 };
    // Regression: RMSE in the target's units; classes: accuracy.
    if (regression) record.trainRmse = Math.sqrt(squared / seen) * (train.targetScale?.std ?? 1);
    else record.trainAccuracy = correct / (seen * train.labelSize);
    if (validation) {
      const v = evaluate(model, validation, { batchSize: options.evalBatchSize, loss, tta: options.evalTta });
      record.valLoss = v.loss;
      if (regression) record.valRmse = v.rmse;
      else record.valAccuracy = v.accuracy;
    }
    if (schedule?.interval === 'epoch') schedule.step(record.valLoss ?? record.trainLoss);
    record.lr = optimizer.lr;
    record.seconds = (Date.now() - began) / 1000;
    history.push(record);
    epoch++;
    ctx.epoch = epoch; // checkpointState() now says `epoch` epochs are complete
    for (const cb of callbacks) await cb.onEpochEnd?.(ctx, record);
  }
  for (const cb of callbacks) await cb.onTrainEnd?.(ctx);
  return { history, epochs: epoch, steps: step, stopReason: ctx.stopReason };
}

/** The first non-finite value among the model's parameters and buffers, or null. */
export function firstNonFiniteWeight(model: Pick<Layer, 'parameters' | 'buffers'>): { name: string; index: number; value: number } | null {
  for (const t of [...model.parameters(), ...model.buffers()]) {
    const data = t.value.data;
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return { name: t.name, index: i, value: data[i] };
  }
  return null;
}

/** Dropout layers by path ('4', or 'layer1.0.drop' inside containers), whose rngs a checkpoint saves. */
function findDropouts(model: Layer): Map<string, Dropout> {
  const found = new Map<string, Dropout>();
  for (const { path, module } of walkModules(model)) if (module instanceof Dropout) found.set(path || 'model', module);
  return found;
}

/** The index of the first NaN or ±Infinity in data, or −1. */
function firstNonFinite(data: ArrayLike<number>): number {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return i;
  return -1;
}

function allFinite(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

/** Thrown through the model by an instrumented layer; not an Error, so no container prefixes it. */
class Found {
  constructor(readonly error: NonFiniteError) {}
}

/**
 * Builds the error for a non-finite loss or gradient norm by re-running the batch (only now, so
 * training pays nothing for the check) with every leaf layer instrumented, in whatever container
 * it sits (Sequential, Graph, nested blocks): the first layer, in run order, whose parameters or
 * output — then, going backwards, whose parameter gradients or input gradient — are non-finite is
 * named by its path ('layer 3 (Linear)', 'layer layer1.0.conv2 (Conv2d)').
 */
function nonFinite(model: Layer, loss: TrainLoss, x: Tensor, y: Int32Array | Float32Array, step: number, epoch: number, batch: number, what: string): NonFiniteError {
  const where = `step ${step + 1} (epoch ${epoch + 1}, batch ${batch + 1})`;
  const error = (detail: string, layer: string | null) => new NonFiniteError(`non-finite training at ${where}: ${what}; ${detail}`, step + 1, layer);
  if (!allFinite(x.data)) return error('the input batch itself holds non-finite values', null);
  const restore: (() => void)[] = [];
  for (const { path, module } of leafModules(model)) {
    const leaf = module as Layer | Merge;
    const label = path === '' ? leaf.name : `layer ${path} (${leaf.name})`;
    const fail = (detail: string) => new Found(error(`first at ${label}: ${detail}`, label));
    const own = { forward: Object.hasOwn(leaf, 'forward'), backward: Object.hasOwn(leaf, 'backward') };
    const forward = leaf.forward;
    const backward = leaf.backward;
    const patched = leaf as unknown as { forward: (...a: unknown[]) => unknown; backward: (...a: unknown[]) => unknown };
    patched.forward = (...args: unknown[]) => {
      const bad = leaf.parameters().filter((p) => !allFinite(p.value.data));
      if (bad.length > 0) throw fail(`parameter ${bad.map((p) => p.name).join(', ')} holds non-finite values (from an earlier update)`);
      const out = (forward as (...a: unknown[]) => Tensor).apply(leaf, args);
      if (!allFinite(out.data)) throw fail('its output went non-finite (its input was finite)');
      return out;
    };
    patched.backward = (...args: unknown[]) => {
      const d = (backward as (...a: unknown[]) => Tensor | Tensor[] | null).apply(leaf, args);
      const bad = leaf.parameters().filter((p) => !allFinite(p.grad.data));
      if (bad.length > 0) throw fail(`the gradient of ${bad.map((p) => p.name).join(', ')} went non-finite`);
      const grads = d === null ? [] : Array.isArray(d) ? d : [d];
      if (grads.some((g) => g !== null && !allFinite(g.data))) throw fail('its input gradient went non-finite');
      return d;
    };
    restore.push(() => {
      const target = patched as Partial<typeof patched>;
      if (own.forward) target.forward = forward as never;
      else delete target.forward;
      if (own.backward) target.backward = backward as never;
      else delete target.backward;
    });
  }
  try {
    const h = model.forward(x, 'train');
    lossForward(loss, h, y);
    const d = loss.backward();
    if (!allFinite(d.data)) return error('the loss gradient is non-finite for finite logits', 'loss');
    for (const p of model.parameters()) p.zeroGrad();
    model.backward(d);
  } catch (e) {
    if (e instanceof Found) return e.error;
    throw e;
  } finally {
    for (const undo of restore) undo();
  }
  return error('re-running the batch layer by layer found every output and gradient finite', null);
}
