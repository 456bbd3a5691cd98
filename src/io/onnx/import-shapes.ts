// SPDX-License-Identifier: MIT
// Shape operators from ONNX on the model's values: Flatten, Reshape, Squeeze and Unsqueeze where
// they change nothing or flatten to [N, all the rest]; Transpose where it changes nothing (the
// channel shuffle's Reshape → Transpose → Reshape is matched first, in import-slices.ts);
// Identity, Dropout (eval) and Cast to float (or to integers for a Gather's indices), which compute
// nothing; a trailing Softmax. Part of
// the node-by-node conversion in import-nodes.ts; the mapping is in docs/interop.md.
import { formatShape } from '../../tensor/tensor.js';
import { describeNode, type Dim } from './graph.js';
import { describeShape } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import { Attributes, type NodeProto } from './proto.js';

/**
 * Flatten, Reshape, Squeeze, Unsqueeze: fine where the result is the input's shape (nothing to
 * do) or [N, all the rest] (Nabla's Flatten); any other shape is an error naming both.
 */
export function reshape(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  const target = reshapeTarget(c, node, a, x.shape);
  a.checkAllUsed();
  const same = target.length === x.shape.length && target.every((d, i) => d === x.shape[i] || (i > 0 && d === null));
  if (same) return c.alias([node], x);
  const flat = flattenedShape(x.shape);
  const isFlatten = target.length === 2 && target[0] === 'N' && (target[1] === flat[1] || target[1] === null);
  if (!isFlatten) {
    const splitsChannels = target.length === x.shape.length + 1 && node.opType === 'Reshape';
    const hint = splitsChannels ? `; a channel shuffle is read as Reshape [N, G, C/G, *] → Transpose perm [0, 2, 1, …] → Reshape [N, C, *], its only reader each` : '';
    throw new Error(`${where}: ${node.opType} of ${describeShape(x.shape)} to ${describeShape(target)} is not supported (only to the same shape, or a flatten to [N, ${flat[1] ?? '?'}]${hint})`);
  }
  if (x.shape.length === 2) return c.alias([node], x);
  c.emit([node], { type: 'Flatten' }, [x]);
}

export function transpose(c: Converter, node: NodeProto, a: Attributes): void {
  const x = c.onlyFirstIsData(node);
  const perm = a.ints('perm') ?? x.shape.map((_, i) => x.shape.length - 1 - i);
  a.checkAllUsed();
  if (perm.every((p, i) => p === i)) return c.alias([node], x);
  // [N, in] → [in, N], read back by a Gemm with transA = 1: a Linear on x.
  const gemm = c.onlyReader(node.output?.[0] ?? '');
  if (perm.join() === '1,0' && gemm?.opType === 'Gemm' && gemm.input?.[0] === node.output?.[0]) {
    const ga = new Attributes(describeNode(gemm), gemm.attribute ?? []);
    if (gemm.attribute?.some((t) => t.name === 'transA' && Number(t.i) === 1)) return c.gemm(gemm, ga, node);
  }
  throw new Error(`${describeNode(node)}: Transpose with perm = ${formatShape(perm)} of a value computed from the input is not supported (only where it changes nothing, on constants, or inside a channel shuffle: Reshape [N, G, C/G, *] → Transpose perm [0, 2, 1, …] → Reshape [N, C, *])`);
}

export function skip(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  if (node.opType === 'Dropout') {
    a.float('ratio', 0.5);
    a.int('seed', 0);
    a.int('is_test', 1);
    // From opset 12 ratio and training_mode are inputs; a constant training_mode must be false.
    const trainingMode = node.input?.[2] ? c.g.constant(node.input[2]) : null;
    const on = trainingMode?.ints?.[0] ?? trainingMode?.floats?.[0];
    if (on) throw new Error(`${where}: training_mode = true is not supported (export the model in eval mode)`);
  }
  if (node.opType === 'Cast') {
    const to = a.int('to', 1);
    // To INT64 or INT32 as the indices of Gathers only (an embedding's lookup, which checks they are integers).
    const readers = c.g.readersOf(node.output?.[0] ?? '');
    const asIndices = (to === 6 || to === 7) && readers.length > 0 && readers.every((r) => r.opType === 'Gather' && r.input?.[1] === node.output?.[0] && r.input?.[0] !== node.output?.[0]);
    if (to !== 1 && !asIndices) throw new Error(`${where}: Cast of the model's values to data type ${to} is not supported (only to FLOAT, or to INT64 / INT32 as the indices of a Gather)`);
  }
  a.checkAllUsed();
  c.alias([node], x);
}

