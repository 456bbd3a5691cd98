// SPDX-License-Identifier: MIT
// `nabla train`: builds the model, optimizer and schedule from the options, runs fit() with
// progress, per-epoch checkpoints and history files, then reports the held-out accuracy and
// where everything was saved. `--resume` continues a checkpoint with the options it was made with.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { AugmentOptions } from '../../data/augment.js';
import { type DecodedCheckpoint } from '../../io/checkpoint.js';
import { loadCheckpoint, saveWeights } from '../../io/node-file.js';
import { SoftmaxCrossEntropy } from '../../losses/softmax-cross-entropy.js';
import { Adam, AdamW } from '../../optim/adam.js';
import type { Optimizer } from '../../optim/optimizer.js';
import { type LRSchedule, OneCycleLR, WarmupCosineLR } from '../../optim/schedules.js';
import { SGD } from '../../optim/sgd.js';
import { type Callback, EarlyStopping } from '../../train/callbacks.js';
import { fit, NonFiniteError } from '../../train/fit.js';
import { evaluate } from '../../train/metrics.js';
import { CheckpointSaver, MetricLogger } from '../../train/node-callbacks.js';
import { BACKENDS, type BackendName, buildModel, checkFitAsync, DATA_KEY, dataInfo, loadDataset, percent, resolveModelSpec, setupBackend } from '../common.js';
import { choice, CliError, EXIT, fileError, nonNegativeInt, positiveInt, positiveNumber, usageError } from '../errors.js';
import { TerminalProgress } from '../progress.js';
import { print } from '../io.js';

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
}

/** What a checkpoint of `nabla train` remembers about its run. */
interface SavedRun {
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
const CONFIG_KEYS: (keyof TrainConfig)[] = [
  'dataset', 'model', 'epochs', 'batchSize', 'optimizer', 'lr', 'momentum', 'weightDecay', 'schedule', 'shift', 'flip', 'labelSmoothing', 'clipNorm', 'patience', 'seed',
];

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train a model (default: LeNet-5 on the embedded MNIST digits, 8,000 train / 2,000 held-out)')
    .option('--dataset <name|dir>', 'mnist (embedded), fashion-mnist, or a folder of MNIST-format IDX files', TRAIN_DEFAULTS.dataset)
    .option('--model <preset|spec.json>', 'mlp, lenet5, cnn, cnn-bn, or a JSON model spec file', TRAIN_DEFAULTS.model)
    .option('--epochs <n>', 'epochs to train', positiveInt('--epochs'), TRAIN_DEFAULTS.epochs)
    .option('--batch-size <n>', 'samples per batch', positiveInt('--batch-size'), TRAIN_DEFAULTS.batchSize)
    .option('--optimizer <name>', 'sgd, adam or adamw', choice('--optimizer', OPTIMIZERS), TRAIN_DEFAULTS.optimizer)
    .option('--lr <x>', 'learning rate (the peak of the one-cycle schedule)', positiveNumber('--lr'), TRAIN_DEFAULTS.lr)
    .option('--momentum <x>', 'SGD momentum', positiveNumber('--momentum', true), TRAIN_DEFAULTS.momentum)
    .option('--weight-decay <x>', 'weight decay (default 0; 0.01 for adamw)', positiveNumber('--weight-decay', true))
    .option('--schedule <name>', 'onecycle, cosine (5% warm-up) or constant', choice('--schedule', SCHEDULES), TRAIN_DEFAULTS.schedule)
    .option('--shift <px>', 'random shifts of up to ±px pixels (0 = none)', nonNegativeInt('--shift'), TRAIN_DEFAULTS.shift)
    .option('--flip', 'random horizontal flips (for clothes, not digits)', false)
    .option('--label-smoothing <x>', 'label smoothing of the cross-entropy', positiveNumber('--label-smoothing', true), TRAIN_DEFAULTS.labelSmoothing)
    .option('--clip-norm <x>', 'clip the global gradient norm', positiveNumber('--clip-norm'))
    .option('--patience <n>', 'stop early after n epochs without a better held-out loss', positiveInt('--patience'))
    .option('--seed <n>', 'seed of the weights, shuffling, augmentation and dropout', nonNegativeInt('--seed'), TRAIN_DEFAULTS.seed)
    .option('--out <dir>', 'folder for model.safetensors, checkpoint.safetensors and history.{json,csv}', TRAIN_DEFAULTS.out)
    .option('--resume <checkpoint>', 'continue a run from its checkpoint (with the options it was started with), writing into the checkpoint\'s folder unless --out is given')
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), TRAIN_DEFAULTS.backend)
    .option('--threads <n>', 'worker threads of the wasm backend', positiveInt('--threads'))
    .action(async (opts: Record<string, any>, command: Command) => {
      await train(opts, (key) => command.getOptionValueSource(key) === 'cli');
    });
}

