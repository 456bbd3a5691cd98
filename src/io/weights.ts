// SPDX-License-Identifier: MIT
// A model's weights as safetensors: every named parameter and buffer ('0.weight',
// '1.runningMean'), with the model's spec in the metadata so a file can rebuild its model.
// Loading checks names and shapes against the model and says exactly what does not fit.
import type { LayerSpec } from '../layers/layer.js';
import { measureSpec } from '../layers/spec.js';
import { type AllocationLimit, type Buffer, formatShape, type Parameter, type Tensor } from '../tensor/tensor.js';
import { decodeSafetensors, encodeSafetensors, type SafeTensor, SafetensorsError, toTensor } from './safetensors.js';

/** What a model offers to be saved: parameters and buffers with unique, stable names. */
export interface WeightSource {
  parameters(): Parameter[];
  buffers(): Buffer[];
  toSpec?(): LayerSpec;
}

export const FORMAT_KEY = 'format';
export const SPEC_KEY = 'nabla.spec';
export const WEIGHTS_FORMAT = 'nabla.weights/1';
/** Tensor names starting with this belong to a checkpoint's optimizer, not to the model. */
export const OPTIMIZER_PREFIX = 'optimizer/';

/** The model's tensors by name: parameters first, then buffers, in the model's order. */
export function namedWeights(model: WeightSource): [string, Tensor][] {
  const out: [string, Tensor][] = [];
  const seen = new Set<string>();
  for (const { name, value } of [...model.parameters(), ...model.buffers()]) {
    if (seen.has(name)) throw new Error(`weights: the model has two tensors named '${name}'`);
    seen.add(name);
    out.push([name, value]);
  }
  return out;
}

/** Metadata every Nabla file carries: its format and, when the model has one, its spec. */
export function modelMetadata(model: WeightSource, format: string): Record<string, string> {
  const metadata: Record<string, string> = { [FORMAT_KEY]: format };
  if (model.toSpec) metadata[SPEC_KEY] = JSON.stringify(model.toSpec());
  return metadata;
}

/** The weights file of a model (safetensors bytes). */
export function encodeWeights(model: WeightSource, metadata: Record<string, string> = {}): Uint8Array {
  return encodeSafetensors(namedWeights(model), { ...modelMetadata(model, WEIGHTS_FORMAT), ...metadata });
}

export interface DecodedWeights {
  /** Model tensors only (a checkpoint's optimizer tensors are left out). */
  tensors: Map<string, SafeTensor>;
  metadata: Record<string, string>;
  /** The model spec stored with the weights, or null for files from elsewhere. */
  spec: LayerSpec | null;
}

/**
 * Decodes a weights file, or the model part of a checkpoint. When it carries a spec, the spec is
 * sized (nothing allocated, within the allocation limit) and its tensors' names and shapes are
 * compared with the file's, so a file whose spec asks for more than it holds is refused before
 * any model is built.
 */
export function decodeWeights(bytes: Uint8Array | ArrayBuffer, file = '<buffer>', options: AllocationLimit = {}): DecodedWeights {
  const { tensors, metadata } = decodeSafetensors(bytes, file);
  const model = new Map([...tensors].filter(([name]) => !name.startsWith(OPTIMIZER_PREFIX)));
  const spec = readSpec(metadata, file);
  if (spec) checkFitsSpec(spec, model, file, options);
  return { tensors: model, metadata, spec };
}

/** Throws unless the file's model tensors are exactly those its spec builds (names and shapes, from the header). */
export function checkFitsSpec(spec: LayerSpec, tensors: ReadonlyMap<string, { shape: readonly number[] }>, file: string, options: AllocationLimit = {}): void {
  let measured: WeightSource;
  try {
    measured = measureSpec(spec, options);
  } catch (err) {
    if (err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError)) err.message = `${file}: metadata ${SPEC_KEY}: ${err.message}`;
    throw err;
  }
  const problems = weightMismatches(measured, tensors, file);
  if (problems.length > 0) throw new SafetensorsError(`${file}: its tensors do not fit its own spec (metadata ${SPEC_KEY}): ${problems.join('; ')}`);
}

/** The spec in a file's metadata, or null when there is none. */
export function readSpec(metadata: Record<string, string>, file = '<buffer>'): LayerSpec | null {
  const raw = metadata[SPEC_KEY];
  if (raw === undefined) return null;
  try {
    const spec = JSON.parse(raw) as LayerSpec;
    if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') throw new Error('no layer type');
    return spec;
  } catch (err) {
    throw new SafetensorsError(`${file}: metadata ${SPEC_KEY} is not a model spec (${(err as Error).message})`);
  }
}

export interface LoadWeightsOptions {
  /** Loads NaN and ±Infinity too (for debugging a broken run); by default they are refused. */
  allowNonFinite?: boolean;
}

/**
 * What does not fit between a model's tensors and a file's (names, shapes; from the headers
 * alone, nothing is read): one line per problem, empty when all fit. `model` may be measured
 * (measureSpec: shapes without storage), so a file is checked before its model is built.
 */
export function weightMismatches(model: WeightSource, tensors: ReadonlyMap<string, { shape: readonly number[] }>, file = 'checkpoint'): string[] {
  const wanted = namedWeights(model);
  const problems: string[] = [];
  const missing = wanted.filter(([name]) => !tensors.has(name)).map(([name]) => name);
  const known = new Set(wanted.map(([name]) => name));
  const unexpected = [...tensors.keys()].filter((name) => !known.has(name));
  if (missing.length > 0) problems.push(`missing from the file: ${listed(missing)}`);
  if (unexpected.length > 0) problems.push(`not in the model: ${listed(unexpected)}`);
  for (const [name, target] of wanted) {
    const source = tensors.get(name);
    if (source && (source.shape.length !== target.shape.length || source.shape.some((d, i) => d !== target.shape[i]))) {
      problems.push(`${file} tensor ${name} has shape ${formatShape(source.shape)}, model expects ${formatShape(target.shape)}`);
    }
  }
  return problems;
}

/** At most 20 names, then how many more (a mutated file may hold thousands). */
function listed(names: string[]): string {
  return names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')} and ${names.length - 20} more`;
}

/** "tensor X: element i is NaN" for the first non-finite value of a float tensor, or null. */
export function nonFiniteProblem(name: string, data: ArrayLike<number>): string | null {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) return `tensor ${name}: element ${i} is ${data[i]} (non-finite values are refused; allowNonFinite loads them for debugging)`;
  }
  return null;
}

/**
 * Copies tensors into the model's parameters and buffers (converting F32 ↔ F64 as needed).
 * Checks everything first (names, shapes, dtypes, finite values) and changes nothing unless all fit.
 */
export function loadWeightsInto(model: WeightSource, tensors: Map<string, SafeTensor>, file = 'checkpoint', options: LoadWeightsOptions = {}): void {
  const problems = weightMismatches(model, tensors, file);
  const ready: [string, Tensor, Tensor][] = [];
  if (problems.length === 0) {
    for (const [name, target] of namedWeights(model)) {
      try {
        ready.push([name, toTensor(tensors.get(name)!, name), target]);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  if (problems.length > 0) throw new SafetensorsError(`${file} does not fit this model: ${problems.join('; ')}`);
  for (const [name, source] of ready) {
    const bad = options.allowNonFinite ? null : nonFiniteProblem(name, source.data);
    if (bad) throw new SafetensorsError(`${file}: ${bad}`);
  }
  for (const [, source, target] of ready) target.data.set(source.data);
}
