// SPDX-License-Identifier: MIT
// The Nabla side of ONNX import: the nodes of the Graph being built, each a layer with its spec,
// its inputs (Nabla value names), the weights taken from the file and its output shape. Node
// names come from the file (PyTorch's module paths: '/layer1/layer1.0/conv1/Conv' or the
// initializer 'layer1.0.conv1.weight' give 'layer1_0_conv1'), so parameter names read like the
// PyTorch state dict with '_' for the inner dots.
import { layerFromSpec } from '../../layers/spec.js';
import { isMerge, type Layer, type LayerSpec, type Merge } from '../../layers/layer.js';
import { Rng } from '../../tensor/rng.js';
import { formatShape } from '../../tensor/tensor.js';
import type { Dim } from './graph.js';
import { MAX_TENSOR_ELEMENTS, type NodeProto } from './proto.js';

export interface Weight {
  dims: number[];
  values: Float64Array;
}

/** A value of the Nabla graph: the graph's input or a node's output, with its shape. */
export interface Value {
  name: string;
  shape: Dim[];
}

export interface BuiltNode {
  name: string;
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
  private readonly rng = new Rng(0);

  constructor(
    readonly inputName: string,
    /** The batch size used to work out shapes (the file's fixed batch, else 1). */
    private readonly probeBatch: number,
  ) {
    this.taken = new Set([inputName]);
  }

  /**
   * Adds a node computing `spec` from `inputs`; returns its output value. `suffix` names a helper
   * layer an ONNX node needs besides its main one ('conv1_pad' before 'conv1').
   */
  add(onnxNode: NodeProto, spec: LayerSpec, inputs: Value[], weights: Record<string, Weight>, where: string, suffix = ''): Value {
    const name = this.nameFor(onnxNode, spec, suffix);
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
    this.nodes.push({ name, spec, module, inputs: inputs.map((v) => v.name), weights });
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

  /** A unique node name from the file: the module path PyTorch wrote, the weight's name, or the op. */
  private nameFor(node: NodeProto, spec: LayerSpec, suffix: string): string {
    const weight = (node.input ?? []).find((n) => /^[A-Za-z_][\w.]*\.weight$/.test(n));
    let base = weight ? weight.slice(0, -'.weight'.length) : modulePath(node.name ?? '') ?? node.name ?? node.output?.[0] ?? '';
    base = base.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
    if (base === '') base = spec.type.toLowerCase();
    if (suffix) base = `${base}_${suffix}`;
    let name = base;
    for (let k = 1; this.taken.has(name); k++) name = `${base}_${k}`;
    this.taken.add(name);
    return name;
  }
}

/**
 * PyTorch's scope name '/layer1/layer1.0/conv1/Conv' as the module path 'layer1.0.conv1': each
 * scope either extends the path it starts with or is a child name appended to it. Null for a
 * name not in that form.
 */
function modulePath(nodeName: string): string | null {
  if (!nodeName.startsWith('/')) return null;
  const scopes = nodeName.split('/').filter(Boolean).slice(0, -1);
  let path = '';
  for (const s of scopes) path = path === '' || s.startsWith(`${path}.`) ? s : `${path}.${s}`;
  return path === '' ? null : path;
}

/** '[N, 3, ?, ?]' for messages. */
export function describeShape(shape: readonly Dim[]): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/** Copies each node's weights into its layer, checking every tensor got values of its size. */
export function loadWeights(nodes: readonly BuiltNode[]): void {
  for (const node of nodes) {
    const tensors = [...node.module.parameters(), ...node.module.buffers()];
    for (const t of tensors) {
      const w = node.weights[t.name];
      if (!w) throw new Error(`node '${node.name}' (${node.spec.type}): no weights found for ${t.name}`);
      if (w.values.length !== t.value.size) {
        throw new Error(`node '${node.name}' (${node.spec.type}): ${t.name} has ${w.values.length} values in the file, the layer needs ${formatShape(t.value.shape)}`);
      }
      t.value.data.set(w.values);
    }
  }
}
