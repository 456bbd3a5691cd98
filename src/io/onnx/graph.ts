// SPDX-License-Identifier: MIT
// A decoded ONNX graph indexed for import: who produces and who reads each value, and the
// value of every constant, including the small integer computations PyTorch emits for shapes
// (Shape → Gather → Unsqueeze → Concat → Reshape for `x.view(x.size(0), -1)`), evaluated with the
// batch dimension kept symbolic.
import {
  AttributeType,
  Attributes,
  readTensor,
  toInt,
  type AttributeProto,
  type DecodedGraph,
  type NodeProto,
  type TensorProto,
} from './proto.js';

/** One dimension of a value: a size, 'N' (the batch dimension, symbolic) or null (unknown). */
export type Dim = number | 'N' | null;

/** A constant: float values, or integer values that may contain the symbolic batch 'N'. */
export interface ConstValue {
  dims: number[];
  floats: Float64Array | null;
  ints: Dim[] | null;
}

/** How deep a chain of shape computations may go (PyTorch's are 5 nodes). */
const MAX_CONST_DEPTH = 32;

export function describeNode(node: NodeProto): string {
  return `node '${node.name || node.output?.[0] || '?'}' (${node.opType || 'no op type'})`;
}

export class OnnxGraph {
  readonly nodes: NodeProto[];
  private readonly producers = new Map<string, NodeProto>();
  private readonly readers = new Map<string, NodeProto[]>();
  private readonly initializers = new Map<string, TensorProto>();
  private readonly cache = new Map<string, ConstValue | null>();
  /** Shapes of the values the importer has reached on the main path (read by Shape nodes). */
  readonly shapes = new Map<string, Dim[]>();

  constructor(graph: DecodedGraph) {
    this.nodes = graph.node;
    for (const t of graph.initializer) this.initializers.set(t.name ?? '', t);
    for (const node of this.nodes) {
      for (const out of node.output ?? []) {
        if (out !== '') this.producers.set(out, node);
      }
      for (const input of node.input ?? []) {
        if (input === '') continue; // an omitted optional input
        const list = this.readers.get(input) ?? [];
        if (!list.includes(node)) list.push(node);
        this.readers.set(input, list);
      }
    }
  }

  isInitializer(name: string): boolean {
    return this.initializers.has(name);
  }

  /** The nodes that read `value`, in file order. */
  readersOf(value: string): NodeProto[] {
    return this.readers.get(value) ?? [];
  }

  producerOf(value: string): NodeProto | undefined {
    return this.producers.get(value);
  }

  /** The constant behind `value` (an initializer, a Constant node or a shape computation), or null. */
  constant(value: string, depth = 0): ConstValue | null {
    if (this.cache.has(value)) return this.cache.get(value)!;
    if (depth > MAX_CONST_DEPTH) throw new Error(`value '${value}': constant computation deeper than ${MAX_CONST_DEPTH} nodes`);
    let result: ConstValue | null = null;
    const init = this.initializers.get(value);
    if (init) {
      result = fromTensor(readTensor(init, `initializer '${value}'`));
    } else {
      const node = this.producers.get(value);
      if (node) result = this.evaluate(node, depth + 1);
    }
    this.cache.set(value, result);
    return result;
  }

  /** Float values of a constant input; throws naming the node when it is missing or computed. */
  floats(node: NodeProto, index: number, what: string): { dims: number[]; values: Float64Array } {
    const name = node.input?.[index] ?? '';
    const c = name === '' ? null : this.constant(name);
    if (!c || !c.floats) {
      const why = name === '' ? 'is missing' : c ? 'is not a float tensor' : 'is not a constant (initializer or Constant)';
      throw new Error(`${describeNode(node)}: input ${index} (${what}, '${name}') ${why}`);
    }
    return { dims: c.dims, values: c.floats };
  }

