// SPDX-License-Identifier: MIT
// The JSON model spec the CLI and playground read: one object per layer, its type and the
// constructor options (`{type: 'Conv2d', inChannels: 1, outChannels: 6, kernelSize: 5, padding: 2}`),
// a list of them for a Sequential, or a Graph of named nodes (graph-spec.ts). Each layer's toSpec()
// writes it; modelFromSpec reads it back through the layer registry (all.ts). Given the model's
// input shape, sizes may be left out (inFeatures, inChannels, numFeatures: inferred) and every
// shape is checked before anything trains. Errors name the layer's path and the field; specs are
// bounded in depth and in what they may allocate (they may come from untrusted files).
import { Rng } from '../tensor/rng.js';
import { measureAllocations, withAllocationLimit, type AllocationLimit } from '../tensor/tensor.js';
import { defOf, LAYER_TYPES, layerDef } from './all.js';
import { withContext } from './container.js';
import { isContainer, isMerge, type Container, type Layer, type LayerSpec, type Merge, type Module } from './layer.js';
import type { BuildContext } from './registry.js';
import { Sequential } from './sequential.js';
import { SpecError, SpecReader } from './spec-reader.js';
import { preview } from './preview.js';

export { LAYER_TYPES, SpecError };

/** How deep containers may nest in a spec (a ResNet needs 4; this is for files that lie). */
export const MAX_SPEC_DEPTH = 32;
/** How many layers and containers a spec may hold in all (a ResNet-152 has about 500). */
export const MAX_SPEC_MODULES = 10_000;
/** How deep the spec's JSON may nest in all (objects and lists; a container level takes two or three). */
export const MAX_SPEC_JSON_DEPTH = 4 * MAX_SPEC_DEPTH;

/**
 * Refuses a spec value nested deeper than MAX_SPEC_JSON_DEPTH before anything recurses into it
 * (a deep option value would otherwise overflow the stack in JSON.stringify or the builder).
 * Iterative, so the check itself cannot overflow.
 */