export function softmax(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  const axis = a.int('axis', c.opset >= 13 ? -1 : 1);
  a.checkAllUsed();
  if (node.output?.[0] !== c.output) throw new Error(`${where}: Softmax is only supported as the last node`);
  const rank = x.shape.length;
  if (rank !== 2 || (axis !== 1 && axis !== -1)) throw new Error(`${where}: Softmax over axis ${axis} of a rank-${rank} value is not supported`);
  if (c.options.trailingSoftmax !== 'drop') {
    throw new Error(
      `${where}: the graph ends in Softmax; Nabla models output logits (the loss applies softmax). ` +
        `Import with {trailingSoftmax: 'drop'} to load the model without it`,
    );
  }
  c.droppedSoftmax = true;
  c.alias([node], x);
}

/** The shape Flatten / Reshape / Squeeze / Unsqueeze asks for, 'N' for the batch where it is kept. */
export function reshapeTarget(c: Converter, node: NodeProto, a: Attributes, shape: Dim[]): Dim[] {
  const where = describeNode(node);
  const rank = shape.length;
  switch (node.opType) {
    case 'Flatten': {
      const axis = a.int('axis', 1);
      const at = axis < 0 ? axis + rank : axis;
      if (at < 0 || at > rank) throw new Error(`${where}: attribute axis = ${axis} is out of range for rank ${rank}`);
      const product = (dims: Dim[]): Dim => dims.reduce<Dim>((p, d) => (typeof p === 'number' && typeof d === 'number' ? p * d : null), 1);
      const outer = shape.slice(1, at);
      // [d₀·…·d_{a−1}, d_a·…]: the batch survives only when every other outer dim is 1 (axis 0
      // gives [1, all]: the same when the file fixes the batch at 1).
      if (at === 0 && c.fixedBatch === 1) return ['N', product(shape.slice(1))];
      if (at === 0 || outer.some((d) => d !== 1)) throw new Error(`${where}: Flatten with axis = ${axis} of ${describeShape(shape)} would merge the batch with other dimensions; not supported`);
      return ['N', product(shape.slice(at))];
    }
    case 'Reshape': {
      const allowZero = a.int('allowzero', 0);
      const raw = c.g.ints(node, 1, 'shape');
      const out: Dim[] = raw.map((d, i) => (d === 0 && allowZero === 0 ? shape[i] ?? null : d));
      if (typeof out[0] === 'number' && out[0] === c.fixedBatch) out[0] = 'N';
      const minus = out.flatMap((d, i) => (d === -1 ? [i] : []));
      if (minus.length > 1) throw new Error(`${where}: shape ${JSON.stringify(raw)} has more than one -1`);
      if (minus.length === 1) {
        // The element count is N·F; -1 takes what the other entries leave of it.
        const flat = flattenedShape(shape)[1];
        const F = typeof flat === 'number' ? flat : null;
        const others = out.filter((_, i) => i !== minus[0] && i !== 0);
        const rest = others.every((d) => typeof d === 'number') ? (others as number[]).reduce((p, d) => p * d, 1) : null;
        const fits = F !== null && rest !== null && rest > 0 && F % rest === 0;
        if (minus[0] === 0) out[0] = fits && F === rest ? 'N' : null;
        else out[minus[0]] = out[0] === 'N' && fits ? F! / rest! : null;
      }
      return out;
    }
    case 'Squeeze':
    case 'Unsqueeze': {
      const axesAttr = a.ints('axes');
      const axes = (axesAttr ?? (node.input?.[1] ? c.g.ints(node, 1, 'axes') : null)) as number[] | null;
      if (axes && axes.some((d) => typeof d !== 'number')) throw new Error(`${where}: axes must be constant integers`);
      if (node.opType === 'Squeeze') {
        const drop = new Set((axes ?? shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)).map((d) => (d < 0 ? d + rank : d)));
        if (drop.has(0)) throw new Error(`${where}: Squeeze of the batch axis is not supported`);
        for (const d of drop) if (shape[d] !== 1) throw new Error(`${where}: axis ${d} of ${describeShape(shape)} is not 1 and cannot be squeezed`);
        return shape.filter((_, i) => !drop.has(i));
      }
      if (!axes) throw new Error(`${where}: Unsqueeze needs axes`);
      const outRank = rank + axes.length;
      const add = new Set(axes.map((d) => (d < 0 ? d + outRank : d)));
      if (add.has(0)) throw new Error(`${where}: Unsqueeze in front of the batch axis is not supported`);
      const out: Dim[] = [];
      let k = 0;
      for (let i = 0; i < outRank; i++) out.push(add.has(i) ? 1 : shape[k++]);
      return out;
    }
    default:
      throw new Error(`${where}: not a reshape`);
  }
}

/** [N, product of the other dims] (null when one is unknown). */
export function flattenedShape(shape: readonly Dim[]): Dim[] {
  let features: Dim = 1;
  for (const d of shape.slice(1)) features = typeof d === 'number' && typeof features === 'number' ? features * d : null;
  return ['N', features];
}