async function train(opts: Record<string, any>, given: (key: string) => boolean): Promise<void> {
  let checkpoint: DecodedCheckpoint | undefined;
  let config: TrainConfig = {
    dataset: opts.dataset,
    model: opts.model,
    epochs: opts.epochs,
    batchSize: opts.batchSize,
    optimizer: opts.optimizer,
    lr: opts.lr,
    momentum: opts.momentum,
    weightDecay: opts.weightDecay ?? (opts.optimizer === 'adamw' ? 0.01 : 0),
    schedule: opts.schedule,
    shift: opts.shift,
    flip: opts.flip,
    labelSmoothing: opts.labelSmoothing,
    clipNorm: opts.clipNorm,
    patience: opts.patience,
    seed: opts.seed,
  };
  if (opts.resume) {
    try {
      checkpoint = await loadCheckpoint(opts.resume);
    } catch (err) {
      throw fileError((err as Error).message);
    }
    const saved = (checkpoint.extra?.callbacks as Record<string, unknown> | undefined)?.cli as SavedRun | undefined;
    if (!saved?.config) throw fileError(`${opts.resume}: not a checkpoint of \`nabla train\` (it holds no training options)`);
    const conflicts = CONFIG_KEYS.filter((key) => given(key) && opts[key] !== saved.config![key]);
    if (conflicts.length > 0) {
      throw usageError(`--resume continues with the checkpoint's options; these differ: ${conflicts.map((k) => `${k} (checkpoint ${String(saved.config![k])}, given ${String(opts[k])})`).join(', ')}`);
    }
    config = saved.config;
    // The backend and thread count are part of what makes a run bit-identical: keep them unless given.
    if (!given('backend') && saved.backend) opts.backend = saved.backend;
    if (!given('threads') && saved.threads !== undefined) opts.threads = saved.threads;
    // A resumed run keeps writing into the run's own folder (the checkpoint's), unless --out says otherwise.
    if (!given('out')) opts.out = dirname(opts.resume);
  }

  const backend = await setupBackend(opts.backend, opts.threads);
  const data = await loadDataset(config.dataset);
  const specs = checkpoint?.spec ?? (await resolveModelSpec(config.model, { inputShape: data.train.imageShape, numClasses: data.train.numClasses }));
  const model = buildModel(specs, config.seed);
  const optimizer = makeOptimizer(config, model.parameters());
  const batchesPerEpoch = Math.ceil(data.train.length / config.batchSize);
  const schedule = makeSchedule(config, optimizer, batchesPerEpoch);
  const augment: AugmentOptions = { maxShift: config.shift, horizontalFlip: config.flip };

  const out = opts.out as string;
  try {
    await mkdir(out, { recursive: true });
  } catch (err) {
    throw fileError(`--out ${out}: cannot create the folder (${(err as Error).message})`);
  }
  const checkpointPath = join(out, 'checkpoint.safetensors');
  const modelPath = join(out, 'model.safetensors');
  const logger = new MetricLogger(join(out, 'history'));
  const run: SavedRun = { config, backend: opts.backend, threads: opts.threads };
  const configKeeper: Callback = { name: 'cli', state: () => ({ ...run }), loadState: () => undefined };
  const callbacks: Callback[] = [configKeeper, new TerminalProgress()];
  if (config.patience) callbacks.push(new EarlyStopping({ monitor: 'valLoss', patience: config.patience }));
  callbacks.push(new CheckpointSaver(checkpointPath), logger);

  print(`nabla train: ${config.model} on ${data.train.name} (${data.train.length.toLocaleString('en-US')} images), held out: ${data.test.name} (${data.test.length.toLocaleString('en-US')})`);
  print(
    `  ${config.optimizer} lr ${config.lr}${config.weightDecay ? ` weight decay ${config.weightDecay}` : ''}, ${config.schedule} schedule, batch ${config.batchSize}, ` +
      `${config.epochs} epochs, shifts ±${config.shift} px${config.flip ? ', flips' : ''}, label smoothing ${config.labelSmoothing}, seed ${config.seed}, backend ${backend}` +
      (checkpoint ? `; resuming after epoch ${checkpoint.epoch}` : ''),
  );
  const began = Date.now();
  let result;
  try {
    result = await checkFitAsync(data.train.name, () =>
      fit(model, {
        optimizer,
        schedule,
        train: data.train,
        validation: data.test,
        epochs: config.epochs,
        batchSize: config.batchSize,
        seed: config.seed,
        augment,
        loss: new SoftmaxCrossEntropy({ labelSmoothing: config.labelSmoothing }),
        clipNorm: config.clipNorm,
        callbacks,
        resume: checkpoint,
      }),
    );
  } catch (err) {
    if (err instanceof NonFiniteError) throw new CliError(`${err.message}\n  try a smaller --lr or --clip-norm`, EXIT.failure);
    throw err;
  }
  if (result.stopReason) print(result.stopReason);
  await saveWeights(modelPath, model, { [DATA_KEY]: JSON.stringify(dataInfo(data.train, config.dataset)) });
  const final = evaluate(model, data.test);
  const seconds = (Date.now() - began) / 1000;
  print(`held-out accuracy: ${percent(final.accuracy)} (${Math.round(final.accuracy * final.count)}/${final.count}) on ${data.test.name} (cross-entropy ${final.loss.toFixed(4)}); ${seconds.toFixed(1)} s in all`);
  print(`model saved to ${modelPath} (checkpoint: ${checkpointPath}, history: ${logger.jsonPath}, ${logger.csvPath})`);
}

function makeOptimizer(config: TrainConfig, params: ReturnType<import('../../layers/sequential.js').Sequential['parameters']>): Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return new SGD(params, { lr: config.lr, momentum: config.momentum, weightDecay: config.weightDecay });
    case 'adam':
      return new Adam(params, { lr: config.lr, weightDecay: config.weightDecay });
    case 'adamw':
      return new AdamW(params, { lr: config.lr, weightDecay: config.weightDecay });
  }
}

function makeSchedule(config: TrainConfig, optimizer: Optimizer, batchesPerEpoch: number): LRSchedule | undefined {
  const totalSteps = config.epochs * batchesPerEpoch;
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
