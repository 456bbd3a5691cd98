// SPDX-License-Identifier: MIT
// The Nabla side of ONNX import: the nodes of the Graph being built, each a layer with its spec,
// its inputs (Nabla value names), the weights taken from the file and its output shape. Each node
// keeps the module path the file gives (PyTorch's scope '/layer1/layer1.0/conv1/Conv', the
// initializer 'layer1.0.conv1.weight', or Nabla's own 'layer1.0.conv1.Conv'), from which
// import-nesting.ts rebuilds the modules, so parameter names are the PyTorch state-dict keys.
import { layerFromSpec } from '../../layers/spec.js';
import { isMerge, type Layer, type LayerSpec, type Merge } from '../../layers/layer.js';
import { WeightsToLoad } from '../../tensor/rng.js';
import { formatShape } from '../../tensor/tensor.js';
import type { Dim } from './graph.js';
import { MAX_TENSOR_ELEMENTS, type FloatValues, type NodeProto } from './proto.js';

export interface Weight {
  dims: number[];
  values: FloatValues;
}

/** A value of the Nabla graph: the graph's input or a node's output, with its shape. */
export interface Value {
  name: string;
  shape: Dim[];
}

export interface BuiltNode {
  /** A unique flat name ('layer1_0_conv1'): the Nabla value the node computes. */
  name: string;
  /** The module path the file gives (['layer1', '0', 'conv1']), or null when it names none. */
  path: string[] | null;
  /** The node's own part of its ONNX name ('Add', 'Add_1'), naming an op inside a module. */
  op: string;
  spec: LayerSpec;
  module: Layer | Merge;
  inputs: string[];
  weights: Record<string, Weight>;
}

/** Layer types whose output has their input's shape (used when the input's size is unknown). */
const SHAPE_PRESERVING = new Set([
  'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU', 'Softplus', 'Dropout', 'BatchNorm1d', 'BatchNorm2d',
  'ReLU6', 'Hardswish', 'Hardsigmoid', 'SiLU', 'ELU', 'Mish', 'LayerNorm', 'GroupNorm', 'ChannelShuffle',
]);

export class GraphBuilder {
  readonly nodes: BuiltNode[] = [];
  private readonly taken: Set<string>;
  private readonly rng = new WeightsToLoad(0); // every weight is loaded from the file (loadWeights)

  constructor(
    readonly inputName: string,
    /** The batch size used to work out shapes (the file's fixed batch, else 1). */
    private readonly probeBatch: number,
  ) {
    this.taken = new Set([inputName]);
  }

