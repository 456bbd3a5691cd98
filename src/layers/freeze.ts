// SPDX-License-Identifier: MIT
// Fine-tuning a trained or imported model: freezing parameters by name (a backbone, everything
// but the head), finding and replacing the classifier head for a new number of classes. Frozen
// parameters (requiresGrad false) get no gradient: layers skip their dW/db kernels, containers
// do not backpropagate where nothing upstream trains, and optimizers leave them alone.
import type { Rng } from '../tensor/rng.js';
import { describeSelector, type ParamSelector, selects } from '../tensor/select.js';
import type { Parameter } from '../tensor/tensor.js';
import { BatchNorm1d, BatchNorm2d } from './batch-norm.js';
import { leafModules, walkModules } from './container.js';
import { Conv2d } from './conv2d.js';
import { Graph } from './graph.js';
import { Residual } from './graph-spec.js';
import { isContainer, isMerge, type Container, type Layer, type Module } from './layer.js';
import { Linear } from './linear.js';
import { Sequential } from './sequential.js';
import { layerFromSpec } from './spec.js';

export interface FreezeOptions {
  /**
   * What BatchNorm layers whose parameters are all frozen do in training (default 'train'):
   * - 'train': as PyTorch after requires_grad_(False) alone: batch statistics, running ones updated;
   * - 'eval': as PyTorch's bn.eval() on the frozen part: the running statistics are used and kept
   *   (the usual choice with small batches or a small new dataset).
   * Batch norm layers that still train are not affected, nor those without γ and β (affine: false).
   */
  batchNorm?: 'train' | 'eval';
}

/**
 * Freezes the parameters `selector` picks (a path prefix such as 'layer1', several, or a
 * predicate on the name) and returns them. A selector that picks nothing is an error naming the
 * model's top-level children, since a typo would otherwise train everything.
 */
export function freeze(model: Container, selector: ParamSelector, options: FreezeOptions = {}): Parameter[] {
  const chosen = model.parameters().filter((p) => selects(selector, p.name));
  if (chosen.length === 0) {
    const names = model.children().map((c) => c.name);
    throw new Error(`freeze: ${describeSelector(selector)} selects no parameter of the model (its top-level layers: ${names.slice(0, 20).join(', ')})`);
  }
  for (const p of chosen) p.requiresGrad = false;
  setBatchNormStats(model, chosen, options.batchNorm === 'eval');
  return chosen;
}

/** Makes the parameters `selector` picks (default: all) train again; returns them. */
export function unfreeze(model: Container, selector: ParamSelector = ''): Parameter[] {
  const chosen = model.parameters().filter((p) => selects(selector, p.name));
  for (const p of chosen) p.requiresGrad = true;
  setBatchNormStats(model, chosen, false);
  return chosen;
}

/** The model's parameters that are frozen (requiresGrad false). */
export function frozenParameters(model: Container): Parameter[] {
  return model.parameters().filter((p) => !p.requiresGrad);
}

/**
 * Freezes everything but the head (the last Linear in run order, or the layer at `head`, e.g.
 * 'fc' or '9'); returns the head's path.
 */
export function freezeAllButHead(model: Container, options: FreezeOptions & { head?: string } = {}): string {
  const { path } = findHead(model, options.head);
  const rest = (name: string) => !selects(path, name);
  if (model.parameters().some((p) => rest(p.name))) freeze(model, rest, options);
  return path;
}

/**
 * The classifier head: the layer at `path` when given, else the last Linear of the model in run
 * order (torchvision's fc / classifier.N). An error when there is none.
 */
export function findHead(model: Container, path?: string): { path: string; layer: Layer } {
  const leaves = leafModules(model);
  if (path !== undefined) {
    const found = [...walkModules(model)].find((m) => m.path === path);
    if (!found) throw new Error(`findHead: the model has no layer '${path}' (its top-level layers: ${model.children().map((c) => c.name).join(', ')})`);
    if (isMerge(found.module)) throw new Error(`findHead: '${path}' is a ${found.module.name}, not a layer with one input`);
    return { path, layer: found.module as Layer };
  }
  const last = leaves.filter((m) => m.module instanceof Linear).at(-1);
  if (!last) throw new Error('findHead: the model has no Linear layer; name the head (e.g. a 1×1 Conv2d classifier) with its path');
  return { path: last.path, layer: last.module as Layer };
}