  /** Integer values of a constant input (shapes, axes), 'N' where they depend on the batch size. */
  ints(node: NodeProto, index: number, what: string): Dim[] {
    const name = node.input?.[index] ?? '';
    const c = name === '' ? null : this.constant(name);
    if (!c || !c.ints) throw new Error(`${describeNode(node)}: input ${index} (${what}, '${name}') is not a constant integer tensor`);
    return c.ints;
  }

  /** Evaluates the integer shape nodes PyTorch emits; null for anything else (not a constant). */
  private evaluate(node: NodeProto, depth: number): ConstValue | null {
    const where = describeNode(node);
    const a = new Attributes(where, node.attribute ?? []);
    const input = (i: number): ConstValue | null => {
      const name = node.input?.[i] ?? '';
      return name === '' ? null : this.constant(name, depth);
    };
    switch (node.opType) {
      case 'Constant':
        return constantNode(where, node.attribute ?? []);
      case 'Identity':
      case 'Cast':
        return input(0);
      case 'Shape': {
        const shape = this.shapes.get(node.input?.[0] ?? '');
        if (!shape) return null;
        const rank = shape.length;
        const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
        const ints = shape.slice(clamp(a.int('start', 0)), clamp(a.int('end', rank)));
        return { dims: [ints.length], floats: null, ints };
      }
      case 'Gather': {
        const data = input(0);
        const indices = input(1);
        if (!data?.ints || !indices?.ints || data.dims.length !== 1 || a.int('axis', 0) !== 0) return null;
        const picked = indices.ints.map((i) => {
          if (typeof i !== 'number' || i < -data.ints!.length || i >= data.ints!.length) {
            throw new Error(`${where}: index ${String(i)} out of range for ${data.ints!.length} values`);
          }
          return data.ints![i < 0 ? i + data.ints!.length : i];
        });
        return { dims: indices.dims, floats: null, ints: picked };
      }
      case 'Unsqueeze':
      case 'Squeeze': {
        // Only the 0-D ↔ 1-D moves shape arithmetic makes: a scalar to [v] and back.
        const data = input(0);
        if (!data?.ints) return null;
        const size = data.ints.length;
        if (node.opType === 'Unsqueeze' && data.dims.length === 0) return { dims: [1], floats: null, ints: data.ints };
        if (node.opType === 'Squeeze' && data.dims.length === 1 && size === 1) return { dims: [], floats: null, ints: data.ints };
        return null;
      }
      case 'Concat': {
        const parts = (node.input ?? []).map((_, i) => input(i));
        if (parts.some((p) => !p?.ints || p.dims.length !== 1)) return null;
        const ints = parts.flatMap((p) => p!.ints!);
        return { dims: [ints.length], floats: null, ints };
      }
      default:
        return null;
    }
  }
}

function fromTensor(t: ReturnType<typeof readTensor>): ConstValue {
  return { dims: t.dims, floats: t.floats, ints: t.ints };
}

/** The value of a Constant node, from whichever of its attributes is set. */
function constantNode(where: string, attributes: AttributeProto[]): ConstValue {
  if (attributes.length !== 1) throw new Error(`${where}: a Constant needs exactly one value attribute, got ${attributes.length}`);
  const at = attributes[0];
  const what = `${where}: attribute '${at.name}'`;
  switch (at.name) {
    case 'value':
      if (at.type !== AttributeType.TENSOR || !at.t) throw new Error(`${what} should be a TENSOR`);
      return fromTensor(readTensor(at.t, what));
    case 'value_float':
      return { dims: [], floats: Float64Array.of(at.f ?? 0), ints: null };
    case 'value_floats':
      return { dims: [at.floats?.length ?? 0], floats: Float64Array.from(at.floats ?? []), ints: null };
    case 'value_int':
      return { dims: [], floats: null, ints: [toInt(at.i, what)] };
    case 'value_ints':
      return { dims: [at.ints?.length ?? 0], floats: null, ints: (at.ints ?? []).map((v) => toInt(v, what)) };
    default:
      throw new Error(`${what} is not supported (value, value_float(s), value_int(s) are)`);
  }
}

