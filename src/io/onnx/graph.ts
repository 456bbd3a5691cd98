// SPDX-License-Identifier: MIT
// A decoded ONNX graph indexed for import: who produces and who reads each value, and the
// value of every constant, including the small integer computations PyTorch emits for shapes
// (Shape → Gather → Unsqueeze → Concat → Reshape for `x.view(x.size(0), -1)`, Add → Div → Mul for
// the ends of `x.chunk(2, dim=1)`, ConstantOfShape → Concat → Reshape → Slice(step −1) → Transpose
// for the pads of `F.pad` / `nn.ZeroPad2d`), evaluated with the batch dimension kept symbolic.
import {
  AttributeType,
  Attributes,
  readTensor,
  toInt,
  type AttributeProto,
  type DecodedGraph,
  type FloatValues,
  type NodeProto,
  type TensorProto,
} from './proto.js';

/** One dimension of a value: a size, 'N' (the batch dimension, symbolic) or null (unknown). */
export type Dim = number | 'N' | null;

/** A constant: float values, or integer values that may contain the symbolic batch 'N'. */
export interface ConstValue {
  dims: number[];
  floats: FloatValues | null;
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

  constructor(
    graph: DecodedGraph,
    /** Whether NaN and ±Infinity may appear in weights (refused by default, naming the tensor). */
    private readonly allowNonFinite = false,
  ) {
    this.nodes = graph.node;
    for (const t of graph.initializer) {
      if (this.initializers.has(t.name ?? '')) throw new Error(`two initializers are named '${t.name}'`);
      this.initializers.set(t.name ?? '', t);
    }
    for (const node of this.nodes) {
      for (const out of node.output ?? []) {
        if (out === '') continue;
        if (this.producers.has(out)) throw new Error(`${describeNode(node)}: value '${out}' is also written by ${describeNode(this.producers.get(out)!)}`);
        if (this.initializers.has(out)) throw new Error(`${describeNode(node)}: value '${out}' is also an initializer`);
        this.producers.set(out, node);
      }
      for (const input of node.input ?? []) {
        if (input === '') continue; // an omitted optional input
        const list = this.readers.get(input) ?? [];
        if (!list.includes(node)) list.push(node);
        this.readers.set(input, list);
      }
    }
  }

  /** The nodes in an order where each comes after the producers of its inputs; throws on a cycle. */
  sorted(): NodeProto[] {
    const placed = new Set<NodeProto>();
    const order: NodeProto[] = [];
    const visiting = new Set<NodeProto>();
    // Iterative depth-first search: a deep chain must not exhaust the call stack.
    for (const root of this.nodes) {
      if (placed.has(root)) continue;
      const stack: { node: NodeProto; next: number }[] = [{ node: root, next: 0 }];
      visiting.add(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const inputs = top.node.input ?? [];
        if (top.next < inputs.length) {
          const producer = this.producers.get(inputs[top.next++]);
          if (!producer || placed.has(producer)) continue;
          if (visiting.has(producer)) throw new Error(`the graph has a cycle through ${describeNode(producer)}`);
          visiting.add(producer);
          stack.push({ node: producer, next: 0 });
        } else {
          stack.pop();
          visiting.delete(top.node);
          placed.add(top.node);
          order.push(top.node);
        }
      }
    }
    return order;
  }

