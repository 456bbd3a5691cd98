// SPDX-License-Identifier: MIT
// Loading a model file (weights file, checkpoint or imported model) with the data settings it
// carries (data/data-info.ts), and the --normalize and --class-names options that give or
// replace them. Checkpoints written before they carried 'nabla.data' fall back to the dataset
// recorded in their training options.
import { DATA_INFO_SCHEMA, type DataInfo, DataInfoError, type Normalization, readDataInfo } from '../data/data-info.js';
import { FASHION_MNIST_CLASSES, FASHION_MNIST_MEAN, FASHION_MNIST_STD, MNIST_MEAN, MNIST_STD } from '../data/mnist.js';
import { readBytes } from '../io/node-file.js';
import { readSafetensorsHeader, SafetensorsError } from '../io/safetensors.js';
import { checkWeightsFit, decodeWeights, type LoadOptions, loadWeightsInto, OPTIMIZER_PREFIX, readSpec } from '../io/weights.js';
import type { Container, LayerSpec } from '../layers/layer.js';
import { modelFromSpec } from '../layers/spec.js';
import { AllocationLimitError, sizeOf } from '../tensor/tensor.js';
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

/** The --allow-non-finite option of the commands that load a model file. */
export const ALLOW_NON_FINITE_HELP = 'load weights holding NaN or ±Infinity instead of refusing the file (for debugging)';

/**
 * Loads a weights file or checkpoint that carries its spec (as `nabla train` and `nabla import`
 * write them). The header is validated and compared with the spec's model before any tensor is
 * read, and the model is built under a limit of what the file holds, so a spec that asks for a
 * huge layer is refused before it is allocated.
 */
export async function loadSavedModel(path: string, options: LoadOptions = {}): Promise<SavedModel> {
  try {
    const bytes = await readBytes(path);
    if (/\.onnx$/i.test(path)) {
      throw fileError(`${path}: an ONNX model; nabla reads weights files (.safetensors): convert it first with nabla import ${path} --out model.safetensors`);
    }
    const header = readSafetensorsHeader(bytes, path);
    const spec = readSpec(header.metadata, path);
    if (!spec) throw fileError(`${path}: holds no model spec (metadata nabla.spec); it was not written by Nabla`);
    const entries = new Map([...header.entries].filter(([name]) => !name.startsWith(OPTIMIZER_PREFIX)));
    const model = modelWithinFile(spec, [...entries.values()].reduce((n, e) => n + sizeOf(e.shape), 0), path);
    checkWeightsFit(model, entries, path);
    const decoded = decodeWeights(bytes, path, options);
    loadWeightsInto(model, decoded.tensors, path, options);
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

/**
 * The model of a file's spec, allocated under a limit of what the file holds: `values` weights
 * (each parameter also gets a gradient of its size), so the spec cannot claim more than the file.
 */
export function modelWithinFile(spec: LayerSpec | LayerSpec[], values: number, path: string): Container {
  const limit = 2 * values + 1024;
  try {
    return modelFromSpec(spec, { rng: new Rng(0), maxTotalElements: limit });
  } catch (err) {
    if (!(err instanceof AllocationLimitError)) throw err;
    throw fileError(`${path}: its spec asks for a model larger than the ${values.toLocaleString('en')} values the file holds (${err.message})`);
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
