// SPDX-License-Identifier: MIT
// The options of a `nabla train` run as one TrainConfig: saved in every checkpoint, validated
// field by field when read back, and the rules for continuing a run: --resume repeats it exactly;
// --resume with another --epochs (and optionally --lr, --schedule) extends it, with more epochs
// of the same constant rate or a new schedule over the added epochs.
import type { Parameter } from '../tensor/tensor.js';
import { Adam, AdamW } from '../optim/adam.js';
import type { Optimizer, ParamGroup } from '../optim/optimizer.js';
import { type LRSchedule, OneCycleLR, WarmupCosineLR } from '../optim/schedules.js';
import { SGD } from '../optim/sgd.js';
import { BACKENDS, type BackendName } from './common.js';
import { fileError, usageError } from './errors.js';
import { preview } from '../layers/preview.js';

export const OPTIMIZERS = ['sgd', 'adam', 'adamw'] as const;
export const SCHEDULES = ['onecycle', 'cosine', 'constant'] as const;

/** Every option that shapes the run; saved in each checkpoint so --resume repeats it exactly. */
export interface TrainConfig {
  dataset: string;
  model: string;
  epochs: number;
  batchSize: number;
  optimizer: (typeof OPTIMIZERS)[number];
  lr: number;
  momentum: number;
  weightDecay: number;
  schedule: (typeof SCHEDULES)[number];
  shift: number;
  flip: boolean;
  labelSmoothing: number;
  clipNorm?: number;
  patience?: number;
  seed: number;
  /** Share of the training split held back for validation (0: none). Checkpoints older than the option have none and validated on the test split. */
  valSplit?: number;
  /** Image folders: 1 or 3 channels (default: from the images). */
  channels?: 1 | 3;
  /** Image folders: the square side images are resized and cropped to (default: from the images). */
  size?: number;
  /** Image folders: skip unreadable files instead of failing. */
  skipBad?: boolean;
  /** Tables: the target column. */
  target?: string;
  /** Tables: 'regression' or 'classification' as forced by --task (default: inferred from the target column). */
  task?: 'regression' | 'classification';
  /** Tables, regression: skip rows without a target value (counted) instead of refusing the table. */
  skipMissingTarget?: boolean;
  /** Tables: categorical columns embedded (--categorical embedding) instead of one-hot (absent). */
  categorical?: 'embedding';
  /** Photo augmentation: vertical flips, RandomResizedCrop's smallest area share, rotation (degrees), colour jitter. */
  vflip?: boolean;
  cropScale?: number;
  rotate?: number;
  jitter?: number;
  /** Epochs completed when the current schedule began (0, or where an extension started one). */
  scheduleFrom?: number;
  /** The weights file the run started from (--init-from). */
  initFrom?: string;
  /** Fine-tuning (src/cli/fine-tune.ts): path prefixes to freeze, separated by commas ('conv1,bn1,layer1'). */
  freeze?: string;
  /** Freeze every parameter but the head's (the last Linear). */
  freezeAllButHead?: boolean;
  /** Replace the head of the model the run starts from by a fresh one with this many outputs. */
  numClasses?: number;
  /** The head's learning rate (the other parameters train at lr; schedules scale both). */
  headLr?: number;
  /** What frozen batch norm layers do in training: 'train' (batch statistics; the default) or 'eval' (running statistics). */
  frozenBn?: (typeof FROZEN_BN)[number];
  /** Test-time augmentation of the validation passes and the final figures: 'flip' (absent: none). */
  tta?: 'flip';
}

export const FROZEN_BN = ['train', 'eval'] as const;

/** What a checkpoint of `nabla train` remembers about its run. */
export interface SavedRun {
  config: TrainConfig;
  backend?: BackendName;
  threads?: number;
}

/** The defaults: LeNet-5 on the embedded MNIST, Adam with a one-cycle schedule, ±2 px shifts. */
export const TRAIN_DEFAULTS = {
  dataset: 'mnist',
  model: 'lenet5',
  epochs: 20,
  batchSize: 64,
  optimizer: 'adam',
  lr: 0.003,
  momentum: 0.9,
  schedule: 'onecycle',
  shift: 2,
  labelSmoothing: 0.1,
  seed: 0,
  out: 'nabla-out',
  backend: 'auto',
} as const;

/** Keys of TrainConfig that a resumed run takes from the checkpoint. */
export const CONFIG_KEYS: (keyof TrainConfig)[] = [
  'dataset', 'model', 'epochs', 'batchSize', 'optimizer', 'lr', 'momentum', 'weightDecay', 'schedule', 'shift', 'flip', 'labelSmoothing', 'clipNorm', 'patience', 'seed', 'valSplit', 'channels', 'size', 'skipBad', 'target', 'task', 'skipMissingTarget', 'categorical', 'vflip', 'cropScale', 'rotate', 'jitter',
  'freeze', 'freezeAllButHead', 'numClasses', 'headLr', 'frozenBn', 'tta',
];
/** Keys an extension of a run may change. */
const EXTENSION_KEYS: (keyof TrainConfig)[] = ['epochs', 'lr', 'schedule'];

