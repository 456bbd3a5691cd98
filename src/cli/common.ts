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
import { initBackend } from '../kernels/index.js';
import type { LayerSpec } from '../layers/layer.js';
import type { Container } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { Rng } from '../tensor/rng.js';
import { isPresetName, type ModelSpec, parseModelSpec, PRESET_NAMES, presetSpec, type PresetOptions } from '../train/presets.js';
import { CliError, EXIT, fileError, mismatchError, usageError } from './errors.js';
import { ShapeError } from '../tensor/shape.js';
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
  train: ImageDataset;
  /** Held-out split (embedded MNIST) or the test split (IDX folders). */
  test: ImageDataset;
}

/**
 * 'mnist': the embedded 10,000 digits split 8,000 / 2,000. 'fashion-mnist': Debian's IDX files
 * in /usr/share/datasets/fashion-mnist. Anything else is a folder of the four MNIST-format IDX
 * files, normalised as Fashion-MNIST when its name contains 'fashion', else as MNIST.
 * `normalization` (a model's) replaces the dataset's own, so the model sees data as it was trained.
 */
export async function loadDataset(id: string, options: { normalization?: Normalization | null } = {}): Promise<LoadedData> {
  const data = await loadNamedDataset(id);
  if (!options.normalization) return data;
  try {
    return { id, train: renormalize(data.train, options.normalization), test: renormalize(data.test, options.normalization) };
  } catch (err) {
    throw mismatchError((err as Error).message);
  }
}

async function loadNamedDataset(id: string): Promise<LoadedData> {
  try {
    if (id === 'mnist') {
      const [train, test] = await loadEmbeddedMnist();
      return { id, train, test };
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
    return { id, train, test };
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
export function buildModel(spec: LayerSpec[] | LayerSpec, seed: number, inputShape?: readonly number[]): Container {
  try {
    return modelFromSpec(spec, { rng: new Rng(seed), inputShape: inputShape ? [1, ...inputShape] : undefined });
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