  /** The nodes whose outputs `value` depends on. */
  nodesLeadingTo(value: string): Set<NodeProto> {
    const live = new Set<NodeProto>();
    const stack = [value];
    while (stack.length > 0) {
      const node = this.producers.get(stack.pop()!);
      if (!node || live.has(node)) continue;
      live.add(node);
      for (const input of node.input ?? []) if (input !== '') stack.push(input);
    }
    return live;
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
      result = this.checkFinite(fromTensor(readTensor(init, `initializer '${value}'`)), `initializer '${value}'`);
    } else {
      const node = this.producers.get(value);
      if (node) result = this.evaluate(node, depth + 1);
      if (node?.opType === 'Constant' && result) this.checkFinite(result, `${describeNode(node)}: value`);
    }
    this.cache.set(value, result);
    return result;
  }

  /** Throws at the first NaN or ±Infinity in a float constant, unless they were allowed. */
  private checkFinite(c: ConstValue, what: string): ConstValue {
    if (this.allowNonFinite || !c.floats) return c;
    const i = c.floats.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) {
      throw new Error(`${what}: element ${i} (flat index) is ${c.floats[i]}; non-finite weights are refused (import with {allowNonFinite: true} to load them anyway)`);
    }
    return c;
  }

  /** Float values of a constant input; throws naming the node when it is missing or computed. */
  floats(node: NodeProto, index: number, what: string): { dims: number[]; values: FloatValues } {
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
      case 'Transpose':
        return transposeConst(where, input(0), a.ints('perm'));
      case 'Reshape':
      case 'Unsqueeze':
      case 'Squeeze': {
        const data = input(0);
        if (!data?.floats && !data?.ints) return null;
        return reshapeConst(where, node.opType, data, node.opType === 'Reshape' ? input(1) : null, a, input(1));
      }
      case 'ConstantOfShape':
        return constantOfShape(where, input(0), node.attribute ?? []);
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
        return intArithmetic(where, node.opType, input(0), input(1));
      case 'Slice': {
        // PyTorch's Resize sizes (Shape → Slice [0:2] → Concat) and F.pad's pads (a [4, 2] reversed by step −1).
        const named = (i: number) => (node.input?.[i] ?? '') !== '';
        const [data, starts, ends, axes, steps] = [0, 1, 2, 3, 4].map(input);
        if ((!data?.ints && !data?.floats) || !starts?.ints || !ends?.ints || (named(3) && !axes?.ints) || (named(4) && !steps?.ints)) return null;
        return sliceConst(where, data, starts.ints, ends.ints, named(3) ? axes!.ints! : null, named(4) ? steps!.ints! : null);
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


/**
 * Integer shape arithmetic (the chunk ends (C + 1)/2·k of `x.chunk`): element-wise, a one-element
 * side broadcast; Div truncates as ONNX Runtime's integer Div does. Any entry involving the batch
 * 'N' (or an unknown size) is unknown (null). Float operands: not shape arithmetic (null).
 */
function intArithmetic(where: string, op: string, a: ConstValue | null, b: ConstValue | null): ConstValue | null {
  if (!a?.ints || !b?.ints) return null;
  const [n, m] = [a.ints.length, b.ints.length];
  if (n !== m && n !== 1 && m !== 1) return null;
  const ints = Array.from({ length: Math.max(n, m) }, (_, i): Dim => {
    const x = a.ints![n === 1 ? 0 : i];
    const y = b.ints![m === 1 ? 0 : i];
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    if (op === 'Add') return x + y;
    if (op === 'Sub') return x - y;
    if (op === 'Mul') return x * y;
    if (y === 0) throw new Error(`${where}: integer division by zero`);
    return Math.trunc(x / y);
  });
  const dims = n !== m ? (n > m ? a.dims : b.dims) : a.dims.length >= b.dims.length ? a.dims : b.dims;
  return { dims, floats: null, ints };
}

/** A float constant transposed by `perm` (default: reversed axes), as ONNX's Transpose. */
function transposeConst(where: string, data: ConstValue | null, perm: number[] | null): ConstValue | null {
  if (!data?.floats && !data?.ints) return null;
  const rank = data.dims.length;
  const p = perm ?? data.dims.map((_, i) => rank - 1 - i);
  if (p.length !== rank || [...p].sort((x, y) => x - y).some((v, i) => v !== i)) throw new Error(`${where}: perm ${JSON.stringify(p)} is not a permutation of ${rank} axes`);
  const dims = p.map((i) => data.dims[i]);
  const strides = data.dims.map((_, i) => data.dims.slice(i + 1).reduce((s, d) => s * d, 1));
  const size = dims.reduce((n, d) => n * d, 1);
  const from = new Array<number>(size); // output o reads input from[o]
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < size; o++) {
    let at = 0;
    for (let k = 0; k < rank; k++) at += index[k] * strides[p[k]];
    from[o] = at;
    for (let k = rank - 1; k >= 0 && ++index[k] === dims[k]; k--) index[k] = 0;
  }
  return gather(data, dims, from);
}

/** The constant of `dims` whose element o is data's element from[o] (floats or ints alike). */
function gather(data: ConstValue, dims: number[], from: readonly number[]): ConstValue {
  if (data.floats) {
    const floats = new Float64Array(from.length);
    from.forEach((at, o) => { floats[o] = data.floats![at]; });
    return { dims, floats, ints: null };
  }
  return { dims, floats: null, ints: from.map((at) => data.ints![at]) };
}

/**
 * ONNX Slice of a constant of any rank: per axis (all, in order, when axes is not given) from
 * start towards end by step (negative: backwards), the bounds clamped as the spec says.
 */
function sliceConst(where: string, data: ConstValue, starts: Dim[], ends: Dim[], axesIn: Dim[] | null, stepsIn: Dim[] | null): ConstValue | null {
  const rank = data.dims.length;
  const axes = axesIn ?? starts.map((_, i) => i);
  const steps = stepsIn ?? starts.map(() => 1);
  if ([starts, ends, axes, steps].some((list) => list.some((v) => typeof v !== 'number')) || ends.length !== starts.length ||
    axes.length !== starts.length || steps.length !== starts.length) return null;
  const begin = data.dims.map(() => 0), step = data.dims.map(() => 1), count = [...data.dims];
  starts.forEach((s, i) => {
    const axis = (axes[i] as number) < 0 ? (axes[i] as number) + rank : (axes[i] as number);
    const st = steps[i] as number;
    if (axis < 0 || axis >= rank) throw new Error(`${where}: axis ${axes[i]} is out of range for a constant of rank ${rank}`);
    if (st === 0) throw new Error(`${where}: a step of 0`);
    const n = data.dims[axis];
    const at = (v: number) => (v < 0 ? v + n : v);
    // Positive steps clamp to [0, n], negative ones to [−1, n − 1] (ONNX Slice).
    const b = st > 0 ? Math.min(Math.max(at(s as number), 0), n) : Math.min(Math.max(at(s as number), -1), n - 1);
    const e = st > 0 ? Math.min(Math.max(at(ends[i] as number), 0), n) : Math.min(Math.max(at(ends[i] as number), -1), n - 1);
    begin[axis] = b;
    step[axis] = st;
    count[axis] = Math.max(0, Math.ceil((e - b) / st));
  });
  const strides = data.dims.map((_, i) => data.dims.slice(i + 1).reduce((p, d) => p * d, 1));
  const size = count.reduce((p, d) => p * d, 1);
  const from = new Array<number>(size);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < size; o++) {
    let at = 0;
    for (let k = 0; k < rank; k++) at += (begin[k] + index[k] * step[k]) * strides[k];
    from[o] = at;
    for (let k = rank - 1; k >= 0 && ++index[k] === count[k]; k--) index[k] = 0;
  }
  return gather(data, count, from);
}

