// SPDX-License-Identifier: MIT
// A model's weights as safetensors: every named parameter and buffer ('0.weight',
// '1.runningMean'), with the model's spec in the metadata so a file can rebuild its model.
// Loading checks names and shapes against the model and says exactly what does not fit.
import type { LayerSpec } from '../layers/layer.js';
import { type Buffer, formatShape, type Parameter, type Tensor } from '../tensor/tensor.js';
import { checkFinite, checkVariance, decodeSafetensors, encodeSafetensors, type SafeDType, type SafeTensor, SafetensorsError, toTensor } from './safetensors.js';
import { measureSpec } from '../layers/spec.js';
import type { AllocationLimit } from '../tensor/tensor.js';

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

/** Options of loading weights from a file that may not be trusted. */
export interface LoadOptions {
  /** Load tensors holding NaN or ±Infinity instead of refusing them (for debugging a run that went non-finite). */
  allowNonFinite?: boolean;
}

/**
 * Decodes a weights file, or the model part of a checkpoint. A tensor holding NaN or ±Infinity is
 * refused (NonFiniteWeightsError naming it and the first bad index) unless `allowNonFinite`.
 */
export function decodeWeights(bytes: Uint8Array | ArrayBuffer, file = '<buffer>', options: LoadOptions = {}): DecodedWeights {
  const { tensors, metadata } = decodeSafetensors(bytes, file);
  const model = new Map([...tensors].filter(([name]) => !name.startsWith(OPTIMIZER_PREFIX)));
  if (!options.allowNonFinite) for (const [name, t] of tensors) checkFinite(t, name, file);
  const spec = readSpec(metadata, file);
  if (spec) checkFitsSpec(spec, model, file);
  return { tensors: model, metadata, spec };
}

/**
 * Throws unless the file's model tensors are exactly those its spec builds: the spec is sized
 * with storage-less tensors (measureSpec, within the allocation limit) and compared with the
 * header, so a spec that asks for more than the file holds is refused before any model is built.
 */
export function checkFitsSpec(spec: LayerSpec, tensors: ReadonlyMap<string, { dtype: SafeDType; shape: readonly number[] }>, file: string, limit: AllocationLimit = {}): void {
  let measured: WeightSource;
  try {
    measured = measureSpec(spec, limit);
  } catch (err) {
    if (err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError) && !err.message.startsWith(file)) err.message = `${file}: metadata ${SPEC_KEY}: ${err.message}`;
    throw err;
  }
  checkWeightsFit(measured, tensors, `${file} (its own spec, metadata ${SPEC_KEY})`);
}

/** The spec in a file's metadata, or null when there is none. */
export function readSpec(metadata: Record<string, string>, file = '<buffer>'): LayerSpec | null {
  const raw = metadata[SPEC_KEY];
  if (raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as LayerSpec | LayerSpec[];
    // A list of layers (as modelFromSpec takes one) is the Sequential of them.
    const isLayerList = Array.isArray(parsed) && parsed.length > 0 && parsed.every((l) => typeof l === 'object' && l !== null && !Array.isArray(l));
    const spec = isLayerList ? { type: 'Sequential', layers: parsed } : (parsed as LayerSpec);
    if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') throw new Error('no layer type');
    return spec;
  } catch (err) {
    throw new SafetensorsError(`${file}: metadata ${SPEC_KEY} is not a model spec (${(err as Error).message})`);
  }
}

/**
 * Checks names, shapes and dtypes (from a file's header, before any tensor data is read) against
 * the model's parameters and buffers; throws "does not fit this model: …" listing every problem.
 */
export function checkWeightsFit(model: WeightSource, tensors: ReadonlyMap<string, { dtype: SafeDType; shape: readonly number[] }>, file = 'checkpoint'): void {
  const wanted = namedWeights(model);
  const problems: string[] = [];
  const missing = wanted.filter(([name]) => !tensors.has(name)).map(([name]) => name);
  const known = new Set(wanted.map(([name]) => name));
  const unexpected = [...tensors.keys()].filter((name) => !known.has(name) && !name.startsWith(OPTIMIZER_PREFIX));
  if (missing.length > 0) problems.push(`missing from the file: ${listed(missing)}`);
  if (unexpected.length > 0) problems.push(`not in the model: ${listed(unexpected)}`);
  for (const [name, target] of wanted) {
    const source = tensors.get(name);
    if (!source) continue;
    if (source.shape.length !== target.shape.length || source.shape.some((d, i) => d !== target.shape[i])) {
      problems.push(`tensor ${name} has shape ${formatShape(source.shape.slice(0, 8))}${source.shape.length > 8 ? ' (cut)' : ''}, model expects ${formatShape(target.shape)}`);
    } else if (source.dtype !== 'F32' && source.dtype !== 'F64') {
      problems.push(`tensor ${name}: dtype ${source.dtype} cannot become a Nabla tensor (F32 or F64 only)`);
    }
  }
  if (problems.length > 0) throw new SafetensorsError(`${file} does not fit this model: ${problems.join('; ')}`);
}

/**
 * Copies tensors into the model's parameters and buffers (converting F32 ↔ F64 as needed).
 * Checks everything first (checkWeightsFit, then finiteness unless `allowNonFinite`) and
 * changes nothing unless all of it passes.
 */
export function loadWeightsInto(model: WeightSource, tensors: Map<string, SafeTensor>, file = 'checkpoint', options: LoadOptions = {}): void {
  checkWeightsFit(model, tensors, file);
  const ready: [Tensor, Tensor][] = [];
  for (const [name, target] of namedWeights(model)) {
    const source = tensors.get(name)!;
    if (!options.allowNonFinite) checkFinite(source, name, file);
    checkVariance(source, name, file);
    ready.push([toTensor(source, name), target]);
  }
  for (const [source, target] of ready) target.data.set(source.data);
}

/** At most 10 names, then how many more. */
function listed(names: string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}