const MAX_COUNT = 1e9;

/** Validates the run a checkpoint records (extra.callbacks.cli), naming the field at fault. */
export function parseSavedRun(value: unknown, file: string): SavedRun {
  const where = `${file}: training options (nabla.state extra.callbacks.cli)`;
  const bad = (field: string, expected: string, got: unknown): never => {
    throw fileError(`${where}: ${field} must be ${expected}, got ${preview(got)}`);
  };
  if (typeof value !== 'object' || value === null) throw fileError(`${file}: not a checkpoint of \`nabla train\` (it holds no training options)`);
  const run = value as Record<string, unknown>;
  const c = run.config as Record<string, unknown> | undefined;
  if (typeof c !== 'object' || c === null) throw fileError(`${file}: not a checkpoint of \`nabla train\` (it holds no training options)`);
  const text = (k: string) => (typeof c[k] === 'string' && (c[k] as string).length > 0 && (c[k] as string).length <= 4096 ? (c[k] as string) : bad(`config.${k}`, 'a non-empty string', c[k]));
  const int = (k: string, min: number, optional = false): number | undefined => {
    if (optional && c[k] === undefined) return undefined;
    const v = c[k];
    return Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= MAX_COUNT ? (v as number) : bad(`config.${k}`, `an integer from ${min} to ${MAX_COUNT}`, v);
  };
  const num = (k: string, ok: (x: number) => boolean, expected: string, optional = false): number | undefined => {
    if (optional && c[k] === undefined) return undefined;
    const v = c[k];
    return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : bad(`config.${k}`, expected, v);
  };
  const oneOf = <T extends string>(k: string, choices: readonly T[]): T => ((choices as readonly unknown[]).includes(c[k]) ? (c[k] as T) : bad(`config.${k}`, `one of ${choices.join(', ')}`, c[k]));
  const epochs = int('epochs', 1)!;
  const config: TrainConfig = {
    dataset: text('dataset'),
    model: text('model'),
    epochs,
    batchSize: int('batchSize', 1)!,
    optimizer: oneOf('optimizer', OPTIMIZERS),
    lr: num('lr', (x) => x > 0, 'a finite number > 0')!,
    momentum: num('momentum', (x) => x >= 0 && x < 1, 'a number in [0, 1)')!,
    weightDecay: num('weightDecay', (x) => x >= 0, 'a finite number ≥ 0')!,
    schedule: oneOf('schedule', SCHEDULES),
    shift: int('shift', 0)!,
    flip: typeof c.flip === 'boolean' ? c.flip : bad('config.flip', 'true or false', c.flip),
    labelSmoothing: num('labelSmoothing', (x) => x >= 0 && x <= 1, 'a number in [0, 1]')!,
    clipNorm: num('clipNorm', (x) => x > 0, 'a finite number > 0', true),
    patience: int('patience', 1, true),
    seed: int('seed', 0)!,
    valSplit: num('valSplit', (x) => x >= 0 && x < 1, 'a number in [0, 1)', true),
    channels: c.channels === undefined ? undefined : c.channels === 1 || c.channels === 3 ? c.channels : bad('config.channels', '1 or 3', c.channels),
    size: int('size', 1, true),
    skipBad: c.skipBad === undefined ? undefined : typeof c.skipBad === 'boolean' ? c.skipBad : bad('config.skipBad', 'true or false', c.skipBad),
    target: c.target === undefined ? undefined : text('target'),
    task: c.task === undefined ? undefined : c.task === 'regression' || c.task === 'classification' ? c.task : bad('config.task', "'regression' or 'classification'", c.task),
    skipMissingTarget: c.skipMissingTarget === undefined ? undefined : typeof c.skipMissingTarget === 'boolean' ? c.skipMissingTarget : bad('config.skipMissingTarget', 'true or false', c.skipMissingTarget),
    categorical: c.categorical === undefined ? undefined : c.categorical === 'embedding' ? c.categorical : bad('config.categorical', "'embedding' or absent", c.categorical),
    vflip: c.vflip === undefined ? undefined : typeof c.vflip === 'boolean' ? c.vflip : bad('config.vflip', 'true or false', c.vflip),
    cropScale: num('cropScale', (x) => x > 0 && x <= 1, 'a number in (0, 1]', true),
    rotate: num('rotate', (x) => x >= 0 && x <= 180, 'a number from 0 to 180', true),
    jitter: num('jitter', (x) => x >= 0 && x < 1, 'a number in [0, 1)', true),
    scheduleFrom: int('scheduleFrom', 0, true),
    initFrom: c.initFrom === undefined ? undefined : text('initFrom'),
    freeze: c.freeze === undefined ? undefined : text('freeze'),
    freezeAllButHead: c.freezeAllButHead === undefined ? undefined : c.freezeAllButHead === true ? true : bad('config.freezeAllButHead', 'true', c.freezeAllButHead),
    numClasses: int('numClasses', 1, true),
    headLr: num('headLr', (x) => x > 0, 'a finite number > 0', true),
    frozenBn: c.frozenBn === undefined ? undefined : oneOf('frozenBn', FROZEN_BN),
    tta: c.tta === undefined ? undefined : c.tta === 'flip' ? c.tta : bad('config.tta', "'flip' or absent", c.tta),
  };
  if (config.scheduleFrom !== undefined && config.scheduleFrom >= epochs) bad('config.scheduleFrom', `less than epochs (${epochs})`, config.scheduleFrom);
  for (const key of Object.keys(config) as (keyof TrainConfig)[]) if (config[key] === undefined) delete config[key];
  const backend = run.backend === undefined ? undefined : (BACKENDS as readonly unknown[]).includes(run.backend) ? (run.backend as BackendName) : bad('backend', BACKENDS.join(', '), run.backend);
  const threads = run.threads === undefined ? undefined : Number.isSafeInteger(run.threads) && (run.threads as number) >= 1 && (run.threads as number) <= 1024 ? (run.threads as number) : bad('threads', 'an integer from 1 to 1024', run.threads);
  return { config, backend, threads };
}