  /**
   * Adds a node computing `spec` from `inputs`; returns its output value. `suffix` names a helper
   * layer an ONNX node needs besides its main one ('conv1_pad' before 'conv1', module path and all).
   */
  add(onnxNode: NodeProto, spec: LayerSpec, inputs: Value[], weights: Record<string, Weight>, where: string, suffix = ''): Value {
    const name = this.nameFor(onnxNode, spec, suffix);
    const found = modulePath(onnxNode);
    const path = found && suffix ? [...found.slice(0, -1), `${found[found.length - 1]}_${suffix}`] : found;
    const op = sanitize((onnxNode.name ?? '').split(/[/.]/).pop() ?? '') || spec.type.toLowerCase();
    let module: Layer | Merge;
    let shape: Dim[];
    try {
      module = layerFromSpec(spec, this.rng, name, this.concrete(inputs[0].shape) ?? undefined);
      shape = this.outputShape(module, spec, inputs);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message.replace(/^model spec: /, '')}`);
    }
    // A file may ask for a huge activation (an Upsample by 10⁶) that nothing allocates yet: refuse it now.
    const elements = shape.slice(1).reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
    if (elements > MAX_TENSOR_ELEMENTS) {
      throw new Error(`${where}: its output ${describeShape(shape)} has ${elements} elements per example, over the ${MAX_TENSOR_ELEMENTS}-element limit`);
    }
    this.nodes.push({ name, path, op, spec, module, inputs: inputs.map((v) => v.name), weights });
    return { name, shape };
  }

  /** The output shape from the layer itself when every input size is known, else a per-type rule. */
  private outputShape(module: Layer | Merge, spec: LayerSpec, inputs: Value[]): Dim[] {
    const known = inputs.map((v) => this.concrete(v.shape));
    if (known.every((s) => s !== null)) {
      const shapes = known as number[][];
      const out = isMerge(module) ? module.outputShape(shapes) : module.outputShape(shapes[0]);
      return ['N', ...out.slice(1)];
    }
    const first = inputs[0].shape;
    if (SHAPE_PRESERVING.has(spec.type) || spec.type === 'Add' || spec.type === 'Mul') return first;
    switch (spec.type) {
      case 'Conv2d':
        return ['N', spec.outChannels as number, null, null];
      case 'MaxPool2d':
      case 'AvgPool2d':
        return ['N', first[1], null, null];
      case 'GlobalAvgPool2d':
        return ['N', first[1], 1, 1];
      case 'Flatten':
        return ['N', null];
      case 'Linear':
        return ['N', spec.outFeatures as number];
      default:
        return first.map((_, i) => (i === 0 ? 'N' : null));
    }
  }

  /** The shape with the batch as a number, or null when another size is unknown. */
  private concrete(shape: Dim[]): number[] | null {
    if (shape.slice(1).some((d) => typeof d !== 'number')) return null;
    return [this.probeBatch, ...(shape.slice(1) as number[])];
  }

  /** A unique flat node name from the file: its module path joined by '_', else its name or op (and the suffix). */
  private nameFor(node: NodeProto, spec: LayerSpec, suffix: string): string {
    const found = modulePath(node)?.join('_') ?? (sanitize(node.name ?? node.output?.[0] ?? '') || spec.type.toLowerCase());
    const base = suffix ? `${found}_${suffix}` : found;
    let name = base;
    for (let k = 1; this.taken.has(name); k++) name = `${base}_${k}`;
    this.taken.add(name);
    return name;
  }
}

/** A name with the characters a Graph node name cannot hold replaced by '_'. */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * The module path of a node, as segments: PyTorch's scope name, else the module of its weight
 * initializer ('layer1.0.conv1.weight'), else Nabla's own node name ('layer1.0.relu.Relu');
 * null when the file names no module.
 */
export function modulePath(node: NodeProto): string[] | null {
  const name = node.name ?? '';
  const path = name.startsWith('/') ? scopePath(name) : null;
  if (path) return path.map(sanitize);
  const weight = (node.input ?? []).find((n) => /^\w+(\.\w+)*\.weight$/.test(n));
  if (weight) return weight.slice(0, -'.weight'.length).split('.');
  return /^\w+(\.\w+)+$/.test(name) ? name.split('.').slice(0, -1) : null;
}

/**
 * PyTorch 1.13's scope name as a module path: '/features/features.1/conv/conv.0/conv.0.0/Conv' is
 * features.1.conv.0.0. Each scope is the module's name within the module that starts the scope
 * before it ('features.1' within the model, 'conv.0.0' within features.1), so a scope that extends
 * the previous one adds its tail, any other is a child name.
 */
function scopePath(nodeName: string): string[] | null {
  const scopes = nodeName.split('/').filter(Boolean).slice(0, -1);
  const path: string[] = [];
  let previous = '';
  for (const s of scopes) {
    const tail = previous !== '' && s.startsWith(`${previous}.`) ? s.slice(previous.length + 1) : s;
    path.push(...tail.split('.'));
    previous = s;
  }
  return path.length > 0 && path.every((p) => sanitize(p) !== '') ? path : null;
}

/**
 * The PyTorch name of the BatchNorm2d that PyTorch's exporter folded into a Conv node, or null.
 * In eval mode torch.onnx.export folds each Conv → BatchNorm into one Conv whose W and B are new
 * initializers ('onnx::Conv_193') instead of the module's ('layer1.0.conv1.weight'), and keeps the
 * Conv's scope ('/layer1/layer1.0/conv1/Conv'). The BatchNorm's own name is lost; it is guessed
 * by torchvision's naming (conv1 → bn1, conv → bn, and in an nn.Sequential index i → i + 1:
 * features.0.0 → features.0.1, downsample.0 → downsample.1).
 */
export function foldedBatchNorm(node: NodeProto): string | null {
  const [, W, B] = node.input ?? [];
  const path = node.name?.startsWith('/') ? modulePath(node) : null;
  if (!path || !W?.startsWith('onnx::') || !B?.startsWith('onnx::')) return null;
  const own = path[path.length - 1];
  const conv = /^conv(\d*)$/.exec(own);
  if (conv) return `bn${conv[1]}`;
  return /^\d+$/.test(own) ? String(Number(own) + 1) : null;
}

/** '[N, 3, ?, ?]' for messages. */
export function describeShape(shape: readonly Dim[]): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/**
 * Gives each node's layer its weights, checking every tensor got values of its size: a float32
 * array read from the file becomes the tensor's data (no copy; the layer's zeros, never touched,
 * are dropped), unless another tensor took it already (an initializer two nodes read), or values
 * computed on import (float64) are copied in.
 */
export function loadWeights(nodes: readonly BuiltNode[]): void {
  const adopted = new Set<FloatValues>();
  for (const node of nodes) {
    const tensors = [...node.module.parameters(), ...node.module.buffers()];
    for (const t of tensors) {
      const w = node.weights[t.name];
      if (!w) throw new Error(`node '${node.name}' (${node.spec.type}): no weights found for ${t.name}`);
      if (w.values.length !== t.value.size) {
        throw new Error(`node '${node.name}' (${node.spec.type}): ${t.name} has ${w.values.length} values in the file, the layer needs ${formatShape(t.value.shape)}`);
      }
      if (w.values instanceof Float32Array && t.value.data instanceof Float32Array && !adopted.has(w.values)) {
        adopted.add(w.values);
        t.value.adopt(w.values);
      } else {
        t.value.data.set(w.values);
      }
    }
  }
}