export function checkSpecDepth(spec: unknown): void {
  const stack: [unknown, number][] = [[spec, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (depth > MAX_SPEC_JSON_DEPTH) throw new SpecError(`model spec: objects and lists nest more than ${MAX_SPEC_JSON_DEPTH} deep (containers may not nest more than ${MAX_SPEC_DEPTH} deep)`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

export interface ModelSpecOptions extends AllocationLimit {
  /** Draws the initial weights (default new Rng(0)). */
  rng?: Rng;
  /** The model's input shape, batch first ([1, 1, 28, 28]): sizes the spec leaves out are inferred from it. */
  inputShape?: readonly number[];
}

/** 'layer 3' inside a Sequential, "node 'layer1.conv1'" inside a Graph, 'layer' at the top. */
function describePath(path: string): string {
  if (path === '') return 'layer';
  const last = path.slice(path.lastIndexOf('.') + 1);
  return /^\d+$/.test(last) ? `layer ${path}` : `node '${path}'`;
}

function buildModule(spec: unknown, path: string, inputShapes: readonly (readonly number[] | null)[], rng: Rng, depth: number, count = { modules: 0 }): Module {
  const where = describePath(path);
  if (++count.modules > MAX_SPEC_MODULES) throw new SpecError(`model spec: ${where}: the spec holds more than ${MAX_SPEC_MODULES} layers and containers`);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new SpecError(`model spec: ${where}: expected an object like {type: 'Linear', ...}, got ${preview(spec)}`);
  }
  const type = (spec as LayerSpec).type;
  if (typeof type !== 'string') throw new SpecError(`model spec: ${where}: missing 'type' (a string)`);
  const r: SpecReader = new SpecReader(spec as LayerSpec, `${where} (${type.slice(0, 40)})`);
  if (depth > MAX_SPEC_DEPTH) r.fail(`containers nest more than ${MAX_SPEC_DEPTH} deep`);
  const def = layerDef(type);
  if (!def) r.fail(`unknown layer type (known: ${LAYER_TYPES.join(', ')})`);
  r.allow(def.options);
  const ctx: BuildContext = {
    rng,
    path,
    inputShapes,
    build: (child, childPath, shapes) => buildModule(child, childPath, shapes, rng, depth + 1, count),
  };
  try {
    return def.fromSpec(r, ctx);
  } catch (e) {
    // Constructor errors ('Dropout: p must be ...') get the spec location in front.
    if (e instanceof Error && !e.message.startsWith('model spec:')) e.message = `model spec: ${r.where}: ${e.message}`;
    if (e instanceof Error && e.constructor === Error) throw new SpecError(e.message); // a plain constructor check is the spec's fault
    throw e;
  }
}

/**
 * Builds one layer (or container) from its spec. `path` is the layer's place in its model ('3',
 * '2.1'), used in error messages; `inputShape` (batch first) lets sizes be inferred.
 */
export function layerFromSpec(spec: LayerSpec, rng: Rng = new Rng(0), path = '', inputShape?: readonly number[]): Layer | Merge {
  checkSpecDepth(spec);
  return withAllocationLimit({}, () => buildModule(spec, path, [inputShape ?? null], rng, 0) as Layer | Merge);
}

/**
 * The model a spec describes: a list of layer specs (a Sequential), {type: 'Sequential', layers},
 * or {type: 'Graph', nodes, ...}. With `inputShape` every size left out is inferred and every
 * shape is checked now, with messages naming the layer or node and both shapes.
 */
export function modelFromSpec(spec: LayerSpec | readonly LayerSpec[], options: ModelSpecOptions = {}): Container {
  // First sized and checked with tensors that have no storage (limits, shapes, the input), so a
  // spec that asks for too much or does not fit is refused before anything is allocated.
  measureSpec(spec, options);
  return buildModel(spec, options, withAllocationLimit);
}

/**
 * The model a spec describes with shapes but no storage: its parameters' and buffers' names and
 * shapes (what a weights file must hold), checked against the allocation limit and, with
 * `inputShape`, against the input. Nothing is allocated; the model must not be run.
 */
export function measureSpec(spec: LayerSpec | readonly LayerSpec[], options: ModelSpecOptions = {}): Container {
  return buildModel(spec, { ...options, rng: new Rng(0) }, measureAllocations);
}

function buildModel(spec: LayerSpec | readonly LayerSpec[], options: ModelSpecOptions, under: typeof withAllocationLimit): Container {
  const { rng = new Rng(0), inputShape } = options;
  const top: LayerSpec = Array.isArray(spec) ? { type: 'Sequential', layers: spec } : (spec as LayerSpec);
  if (top === null || typeof top !== 'object') throw new SpecError('model spec: expected a list of layer specs or a {type, ...} object');
  checkSpecDepth(top);
  return under(options, () => {
    const model = buildModule(top, '', [inputShape ?? null], rng, 0);
    if (isMerge(model)) throw new SpecError(`model spec: a model must take one input, ${model.name} takes several`);
    const container = isContainer(model) ? model : new Sequential([model as Layer]); // a lone layer becomes a one-layer model
    if (inputShape) withContext('model spec', () => container.outputShape(inputShape));
    return container;
  });
}

/** Builds a Sequential from a list of layer specs (or a {type: 'Sequential', layers} spec). */
export function sequentialFromSpec(specs: LayerSpec[] | LayerSpec, rng: Rng = new Rng(0), pathPrefix = '', inputShape?: readonly number[]): Sequential {
  if (!Array.isArray(specs)) {
    if (specs && typeof specs === 'object' && specs.type === 'Sequential') return modelFromSpec(specs, { rng, inputShape }) as Sequential;
    throw new SpecError(`model spec: expected an array of layer specs or {type: 'Sequential', layers: [...]}`);
  }
  if (pathPrefix === '') return modelFromSpec(specs, { rng, inputShape }) as Sequential;
  return new Sequential(specs.map((spec, i) => layerFromSpec(spec, rng, `${pathPrefix}${i}`) as Layer));
}

/** The registry entry of a module (re-exported for consumers that dispatch on type). */
export { defOf };
