// SPDX-License-Identifier: MIT
// `nabla train`: builds the model, optimizer and schedule from the options, claims and locks the
// output folder, runs fit() with progress, per-epoch checkpoints and history files, then reports
// the held-out accuracy and where everything was saved. `--resume` continues a checkpoint (or
// extends it, train-config.ts); `--init-from` starts a new run from saved weights.
import { walkModules } from '../../layers/container.js';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { AugmentOptions } from '../../data/augment.js';
import { dataInfoMetadata, dataInfoOf, formatNormalization, readDataInfo } from '../../data/data-info.js';
import type { DecodedCheckpoint } from '../../io/checkpoint.js';
import { DEFAULT_CACHE_BYTES, DEFAULT_IMAGE_SIZE, KEEP_SIZE_UP_TO, MAX_IMAGE_SIDE } from '../../data/image-folder.js';
import { loadCheckpoint, loadWeights, saveWeights } from '../../io/node-file.js';
import { decodeWeights, encodeWeights, loadWeightsInto } from '../../io/weights.js';
import type { LayerSpec } from '../../layers/layer.js';
import type { Container } from '../../layers/layer.js';
import type { ImageDataset } from '../../data/dataset.js';
import { MSELoss } from '../../losses/mse.js';
import { SoftmaxCrossEntropy } from '../../losses/softmax-cross-entropy.js';
import { type Callback, EarlyStopping, formatCurves, formatLoss, formatMetric, type History } from '../../train/callbacks.js';
import { fit, NonFiniteError, ResumeError } from '../../train/fit.js';
import { evaluate, TTA_KINDS } from '../../train/metrics.js';
import { BestModelSaver, CheckpointSaver, MetricLogger } from '../../train/node-callbacks.js';
import { BACKENDS, buildModel, checkFitAsync, DEFAULT_VAL_SPLIT, type LoadedData, loadDataset, percent, resolveModelSpec, setupBackend } from '../common.js';
import { choice, CliError, EXIT, fileError, mismatchError, nonNegativeInt, numberIn, positiveInt, positiveNumber, usageError } from '../errors.js';
import { print, printError } from '../io.js';
import { claimOutFolder, type OutFolder } from '../out-folder.js';
import { TerminalProgress } from '../progress.js';
import { ALLOW_NON_FINITE_HELP, loadSavedModel, type SavedModel } from '../saved-model.js';
import { continueRun, FROZEN_BN, makeOptimizer, makeSchedule, OPTIMIZERS, parseSavedRun, SCHEDULES, type SavedRun, TRAIN_DEFAULTS, type TrainConfig } from '../train-config.js';
import { DivergenceWatch, firstNonFinite } from '../train-guards.js';
import { applyFineTuning, checkFineTuneOptions, parsePrefixes } from '../fine-tune.js';
import { isPresetName, PRESET_NAMES } from '../../train/presets.js';

export { OPTIMIZERS, SCHEDULES, TRAIN_DEFAULTS, type TrainConfig } from '../train-config.js';