export interface Continuation {
  config: TrainConfig;
  /** A new schedule starts at the checkpoint's epoch (so its state is not restored). */
  newSchedule: boolean;
  /** What happens, for the banner. */
  note: string;
}

/**
 * How `--resume` continues a checkpoint after `done` epochs, given the options typed on the
 * command line (`given`). The same options: the run goes on exactly. Another --epochs (with
 * --lr or --schedule if wanted): an extension. Any other option differing is refused.
 */
export function continueRun(saved: TrainConfig, done: number, opts: Record<string, any>, given: (key: string) => boolean): Continuation {
  const differs = CONFIG_KEYS.filter((key) => given(key) && opts[key] !== saved[key]);
  const fixed = differs.filter((key) => !EXTENSION_KEYS.includes(key));
  if (fixed.length > 0) {
    throw usageError(
      `--resume continues with the checkpoint's options; these differ: ${fixed.map((k) => `${k} (checkpoint ${String(saved[k] ?? 'the default')}, given ${String(opts[k] ?? 'the default')})`).join(', ')}` +
        ` (an extension may change only --epochs, --lr and --schedule; to start over from these weights use --init-from)`,
    );
  }
  if (differs.length === 0) {
    const note = done >= saved.epochs ? `; the checkpoint has finished its ${saved.epochs} epochs (give --epochs N > ${saved.epochs} to train more)` : `; resuming after epoch ${done}`;
    return { config: saved, newSchedule: false, note };
  }
  const epochs: number = given('epochs') ? opts.epochs : saved.epochs;
  if (epochs <= done) {
    throw usageError(`--epochs ${epochs}: the checkpoint has already completed ${done} epochs; to extend the run give more than ${done}`);
  }
  const config: TrainConfig = { ...saved, epochs, lr: given('lr') ? opts.lr : saved.lr, schedule: given('schedule') ? opts.schedule : saved.schedule };
  const sameRate = config.schedule === 'constant' && saved.schedule === 'constant' && config.lr === saved.lr;
  if (sameRate) {
    return { config, newSchedule: false, note: `; extending the run from ${saved.epochs} to ${epochs} epochs: more epochs of the same constant lr ${config.lr}` };
  }
  config.scheduleFrom = done;
  const old = done >= saved.epochs ? `its ${saved.schedule} schedule ended at epoch ${done}` : `it replaces the rest of the ${saved.schedule} schedule`;
  return {
    config,
    newSchedule: true,
    note: `; extending the run: epochs ${done + 1}–${epochs} with a new ${config.schedule} schedule (lr ${config.lr}) from the checkpoint's weights and optimizer state (${old})`,
  };
}

/** The run's optimizer; `groups` (the head's, with --head-lr) train at their own rate. */
export function makeOptimizer(config: TrainConfig, params: Parameter[], groups: ParamGroup[] = []): Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return new SGD(params, { lr: config.lr, momentum: config.momentum, weightDecay: config.weightDecay, groups });
    case 'adam':
      return new Adam(params, { lr: config.lr, weightDecay: config.weightDecay, groups });
    case 'adamw':
      return new AdamW(params, { lr: config.lr, weightDecay: config.weightDecay, groups });
  }
}

/** The run's schedule over its epochs from `scheduleFrom` (0 unless an extension started a new one). */
export function makeSchedule(config: TrainConfig, optimizer: Optimizer, batchesPerEpoch: number): LRSchedule | undefined {
  const totalSteps = (config.epochs - (config.scheduleFrom ?? 0)) * batchesPerEpoch;
  switch (config.schedule) {
    case 'onecycle':
      if (totalSteps < 2) return undefined;
      return new OneCycleLR(optimizer, { maxLr: config.lr, totalSteps, cycleMomentum: optimizer.momentum !== null && (config.optimizer !== 'sgd' || config.momentum > 0) });
    case 'cosine': {
      const warmupSteps = Math.floor(0.05 * totalSteps);
      if (totalSteps <= warmupSteps) return undefined;
      return new WarmupCosineLR(optimizer, { warmupSteps, totalSteps });
    }
    case 'constant':
      return undefined;
  }
}
