// SPDX-License-Identifier: MIT
// What several commands share: choosing the backend, loading a dataset by name or folder,
// building a model from a preset or spec file, and loading a saved model with its data settings.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { type Normalization, renormalize } from '../data/data-info.js';
import type { ImageDataset } from '../data/dataset.js';
import { DEFAULT_FASHION_MNIST_DIR, loadIdxFolderSplits } from '../data/folder.js';
import { IdxError } from '../data/idx.js';
import { loadEmbeddedMnist } from '../data/mnist.js';
import { validationSplit } from '../data/split.js';
import { initBackend } from '../kernels/index.js';
import type { LayerSpec } from '../layers/layer.js';
import type { Container } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { Rng } from '../tensor/rng.js';
import { isPresetName, type ModelSpec, parseModelSpec, PRESET_NAMES, presetSpec, type PresetOptions } from '../train/presets.js';
import { CliError, EXIT, fileError, mismatchError, usageError } from './errors.js';
import { ShapeError } from '../tensor/shape.js';
import type { AllocationLimit } from '../tensor/tensor.js';
import { printError } from './io.js';

export { loadSavedModel, type SavedModel } from './saved-model.js';

export const BACKENDS = ['auto', 'wasm', 'ref'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * Starts the backend. More worker threads than the machine has cores only slow the run down,
 * so --threads is capped at the core count, with a warning (the thread count is part of what
 * makes runs bit-identical, so the warning says which count is used).
 */
export async function setupBackend(backend: BackendName, threads?: number): Promise<string> {
  const cores = availableParallelism();
  if (threads !== undefined && threads > cores) {
    printError(`nabla: warning: --threads ${threads} is more than the ${cores} cores here; using ${cores}`);
    threads = cores;
  }
  try {
    const k = await initBackend({ backend, threads });
    return k.name;
  } catch (err) {
    throw new CliError(`--backend ${backend}: ${(err as Error).message}`, EXIT.failure);
  }
}

export interface LoadedData {
  /** The name given on the command line ('mnist', 'fashion-mnist' or a folder). */
  id: string;
  /** The samples trained on (the training split less the validation split). */
  train: ImageDataset;
  /** The validation split (per-epoch figures, --patience, the best epoch), or null with --val-split 0. */
  validation: ImageDataset | null;
  /** Where the validation split comes from, for the report ('10% of mnist (embedded) train, seeded, stratified by class'). */
  validationFrom: string;
  /** The test split: the embedded MNIST's 2,000 held-out digits or an IDX folder's t10k files; read only when asked. */
  test: ImageDataset;
}

export interface LoadDatasetOptions {
  /** A model's normalisation, replacing the dataset's own, so the model sees data as it was trained. */
  normalization?: Normalization | null;
  /** Share of the training split held back for validation (default DEFAULT_VAL_SPLIT; 0: none). */
  valSplit?: number;
  /** Seeds the validation split. Default 0. */
  seed?: number;
}

/** The share of the training split held back for validation when no separate validation data exist. */
export const DEFAULT_VAL_SPLIT = 0.1;

/**
 * 'mnist': the embedded 10,000 digits split 8,000 / 2,000 (the 2,000 are the test split).
 * 'fashion-mnist': Debian's IDX files in /usr/share/datasets/fashion-mnist. Anything else is a
 * folder of the four MNIST-format IDX files, normalised as Fashion-MNIST when its name contains
 * 'fashion', else as MNIST. The validation split is a seeded, stratified share of the training
 * split (data/split.ts); the test split is never part of it.
 */
export async function loadDataset(id: string, options: LoadDatasetOptions = {}): Promise<LoadedData> {
  const named = await loadNamedDataset(id);
  let { train, test } = named;
  if (options.normalization) {
    try {
      train = renormalize(train, options.normalization);
      test = renormalize(test, options.normalization);
    } catch (err) {
      throw mismatchError((err as Error).message);
    }
  }
  const fraction = options.valSplit ?? DEFAULT_VAL_SPLIT;
  if (fraction === 0) return { id, train, validation: null, validationFrom: 'none (--val-split 0)', test };
  const split = validationSplit(train.length, fraction, options.seed ?? 0, train.labels);
  if (split.validation.length === 0) {
    throw usageError(`--val-split ${fraction} of ${train.name}'s ${train.length} samples holds back none; give a larger share or --val-split 0 (no validation)`);
  }
  return {
    id,
    train: train.subset(split.train),
    validation: train.subset(split.validation, `${train.name} validation split`),
    validationFrom: `${+(fraction * 100).toFixed(2)}% of ${train.name}'s ${train.length.toLocaleString('en-US')}, seeded (--seed ${options.seed ?? 0}), stratified by class`,
    test,
  };
}

async function loadNamedDataset(id: string): Promise<{ train: ImageDataset; test: ImageDataset }> {
  try {
    if (id === 'mnist') {
      const [train, test] = await loadEmbeddedMnist();
      return { train, test };
    }
    const dir = id === 'fashion-mnist' ? DEFAULT_FASHION_MNIST_DIR : id;
    let isDir = false;
    try {
      isDir = (await stat(dir)).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) {
      const hint = id === 'fashion-mnist' ? ' (install Debian\'s dataset-fashion-mnist, or run `nabla data download fashion-mnist --dir DIR` and pass --dataset DIR)' : ' (expected mnist, fashion-mnist or a folder of IDX files)';
      throw fileError(`dataset ${id}: no folder ${dir}${hint}`);
    }
    const kind = id === 'fashion-mnist' || /fashion/i.test(basename(dir)) ? 'fashion-mnist' : 'mnist';
    const [train, test] = await loadIdxFolderSplits(dir, { kind });
    return { train, test };
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof IdxError) throw fileError(err.message);
    throw fileError(`dataset ${id}: ${(err as Error).message}`);
  }
}

/** A preset name or a JSON spec file, as layer specs for the given data shape. */
export async function resolveModelSpec(model: string, options: PresetOptions): Promise<ModelSpec> {
  if (isPresetName(model)) return presetSpec(model, options);
  if (!model.endsWith('.json')) throw usageError(`--model must be a preset (${PRESET_NAMES.join(', ')}) or a .json spec file, got '${model}'`);
  let text: string;
  try {
    text = await readFile(model, 'utf8');
  } catch {
    throw fileError(`${model}: no such file (a model spec is a JSON list of layers)`);
  }
  try {
    return parseModelSpec(text, model, options.inputShape);
  } catch (err) {
    if (err instanceof ShapeError) throw mismatchError(`the model does not fit the data (one example is [${options.inputShape?.join(', ')}]): ${err.message}`);
    throw fileError((err as Error).message);
  }
}

/** The model of a spec; `inputShape` (one example's [C, H, W]) lets sizes be inferred and checks every shape. */
export function buildModel(spec: LayerSpec[] | LayerSpec, seed: number, inputShape?: readonly number[], limit: AllocationLimit = {}): Container {
  try {
    return modelFromSpec(spec, { ...limit, rng: new Rng(seed), inputShape: inputShape ? [1, ...inputShape] : undefined });
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

/** Runs fn; an error from a layer's shape check becomes a 'model does not fit the data' error. */
export function checkFit<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asMismatch(what, err);
  }
}

/** checkFit for asynchronous work (fit). */
export async function checkFitAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asMismatch(what, err);
  }
}

function asMismatch(what: string, err: unknown): unknown {
  if (err instanceof CliError || !(err instanceof Error)) return err;
  if (/Sequential layer|Graph node|the model outputs|expected|shape/i.test(err.message)) return mismatchError(`the model does not fit ${what}: ${err.message}`);
  return err;
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