const OUT_FILES = { 'model.safetensors': 'model', 'checkpoint.safetensors': 'checkpoint', 'history.json': 'history', 'history.csv': 'history (CSV)' };
const FILE_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train a model (default: LeNet-5 on the embedded MNIST digits: 7,200 train, 800 validation, 2,000 test kept aside)')
    .option('--dataset <name|dir>', 'mnist (embedded), fashion-mnist, a folder of MNIST-format IDX files, or a folder of class subfolders of PNG/JPEG images (also with train/, val/, test/)', TRAIN_DEFAULTS.dataset)
    .option('--data <dir>', 'the same as --dataset')
    .option('--channels <n>', 'image folders: 1 (gray) or 3 (RGB); default 1 when every image is gray, else 3', choice('--channels', ['1', '3'] as const))
    .option('--size <px>', `image folders: resize the shorter side to px, then crop the centre px×px (torchvision's Resize + CenterCrop); default: the images' own size when all share one square size ≤ ${KEEP_SIZE_UP_TO}, else ${DEFAULT_IMAGE_SIZE}`, positiveInt('--size', MAX_IMAGE_SIDE))
    .option('--skip-bad', 'image folders: skip unreadable and non-image files (counted) instead of stopping', false)
    .option('--cache-mb <n>', `image folders: the memory bound for decoded images, in MiB (default ${DEFAULT_CACHE_BYTES / 2 ** 20}): kept in memory as bytes while they fit, else decoded once into a record file in the --out folder (unlinked at once) and read per batch through an LRU cache of at most n MiB`, positiveNumber('--cache-mb'))
    .option('--target <column>', 'tables (--data table.csv): the column to predict (classes, or a number for regression)')
    .option('--task <kind>', 'tables: regression or classification (default: regression when the target is numeric with many distinct values, see docs/data.md)', choice('--task', ['regression', 'classification'] as const))
    .option('--skip-missing-target', 'tables: skip rows without a target value (counted) instead of stopping', false)
    .option('--categorical <encoding>', 'tables: onehot (default) or embedding (an Embedding per categorical column, width min(600, round(1.6·n^0.56)) for n categories + 1, concatenated with the numeric columns before the MLP)', choice('--categorical', ['onehot', 'embedding'] as const))
    .option('--model <preset|spec.json|file>', `${PRESET_NAMES.join(', ')}, a JSON model spec file, or a saved model (.safetensors, e.g. from nabla import) to fine-tune: the same as --init-from FILE`, TRAIN_DEFAULTS.model)
    .option('--epochs <n>', 'epochs to train (with --resume: more than the checkpoint\'s extends the run)', positiveInt('--epochs'), TRAIN_DEFAULTS.epochs)
    .option('--batch-size <n>', 'samples per batch', positiveInt('--batch-size'), TRAIN_DEFAULTS.batchSize)
    .option('--optimizer <name>', 'sgd, adam or adamw', choice('--optimizer', OPTIMIZERS), TRAIN_DEFAULTS.optimizer)
    .option('--lr <x>', 'learning rate (the peak of the one-cycle schedule)', positiveNumber('--lr'), TRAIN_DEFAULTS.lr)
    .option('--momentum <x>', 'SGD momentum, from 0 to 1 (not included)', numberIn('--momentum', 0, 1, true), TRAIN_DEFAULTS.momentum)
    .option('--weight-decay <x>', 'weight decay (default 0; 0.01 for adamw)', positiveNumber('--weight-decay', true))
    .option('--schedule <name>', 'onecycle, cosine (5% warm-up) or constant', choice('--schedule', SCHEDULES), TRAIN_DEFAULTS.schedule)
    .option('--shift <px>', 'random shifts of up to ±px pixels (0 = none)', nonNegativeInt('--shift'), TRAIN_DEFAULTS.shift)
    .option('--flip', 'random horizontal flips (for clothes, not digits)', false)
    .option('--vflip', 'random vertical flips (aerial photos, cells)', false)
    .option('--crop-scale <x>', 'random resized crops of x to 1 of the area, aspect ratio 3/4 to 4/3 (torchvision\'s RandomResizedCrop; e.g. 0.5)', numberIn('--crop-scale', 0.01, 1))
    .option('--rotate <deg>', 'random rotations of up to ±deg degrees about the centre', numberIn('--rotate', 0, 180))
    .option('--jitter <x>', 'random brightness, contrast and saturation factors in [1 − x, 1 + x] (ColorJitter)', numberIn('--jitter', 0, 1, true))
    .option('--label-smoothing <x>', 'label smoothing of the cross-entropy, from 0 to 1', numberIn('--label-smoothing', 0, 1), TRAIN_DEFAULTS.labelSmoothing)
    .option('--clip-norm <x>', 'clip the global gradient norm', positiveNumber('--clip-norm'))
    .option('--val-split <f>', `share of the training split held back for validation, seeded by --seed and stratified by class (default ${DEFAULT_VAL_SPLIT}; 0: none)`, numberIn('--val-split', 0, 1, true))
    .option('--eval-test', 'evaluate the test split at the end (it is never used otherwise)', false)
    .option('--tta <kind>', 'test-time augmentation of the validation passes and the final figures: none, or flip (each image scored by the mean of the logits for it and for its mirror image)', choice('--tta', TTA_KINDS), 'none')
    .option('--patience <n>', 'stop early after n epochs without a better validation loss', positiveInt('--patience'))
    .option('--seed <n>', 'seed of the weights, shuffling, augmentation and dropout', nonNegativeInt('--seed'), TRAIN_DEFAULTS.seed)
    .option('--out <dir>', 'folder for model.safetensors, checkpoint.safetensors and history.{json,csv} (locked while the run lasts)', TRAIN_DEFAULTS.out)
    .option('--resume <checkpoint>', 'continue a run from its checkpoint (with the options it was started with; another --epochs, --lr or --schedule extends it), writing into the checkpoint\'s folder unless --out is given')
    .option('--init-from <model>', 'start a new run from the weights (and, unless --model is given, the spec) of a saved model or checkpoint')
    .option('--allow-non-finite', `with --resume or --init-from: ${ALLOW_NON_FINITE_HELP}`, false)
    .option('--num-classes <n>', 'fine-tuning: replace the head (the last Linear) of the saved model by a fresh one with n outputs, seeded by --seed', positiveInt('--num-classes'))
    .option('--freeze <paths>', 'fine-tuning: freeze the parameters under these layer paths, separated by commas (e.g. conv1,bn1,layer1; nabla summary lists them)', parsePrefixes)
    .option('--freeze-all-but-head', 'fine-tuning: train only the head (the last Linear)', false)
    .option('--frozen-bn <mode>', 'frozen batch norm layers: train (batch statistics, running ones updated, as PyTorch without .eval(); the default) or eval (running statistics, kept)', choice('--frozen-bn', FROZEN_BN))
    .option('--head-lr <x>', 'learning rate of the head (the last Linear); the rest trains at --lr, and the schedule scales both', positiveNumber('--head-lr'))
    .option('--backend <name>', 'auto, wasm or ref', choice('--backend', BACKENDS), TRAIN_DEFAULTS.backend)
    .option('--threads <n>', 'worker threads of the wasm backend', positiveInt('--threads'))
    .action(async (opts: Record<string, any>, command: Command) => {
      const given = (key: string) => command.getOptionValueSource(key) === 'cli' || (key === 'dataset' && command.getOptionValueSource('data') === 'cli');
      if (given('model') && /\.safetensors$/i.test(opts.model)) {
        // --model FILE.safetensors: a saved model to fine-tune, as --init-from FILE.
        if (opts.initFrom !== undefined) throw usageError(`--model ${opts.model} is a saved model (the same as --init-from): give it once`);
        opts.initFrom = opts.model;
        opts.model = TRAIN_DEFAULTS.model;
        await train(opts, (key) => key !== 'model' && given(key));
        return;
      }
      await train(opts, given);
    });
}