/** ConstantOfShape: a constant of the given dims filled with the value attribute (default float 0). */
function constantOfShape(where: string, shape: ConstValue | null, attributes: AttributeProto[]): ConstValue | null {
  if (!shape?.ints || shape.ints.some((d) => typeof d !== 'number' || d < 0)) return null;
  const dims = shape.ints as number[];
  const size = dims.reduce((p, d) => p * d, 1);
  if (size > 1 << 20) return null; // a large fill is not the shape arithmetic this folds
  const at = attributes.find((x) => x.name === 'value');
  const value = at?.t ? fromTensor(readTensor(at.t, `${where}: attribute 'value'`)) : null;
  if (value && (value.floats?.length ?? value.ints?.length) !== 1) throw new Error(`${where}: attribute 'value' must hold one element`);
  if (value?.ints) return { dims, floats: null, ints: new Array<Dim>(size).fill(value.ints[0]) };
  return { dims, floats: new Float64Array(size).fill(value?.floats ? value.floats[0] : 0), ints: null };
}

/** A float constant with new dims (Reshape, Squeeze, Unsqueeze): the same values, row-major. */
function reshapeConst(where: string, op: string, data: ConstValue, shape: ConstValue | null, a: Attributes, axesInput: ConstValue | null): ConstValue | null {
  const size = (data.floats ?? data.ints!).length;
  let dims: number[];
  if (op === 'Reshape') {
    if (!shape?.ints || shape.ints.some((d) => typeof d !== 'number')) return null;
    const raw = shape.ints as number[];
    dims = raw.map((d, i) => (d === 0 && a.int('allowzero', 0) === 0 ? data.dims[i] : d));
    const known = dims.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
    dims = dims.map((d) => (d === -1 ? (known > 0 ? size / known : 0) : d));
  } else {
    const axes = (a.ints('axes') ?? (axesInput?.ints as number[] | null) ?? null);
    if (op === 'Squeeze') {
      const rank = data.dims.length;
      const drop = new Set((axes ?? data.dims.flatMap((d, i) => (d === 1 ? [i] : []))).map((d) => (d < 0 ? d + rank : d)));
      dims = data.dims.filter((_, i) => !drop.has(i));
    } else {
      if (!axes) return null;
      const rank = data.dims.length + axes.length;
      const add = new Set(axes.map((d) => (d < 0 ? d + rank : d)));
      dims = [];
      let k = 0;
      for (let i = 0; i < rank; i++) dims.push(add.has(i) ? 1 : data.dims[k++]);
    }
  }
  if (dims.some((d) => !Number.isInteger(d) || d < 0) || dims.reduce((p, d) => p * d, 1) !== size) {
    throw new Error(`${where}: cannot give ${size} values the dims ${JSON.stringify(dims)}`);
  }
  return { dims, floats: data.floats, ints: data.floats ? null : data.ints };
}
