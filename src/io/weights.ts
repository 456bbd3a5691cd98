// SPDX-License-Identifier: MIT
// A model's weights as safetensors: every named parameter and buffer ('0.weight',
// '1.runningMean'), with the model's spec in the metadata so a file can rebuild its model.
// Loading checks names and shapes against the model and says exactly what does not fit.
import type { LayerSpec } from '../layers/layer.js';
import { type Buffer, formatShape, type Parameter, type Tensor } from '../tensor/tensor.js';
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

/** Decodes a weights file, or the model part of a checkpoint. */
export function decodeWeights(bytes: Uint8Array, file = '<buffer>'): DecodedWeights {
  const { tensors, metadata } = decodeSafetensors(bytes, file);
  const model = new Map([...tensors].filter(([name]) => !name.startsWith(OPTIMIZER_PREFIX)));
  return { tensors: model, metadata, spec: readSpec(metadata, file) };
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

/**
 * Copies tensors into the model's parameters and buffers (converting F32 ↔ F64 as needed).
 * Checks everything first and changes nothing unless all names and shapes fit.
 */
export function loadWeightsInto(model: WeightSource, tensors: Map<string, SafeTensor>, file = 'checkpoint'): void {
  const wanted = namedWeights(model);
  const problems: string[] = [];
  const missing = wanted.filter(([name]) => !tensors.has(name)).map(([name]) => name);
  const known = new Set(wanted.map(([name]) => name));
  const unexpected = [...tensors.keys()].filter((name) => !known.has(name));
  if (missing.length > 0) problems.push(`missing from the file: ${missing.join(', ')}`);
  if (unexpected.length > 0) problems.push(`not in the model: ${unexpected.join(', ')}`);
  const ready: [Tensor, Tensor][] = [];
  for (const [name, target] of wanted) {
    const source = tensors.get(name);
    if (!source) continue;
    if (source.shape.length !== target.shape.length || source.shape.some((d, i) => d !== target.shape[i])) {
      problems.push(`${file} tensor ${name} has shape ${formatShape(source.shape)}, model expects ${formatShape(target.shape)}`);
      continue;
    }
    try {
      ready.push([toTensor(source, name), target]);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new SafetensorsError(`${file} does not fit this model: ${problems.join('; ')}`);
  for (const [source, target] of ready) target.data.set(source.data);
}