/** Where a run starts: fresh, from a checkpoint (resumed or extended), or from saved weights. */
interface Start {
  config: TrainConfig;
  checkpoint?: DecodedCheckpoint;
  newSchedule: boolean;
  init?: SavedModel;
  note: string;
  /** --label-smoothing was given (a regression refuses it; else its default is dropped). */
  smoothingGiven?: boolean;
}

async function train(opts: Record<string, any>, given: (key: string) => boolean): Promise<void> {
  if (opts.tta === 'none') opts.tta = undefined; // as a checkpoint records it (absent), so --resume --tta none matches
  const start = { ...(await resolveStart(opts, given)), smoothingGiven: given('labelSmoothing') };
  const backend = await setupBackend(opts.backend, opts.threads);
  const { config } = start;
  const folder = await claimOutFolder(opts.out, OUT_FILES, `nabla train (${config.model} on ${config.dataset}, ${plural(config.epochs, 'epoch')})`);
  try {
    await run(start, backend, folder, { config, backend: opts.backend, threads: opts.threads }, opts.evalTest === true, opts.cacheMb);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!(err instanceof CliError) && code && FILE_ERRORS.has(code)) throw fileError((err as Error).message);
    throw err;
  } finally {
    await folder.release();
  }
}

async function resolveStart(opts: Record<string, any>, given: (key: string) => boolean): Promise<Start> {
  if (opts.channels !== undefined) opts.channels = Number(opts.channels);
  if (opts.categorical === 'onehot') opts.categorical = undefined; // the default, recorded as no field (as a checkpoint records it)
  if (opts.data !== undefined) {
    // given('dataset') is also true for --data (see registerTrain); a different --dataset is the conflict.
    if (opts.dataset !== TRAIN_DEFAULTS.dataset && opts.dataset !== opts.data) throw usageError(`--data ${opts.data} and --dataset ${opts.dataset}: give one of them`);
    opts.dataset = opts.data;
  }
  const config: TrainConfig = {
    dataset: opts.dataset,
    // A table's default model is the MLP preset, sized from its columns.
    model: !given('model') && /\.csv$/i.test(opts.dataset) ? 'mlp' : opts.model,
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
    valSplit: opts.valSplit ?? DEFAULT_VAL_SPLIT,
    channels: opts.channels as 1 | 3 | undefined,
    size: opts.size,
    skipBad: opts.skipBad || undefined,
    target: opts.target,
    task: opts.task,
    skipMissingTarget: opts.skipMissingTarget || undefined,
    categorical: opts.categorical,
    vflip: opts.vflip || undefined,
    cropScale: opts.cropScale,
    rotate: opts.rotate || undefined,
    jitter: opts.jitter || undefined,
    freeze: opts.freeze,
    freezeAllButHead: opts.freezeAllButHead || undefined,
    numClasses: opts.numClasses,
    headLr: opts.headLr,
    frozenBn: opts.frozenBn,
    tta: opts.tta === 'flip' ? 'flip' : undefined,
  };
  for (const key of Object.keys(config) as (keyof TrainConfig)[]) if (config[key] === undefined) delete config[key];
  if (/\.csv$/i.test(config.dataset)) {
    if (given('shift') && config.shift > 0) throw usageError('--shift moves image pixels; a table has none (--data is a .csv file)');
    if (config.tta) throw usageError(`--tta ${config.tta} mirrors images; a table has none (--data is a .csv file)`);
    config.shift = 0; // and no other augmentation either: nothing in AugmentOptions applies to rows
  } else if (config.task || config.skipMissingTarget || (given('categorical') && !opts.resume && !opts.initFrom)) {
    // (a resumed run checks --categorical against its checkpoint, --init-from against the model's encoding)
    throw usageError(`${config.task ? '--task' : config.skipMissingTarget ? '--skip-missing-target' : '--categorical'} is for tables (--data table.csv)`);
  }
  if (config.patience && config.valSplit === 0) throw usageError('--patience watches the validation loss: it needs a validation split (--val-split > 0)');
  if (opts.resume && opts.initFrom) throw usageError('--resume continues a run and --init-from starts a new one from saved weights: give one of them');
  if (!opts.resume) checkFineTuneOptions(config, opts.initFrom !== undefined);
  if (opts.initFrom) {
    const init = await loadSavedModel(opts.initFrom, { allowNonFinite: opts.allowNonFinite === true });
    const encoding = (c: string | undefined) => c ?? 'onehot';
    if (given('categorical') && init.data?.table && encoding(init.data.table.categorical) !== encoding(opts.categorical)) {
      throw usageError(`--categorical ${encoding(opts.categorical)}: ${opts.initFrom} reads its categorical columns as ${encoding(init.data.table.categorical)} (a model keeps the encoding it was trained with)`);
    }
    if (!given('dataset') && init.dataset) config.dataset = init.dataset;
    if (!given('model')) config.model = opts.initFrom;
    config.initFrom = opts.initFrom;
    return { config, init, newSchedule: false, note: `; starting from the weights of ${opts.initFrom}` };
  }
  if (!opts.resume) return { config, newSchedule: false, note: '' };
  let checkpoint: DecodedCheckpoint;
  try {
    checkpoint = await loadCheckpoint(opts.resume, { allowNonFinite: opts.allowNonFinite === true });
  } catch (err) {
    throw fileError((err as Error).message);
  }
  const saved: SavedRun = parseSavedRun((checkpoint.extra?.callbacks as Record<string, unknown> | undefined)?.cli, opts.resume);
  const continued = continueRun(saved.config, checkpoint.epoch, opts, given);
  // The backend and thread count are part of what makes a run bit-identical: keep them unless given.
  if (!given('backend') && saved.backend) opts.backend = saved.backend;
  if (!given('threads') && saved.threads !== undefined) opts.threads = saved.threads;
  // A resumed run keeps writing into the run's own folder (the checkpoint's), unless --out says otherwise.
  if (!given('out')) opts.out = dirname(opts.resume);
  return { config: continued.config, checkpoint, newSchedule: continued.newSchedule, note: continued.note };
}

