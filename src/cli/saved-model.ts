// SPDX-License-Identifier: MIT
// Loading a model file (weights file, checkpoint or imported model) with the data settings it
// carries (data/data-info.ts), and the --normalize and --class-names options that give or
// replace them. Checkpoints written before they carried 'nabla.data' fall back to the dataset
// recorded in their training options.
import { DATA_INFO_SCHEMA, type DataInfo, DataInfoError, type Normalization, readDataInfo } from '../data/data-info.js';
import { FASHION_MNIST_CLASSES, FASHION_MNIST_MEAN, FASHION_MNIST_STD, MNIST_MEAN, MNIST_STD } from '../data/mnist.js';
import { readBytes } from '../io/node-file.js';
import { SafetensorsError } from '../io/safetensors.js';
import { decodeWeights, loadWeightsInto } from '../io/weights.js';
import type { Container } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { Rng } from '../tensor/rng.js';
import { CliError, fileError, usageError } from './errors.js';

export interface SavedModel {
  model: Container;
  /** The data settings (validated), or null when the file carries none. */
  data: DataInfo | null;
  /** The dataset the model was trained on, when the file says (also for older checkpoints). */
  dataset: string | null;
  metadata: Record<string, string>;
}

/** Loads a weights file or checkpoint that carries its spec (as `nabla train` and `nabla import` write them). */
export async function loadSavedModel(path: string): Promise<SavedModel> {
  try {
    const decoded = decodeWeights(await readBytes(path), path);
    if (!decoded.spec) throw fileError(`${path}: holds no model spec (metadata nabla.spec); it was not written by Nabla`);
    const model = modelFromSpec(decoded.spec, { rng: new Rng(0) });
    loadWeightsInto(model, decoded.tensors, path);
    const data = readDataInfo(decoded.metadata, path) ?? legacyCheckpointData(decoded.metadata);
    const dataset = data?.dataset ?? trainedOn(decoded.metadata);
    return { model, data, dataset, metadata: decoded.metadata };
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof SafetensorsError || err instanceof DataInfoError || /no such file/.test((err as Error).message)) throw fileError((err as Error).message);
    const message = (err as Error).message;
    throw fileError(message.startsWith(`${path}:`) ? message : `${path}: ${message}`);
  }
}

/** The dataset in the training options a checkpoint of `nabla train` saves (nabla.state → extra.callbacks.cli.config). */
function trainedOn(metadata: Record<string, string>): string | null {
  try {
    const state = JSON.parse(metadata['nabla.state'] ?? 'null') as { extra?: { callbacks?: { cli?: { config?: { dataset?: unknown } } } } } | null;
    const dataset = state?.extra?.callbacks?.cli?.config?.dataset;
    return typeof dataset === 'string' && dataset.length > 0 && dataset.length <= 1000 ? dataset : null;
  } catch {
    return null;
  }
}

/** Checkpoints from before 'nabla.data' was written: the settings of the named dataset, when it is a known one. */
function legacyCheckpointData(metadata: Record<string, string>): DataInfo | null {
  const dataset = trainedOn(metadata);
  return dataset === 'mnist' || dataset === 'fashion-mnist' ? knownDataInfo(dataset) : null;
}

/** The data settings of the two datasets Nabla knows by name. */
export function knownDataInfo(dataset: 'mnist' | 'fashion-mnist'): DataInfo {
  const fashion = dataset === 'fashion-mnist';
  return {
    schema: DATA_INFO_SCHEMA,
    dataset,
    inputShape: [1, 28, 28],
    numClasses: 10,
    classNames: fashion ? [...FASHION_MNIST_CLASSES] : Array.from({ length: 10 }, (_, k) => String(k)),
    normalization: fashion ? { mean: [FASHION_MNIST_MEAN], std: [FASHION_MNIST_STD] } : { mean: [MNIST_MEAN], std: [MNIST_STD] },
  };
}

/** --normalize mnist | fashion-mnist | none | MEAN,STD (one channel). */
export function normalizeOption(value: string): Normalization {
  const v = value.trim();
  if (v === 'mnist' || v === 'fashion-mnist') return knownDataInfo(v).normalization!;
  if (v === 'none') return { mean: [0], std: [1] };
  const parts = v.split(',').map((p) => p.trim());
  const [mean, std] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(mean) || !Number.isFinite(std) || !(std > 0)) {
    throw usageError(`--normalize must be mnist, fashion-mnist, none (raw/255) or MEAN,STD with STD > 0 (e.g. 0.1307,0.3081), got '${value}'`);
  }
  return { mean: [mean], std: [std] };
}

/** --class-names mnist | fashion-mnist | a,b,c,... */
export function classNamesOption(value: string): string[] {
  const v = value.trim();
  if (v === 'mnist' || v === 'fashion-mnist') return knownDataInfo(v).classNames;
  const names = v.split(',').map((n) => n.trim());
  if (names.length < 2 || names.some((n) => n === '')) throw usageError(`--class-names must be mnist, fashion-mnist or names separated by commas, got '${value}'`);
  return names;
}