/**
 * The model with its head (findHead) replaced by a fresh layer of the same kind and inputs but
 * `numClasses` outputs, drawn with the layer's default initialisation from `rng`. A Linear or a
 * Conv2d head; the other layers are the same instances (with their weights, frozen or not), so
 * the old model should no longer be used. Returns the new model and the head's path.
 */
export function replaceHead(model: Container, numClasses: number, options: { rng: Rng; head?: string }): { model: Container; path: string } {
  if (!Number.isInteger(numClasses) || numClasses < 1) throw new Error(`replaceHead: numClasses must be a positive integer, got ${numClasses}`);
  const { path, layer } = findHead(model, options.head);
  const spec = layer.toSpec();
  if (layer instanceof Linear) spec.outFeatures = numClasses;
  else if (layer instanceof Conv2d) spec.outChannels = numClasses;
  else throw new Error(`replaceHead: the head '${path}' is a ${layer.name}; a Linear or Conv2d head can be replaced`);
  const head = layerFromSpec(spec, options.rng, path) as Layer;
  return { model: replaceLayer(model, path, head), path };
}

/**
 * The container with the module at `path` ('fc', 'classifier.6') replaced by `layer`: the
 * containers on the way are rebuilt around the same children, every other module is kept.
 */
export function replaceLayer(model: Container, path: string, layer: Layer): Container {
  const [first, ...rest] = path.split('.');
  const child = model.children().find((c) => c.name === first);
  if (!child) throw new Error(`replaceLayer: the model has no layer '${first}' (its children: ${model.children().map((c) => c.name).join(', ')})`);
  const replacement = rest.length === 0 ? layer : replaceLayer(asContainer(child.module, first), rest.join('.'), layer);
  return rebuild(model, first, replacement);
}

function asContainer(module: Module, path: string): Container {
  if (!(module instanceof Sequential || module instanceof Graph)) throw new Error(`replaceLayer: '${path}' is a ${module.name}, not a container`);
  return module;
}

/** A new container of the same kind with child `name` replaced. */
function rebuild(model: Container, name: string, layer: Layer): Container {
  releaseChildren(model);
  if (model instanceof Sequential) return new Sequential(model.layers.map((l, i) => (String(i) === name ? layer : l)));
  if (model instanceof Residual) {
    return name === 'body' ? new Residual(layer, model.shortcut) : name === 'shortcut' ? new Residual(model.body, layer) : fail(model, name);
  }
  if (model instanceof Graph && model.constructor === Graph) {
    const nodes = model.nodes.map((n) => (n.name === name ? { ...n, module: layer } : n));
    return new Graph({ input: model.inputName, nodes, output: model.outputName });
  }
  return fail(model, name);
}

/**
 * Gives the leaf children of `model` back their local tensor names ('weight', not '3.weight'):
 * a container names its children's tensors in place when it adopts them, and the new container
 * must adopt them as fresh layers. Child containers rename their own tensors when adopted.
 */
function releaseChildren(model: Container): void {
  model.parameters(); // every name relative to model: `${child}.${local}`
  model.buffers();
  for (const { name, module } of model.children()) {
    if (isContainer(module)) continue;
    for (const t of [...module.parameters(), ...module.buffers()]) t.name = t.name.slice(name.length + 1);
  }
}

function fail(model: Container, name: string): never {
  throw new Error(`replaceLayer: cannot replace '${name}' inside a ${model.name}`);
}

/** Sets useRunningStats on the batch norm layers whose γ and β are all among `changed`. */
function setBatchNormStats(model: Container, changed: readonly Parameter[], useRunningStats: boolean): void {
  const set = new Set(changed);
  for (const { module } of walkModules(model)) {
    if (!(module instanceof BatchNorm1d || module instanceof BatchNorm2d)) continue;
    const params = module.parameters();
    if (params.length > 0 && params.every((p) => set.has(p))) module.useRunningStats = useRunningStats;
  }
}