async function run(start: Start, backend: string, folder: OutFolder, runState: SavedRun, evalTest: boolean, cacheMb?: number): Promise<void> {
  const { config, init } = start;
  let { checkpoint } = start;
  const table = /\.csv$/i.test(config.dataset);
  if (table && isPresetName(config.model) && config.model !== 'mlp') {
    throw usageError(`--model ${config.model} is a preset for images (it convolves and pools over H×W); a table's rows are feature vectors: use --model mlp (the default for tables) or a model spec of your own`);
  }
  print(`nabla train: ${config.model} on ${config.dataset}, ${plural(config.epochs, 'epoch')}${start.note}`);
  // A table's task is known only once it is read: its smoothing applies only if the target is classes.
  const smoothing = config.labelSmoothing > 0 ? `label smoothing ${config.labelSmoothing} (${table ? 'if the target is classes; ' : ''}in each epoch's loss and val_loss; the final cross-entropy is without it)` : 'no label smoothing';
  print(
    `  ${config.optimizer} lr ${config.lr}${config.weightDecay ? ` weight decay ${config.weightDecay}` : ''}, ${config.schedule} schedule, batch ${config.batchSize}, ` +
      `shifts ±${config.shift} px${config.flip ? ', flips' : ''}${photoAugment(config)}, ${smoothing}${config.tta ? ', test-time flips (validation and final figures: the mean of the logits for each image and its mirror image)' : ''}, seed ${config.seed}, backend ${backend}`,
  );
  // The pixels are normalised as the model's first training saw them: the checkpoint's or the
  // initial model's settings, else the dataset's own.
  const recorded = checkpoint ? readCheckpointData(checkpoint) : init?.data;
  // The memory bound changes where the bytes are kept, never their values: not part of the config.
  const images = { channels: config.channels, size: config.size, skipBad: config.skipBad, cacheBytes: cacheMb === undefined ? undefined : cacheMb * 2 ** 20, cacheDir: folder.dir };
  const loadBegan = Date.now();
  const data = await loadDataset(config.dataset, { normalization: recorded?.normalization, valSplit: config.valSplit ?? 0, seed: config.seed, images, target: config.target, table: recorded?.table, task: config.task, skipMissingTarget: config.skipMissingTarget, categorical: config.categorical });
  if (checkpoint && recorded && !data.train.isRegression && recorded.classNames.join('\n') !== data.train.classNames.join('\n')) {
    throw mismatchError(`cannot resume: the checkpoint was trained on the classes ${recorded.classNames.join(', ')}; ${config.dataset} now has ${data.train.classNames.join(', ')} ` +
      '(a class was added, removed or renamed: start a new run, or fine-tune with --init-from)');
  }
  if (!data.table) {
    const tableOnly = [config.target ? '--target' : '', config.task ? '--task' : '', config.skipMissingTarget ? '--skip-missing-target' : '', config.categorical ? '--categorical' : ''].filter(Boolean);
    if (tableOnly.length > 0) print(`  note: ${tableOnly.join(', ')} ${tableOnly.length === 1 ? 'is' : 'are'} for tables (.csv); ${config.dataset} is images: ignored`);
  }
  const regression = data.train.isRegression;
  if (regression && config.labelSmoothing > 0) {
    if (start.smoothingGiven) throw usageError(`--label-smoothing is for classes; ${config.dataset}'s target '${config.target}' is a regression target`);
    config.labelSmoothing = 0; // the default smoothing means nothing to MSELoss
  }
  const how = recorded?.normalization ? `as ${init ? config.initFrom : 'the checkpoint'} records` : 'measured on the training split';
  for (const note of data.notes) print(`  ${note}`);
  const normalised = data.table ? 'numeric columns standardised with the training rows\' mean and std' : `normalised with ${formatNormalization(dataInfoOf(data.train, null).normalization)} (${how})`;
  const loaded = `loaded in ${((Date.now() - loadBegan) / 1000).toFixed(1)} s`;
  print(`  data: ${data.train.name} (${count(data.train.length)} ${data.table ? 'rows' : 'images'} of [${data.train.imageShape.join(', ')}]); ${normalised}; ${loaded}`);
  const testUse = !data.test ? 'none' : `${data.test.name} (${count(data.test.length)}), ${evalTest ? 'evaluated once at the end (--eval-test)' : 'not used (--eval-test evaluates it at the end)'}`;
  print(`  validation: ${data.validation ? `${data.validation.name} (${count(data.validation.length)}): ${data.validationFrom}` : data.validationFrom}; test: ${testUse}`);
  if (evalTest && !data.test) throw usageError(`--eval-test: ${config.dataset} has no test split (an image folder has one in test/, beside train/)`);

  const tuned = applyFineTuning(await buildTrainModel(start, data), config, data.train, init !== undefined);
  for (const note of tuned.notes) print(`  fine-tuning: ${note}`);
  const { model } = tuned;
  const optimizer = makeOptimizer(config, model.parameters(), tuned.groups);
  // Batch norm cannot train on a batch of one sample (PyTorch raises): such a last batch is dropped every epoch.
  const dropLast = data.train.length % config.batchSize === 1 && [...walkModules(model)].some(({ module }) => /^BatchNorm/.test(module.name));
  if (dropLast) print(`  note: the last batch of each epoch would hold 1 sample, which batch norm cannot train on; it is left out (${count(data.train.length - 1)} samples per epoch)`);
  const batchesPerEpoch = dropLast ? Math.floor(data.train.length / config.batchSize) : Math.ceil(data.train.length / config.batchSize);
  const schedule = makeSchedule(config, optimizer, batchesPerEpoch);
  if (checkpoint && start.newSchedule) {
    // An extension: the checkpoint's weights and optimizer buffers, this run's fresh schedule, rate and momentum.
    const fresh = optimizer.state();
    const kept = checkpoint.optimizer;
    // The groups keep their parameters; their rates are this run's (--head-lr over the new --lr).
    const optimizerState = kept && { ...kept, lr: fresh.lr, options: { ...kept.options, ...pick(fresh.options, ['momentum', 'beta1']) }, ...(fresh.groups ? { groups: fresh.groups } : {}) };
    checkpoint = { ...checkpoint, optimizer: optimizerState, schedule: schedule?.state() };
  }
  await folder.checkSpace(bytesWritten(model, config), 'model, checkpoint with optimizer state, and room for the atomic rewrite of the checkpoint');

  const info = { ...dataInfoOf(data.train, config.dataset, data.preprocess), ...(data.table ? { table: data.table } : {}) };
  const metadata = dataInfoMetadata(info);
  const checkpointPath = join(folder.dir, 'checkpoint.safetensors');
  const modelPath = join(folder.dir, 'model.safetensors');
  const logger = new MetricLogger(join(folder.dir, 'history'));
  const keeper: Callback = { name: 'cli', state: () => ({ ...runState }), loadState: () => undefined };
  const divergence = new DivergenceWatch(regression ? 2 : data.train.numClasses);
  const callbacks: Callback[] = [keeper, new TerminalProgress(), divergence];
  if (config.patience) callbacks.push(new EarlyStopping({ monitor: 'valLoss', patience: config.patience }));
  // With a validation split, model.safetensors always holds the best epoch so far (lowest val_loss).
  const best = data.validation ? new BestModelSaver(modelPath, { metadata }) : null;
  if (best) callbacks.push(best);
  callbacks.push(new CheckpointSaver(checkpointPath, { metadata }), logger);

  const began = Date.now();
  let result;
  try {
    result = await checkFitAsync(data.train.name, () =>
      fit(model, {
        optimizer,
        schedule,
        train: data.train,
        validation: data.validation ?? undefined,
        epochs: config.epochs,
        batchSize: config.batchSize,
        dropLast,
        seed: config.seed,
        augment: { maxShift: config.shift, horizontalFlip: config.flip, verticalFlip: config.vflip, cropScale: config.cropScale, rotate: config.rotate, jitter: config.jitter } satisfies AugmentOptions,
        loss: regression ? new MSELoss() : new SoftmaxCrossEntropy({ labelSmoothing: config.labelSmoothing }),
        clipNorm: config.clipNorm,
        evalTta: config.tta,
        callbacks,
        resume: checkpoint,
      }),
    );
  } catch (err) {
    if (err instanceof ResumeError) throw fileError(err.message);
    if (err instanceof NonFiniteError) throw new CliError(`${err.message}\n  try a smaller --lr or --clip-norm`, EXIT.failure);
    throw err;
  }
  if (result.stopReason) print(result.stopReason);
  const bad = firstNonFinite(model);
  if (bad) throw new CliError(`the trained weights are not finite (${bad.name}[${bad.index}] is ${bad.value}); ${modelPath} was not written`, EXIT.failure);
  const kept = await keepBest(model, best, result.epochs, modelPath, metadata);
  const seconds = (Date.now() - began) / 1000;
  if (result.history.length > 0) print(`curves (history.csv has every epoch${best ? '; * marks the epoch kept' : ''}):\n${formatCurves(result.history, best?.bestEpoch)}`);
  if (regression) {
    reportRegression(model, data, result.history.at(-1)?.trainRmse ?? NaN, result.epochs, kept, evalTest, config);
  } else {
    reportClassification(model, data, result.history, result.epochs, kept, config, evalTest);
  }
  print(`${seconds.toFixed(1)} s in all`);
  if (divergence.diverged) printError(`nabla: warning: ${divergence.describe()}; the saved model is unlikely to be of use`);
  print(`model saved to ${modelPath} (epoch ${kept}${best ? ', the lowest val_loss' : ', the last'}; checkpoint of the last epoch: ${checkpointPath}, history: ${logger.jsonPath}, ${logger.csvPath})`);
}

/** The end-of-run figures of a regression: RMSE and MAE in the target's units, per split. */
function reportRegression(model: Container, data: LoadedData, trainRmse: number, epochs: number, kept: number, evalTest: boolean, config: TrainConfig): void {
  const unit = `in ${data.table?.target ?? 'the target'}'s units`;
  print(`train RMSE: ${formatMetric(trainRmse)} over epoch ${epochs}'s batches as trained (train mode; ${unit})`);
  const line = (what: string, split: ImageDataset) => {
    const e = evaluate(model, split, { tta: config.tta });
    print(`${what} RMSE: ${formatMetric(e.rmse!)}, MAE ${formatMetric(e.mae!)} (${unit}) on ${split.name} (${count(split.length)} rows), epoch ${kept}'s weights; the target's std there: ${formatMetric(targetStd(split))}`);
  };
  if (data.validation) line('validation', data.validation);
  if (evalTest && data.test) line('test', data.test);
}

/** The std of a split's targets in their units (the RMSE of predicting the split's mean). */
function targetStd(split: ImageDataset): number {
  const t = split.targets!;
  const mean = t.reduce((a, b) => a + b, 0) / t.length;
  return Math.sqrt(t.reduce((a, b) => a + (b - mean) ** 2, 0) / t.length) * split.targetScale!.std;
}

/** The end-of-run figures of a classifier: accuracy and cross-entropy, per split. */
function reportClassification(model: Container, data: LoadedData, history: History, epochs: number, kept: number, config: TrainConfig, evalTest: boolean): void {
  print(`train accuracy: ${percent(history.at(-1)?.trainAccuracy ?? NaN)} over epoch ${epochs}'s batches as trained (train mode${config.shift || config.flip ? ', augmented' : ''})`);
  if (data.validation) {
    const v = evaluate(model, data.validation, { tta: config.tta });
    const smoothed = history.find((r) => r.epoch === kept)?.valLoss;
    const withSmoothing = config.labelSmoothing > 0 && smoothed !== undefined ? ` (with label smoothing ${config.labelSmoothing}, as in val_loss: ${formatLoss(smoothed)})` : '';
    print(`validation accuracy: ${percent(v.accuracy)} (${Math.round(v.accuracy * v.count)}/${v.count}) on ${data.validation.name}, epoch ${kept}'s weights; cross-entropy ${formatLoss(v.loss)}${withSmoothing}`);
  }
  if (evalTest && data.test) {
    const t = evaluate(model, data.test, { tta: config.tta });
    print(`test accuracy: ${percent(t.accuracy)} (${Math.round(t.accuracy * t.count)}/${t.count}) on ${data.test.name}, epoch ${kept}'s weights; cross-entropy ${formatLoss(t.loss)}`);
  } else if (data.test) {
    print(`test split: not evaluated (${data.test.name}, ${count(data.test.length)} images; --eval-test evaluates it)`);
  }
}

/**
 * Leaves the model (in memory and in model.safetensors) at the epoch the run keeps: the best by
 * val_loss when there is a validation split (BestModelSaver wrote it), else the last. Returns
 * that epoch. A resumed run whose best file is missing (another --out) keeps the last, saying so.
 */
async function keepBest(model: Container, best: BestModelSaver | null, epochs: number, modelPath: string, metadata: Record<string, string>): Promise<number> {
  if (!best || best.bestEpoch === 0 || best.bestEpoch === epochs) {
    await saveWeights(modelPath, model, metadata);
    return epochs;
  }
  try {
    await loadWeights(modelPath, model);
    return best.bestEpoch;
  } catch (err) {
    printError(`nabla: warning: cannot read the best epoch's weights back (${(err as Error).message}); keeping the last epoch's`);
    await saveWeights(modelPath, model, metadata);
    return epochs;
  }
}

/** The model of a run: the checkpoint's spec, the initial model's (with its weights), or the preset / spec file. */
async function buildTrainModel(start: Start, data: LoadedData): Promise<Container> {
  const { config, checkpoint, init } = start;
  let specs: LayerSpec[] | LayerSpec;
  if (checkpoint?.spec) specs = checkpoint.spec;
  else if (init && config.model === config.initFrom) specs = init.model.toSpec();
  else specs = await resolveModelSpec(config.model, { inputShape: data.train.imageShape, numClasses: data.train.numClasses, table: data.table });
  // A checkpoint's spec may ask for no more than the checkpoint holds (each weight also gets a gradient).
  const values = checkpoint?.spec ? [...checkpoint.weights.values()].reduce((n, t) => n + t.data.length, 0) : null;
  const limit = values === null ? {} : { maxTotalElements: 2 * values + 1024 };
  let model: Container;
  try {
    model = buildModel(specs, config.seed, data.train.imageShape, limit);
  } catch (err) {
    if (values === null) throw err;
    // the spec came from the checkpoint: whatever is wrong with it is the file's fault
    const message = (err as Error).message;
    throw fileError(message.includes('elements') ? `the checkpoint's spec asks for a model larger than the ${count(values)} values it holds: ${message}` : `the checkpoint's ${message}`);
  }
  if (init) {
    try {
      loadWeightsInto(model, decodeWeights(encodeWeights(init.model)).tensors, config.initFrom);
    } catch (err) {
      throw mismatchError(`--init-from ${(err as Error).message} (--model ${config.model})`);
    }
  }
  return model;
}

function readCheckpointData(checkpoint: DecodedCheckpoint) {
  try {
    return readDataInfo(checkpoint.metadata, 'resume checkpoint');
  } catch (err) {
    throw fileError((err as Error).message);
  }
}

/** Bytes the run keeps on disk at its peak: the model file, the checkpoint and its replacement being written. */
function bytesWritten(model: Container, config: TrainConfig): number {
  const values = [...model.parameters(), ...model.buffers()].reduce((n, t) => n + t.value.size, 0);
  const slots = config.optimizer === 'sgd' ? (config.momentum > 0 ? 1 : 0) : 2;
  const header = 1 << 20; // specs, metadata and the history: well under a MiB
  return 4 * values + 2 * 4 * values * (1 + slots) + header;
}

/** The photo augmentations of a run, for the banner. */
function photoAugment(config: TrainConfig): string {
  const parts = [
    config.vflip ? 'vertical flips' : '',
    config.cropScale !== undefined && config.cropScale < 1 ? `random resized crops (area ${config.cropScale}–1)` : '',
    config.rotate ? `rotations ±${config.rotate}°` : '',
    config.jitter ? `colour jitter ±${config.jitter}` : '',
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function pick<T>(o: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
