// SPDX-License-Identifier: MIT
// Pooling from ONNX: MaxPool and AveragePool (four-sided pads, ceil_mode, dilations, auto_pad,
// count_include_pad), a zero Pad folded into the AveragePool or Conv after it (else a ZeroPad2d),
// GlobalAveragePool, GlobalMaxPool and ReduceMean over the spatial axes. Part of the node-by-node conversion in
// import-nodes.ts; the mapping is in docs/interop.md.
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { formatShape } from '../../tensor/tensor.js';
import { describeNode } from './graph.js';
import { describeShape } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import { readWindow } from './import-window.js';
import { Attributes, type NodeProto } from './proto.js';

/** The ZeroPad2d for ONNX's pads [top, left, bottom, right] (its padding is PyTorch's [left, right, top, bottom]). */
export function zeroPad([top, left, bottom, right]: readonly number[]): LayerSpec {
  const padding = [left, right, top, bottom];
  return { type: 'ZeroPad2d', padding: padding.every((p) => p === top) ? top : padding };
}

/** MaxPool or AveragePool; `prePad` comes from a zero Pad fused in front of an AveragePool. */
export function pool(c: Converter, node: NodeProto, a: Attributes, nodes: NodeProto[], prePad: number[] | null = null): void {
  const where = describeNode(node);
  const isAverage = node.opType === 'AveragePool';
  const x = c.onlyFirstIsData(node);
  const kernel = a.ints('kernel_shape');
  if (!kernel || kernel.length !== 2) throw new Error(`${where}: kernel_shape must list 2 sizes (2-D pooling), got ${JSON.stringify(kernel)}`);
  const w = readWindow(a, where, kernel, x.shape, { hasCeilMode: true, hasDilations: true });
  if (isAverage && w.dilations.some((d) => d !== 1)) throw new Error(`${where}: attribute dilations = ${formatShape(w.dilations)} is not supported for AveragePool`);
  if (!isAverage) a.int('storage_order', 0); // only affects the indices output, which must be unused
  let countIncludePad = isAverage ? a.int('count_include_pad', 0) === 1 : false;
  a.checkAllUsed();
  if (x.shape.length !== 4) throw new Error(`${where}: needs an [N, C, H, W] input, got ${describeShape(x.shape)}`);
  let pads: number[] = w.pads;
  let input = x;
  // Padding folds into a pool only while each side stays less than the kernel (the pools' limit).
  const foldable = prePad?.every((p, i) => p + pads[i] < kernel[i % 2]) ?? false;
  if (prePad && !foldable) {
    if (!layerDef('ZeroPad2d')) throw new Error(`${where}: a Pad of ${formatShape(prePad)} before an AveragePool of kernel ${formatShape(kernel)} is not supported`);
    input = c.builder.add(nodes[0], zeroPad(prePad), [x], {}, describeNode(nodes[0]));
  } else if (prePad && pads.some((p) => p !== 0) && !countIncludePad) {
    // The Pad's zeros count in the average and the pool's own padding does not: the Pad stays a
    // ZeroPad2d of its own ([left, right, top, bottom]) in front of the AvgPool2d.
    if (!layerDef('ZeroPad2d')) throw new Error(`${where}: padding in a Pad node and in the AveragePool with count_include_pad = 0 is not supported`);
    input = c.builder.add(nodes[0], zeroPad(prePad), [x], {}, describeNode(nodes[0]));
  } else if (prePad) {
    // Zeros padded by a Pad node count in the average; the pool's own padding counts too.
    pads = pads.map((p, i) => p + prePad[i]);
    countIncludePad = prePad.some((p) => p !== 0) || countIncludePad;
  }
  const isSymmetric = pads[0] === pads[2] && pads[1] === pads[3];
  const spec: LayerSpec = { type: isAverage ? 'AvgPool2d' : 'MaxPool2d', kernelSize: kernel, stride: w.strides, padding: isSymmetric ? [pads[0], pads[1]] : pads };
  if (w.ceilMode) spec.ceilMode = true;
  if (!isAverage && w.dilations.some((d) => d !== 1)) spec.dilation = w.dilations;
  if (isAverage) spec.countIncludePad = countIncludePad;
  c.emit(nodes, spec, [input], {}, node);
}

/**
 * A zero Pad of H and W: folded into the AveragePool or Conv after it (PyTorch writes AvgPool2d(padding
 * = p, count_include_pad = True) as Pad(zeros) + AveragePool), else a ZeroPad2d.
 */
export function pad(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const mode = a.string('mode', 'constant');
  const padsAttr = a.ints('pads'); // before opset 11 pads and value were attributes
  const valueAttr = a.float('value', 0);
  a.checkAllUsed();
  const x = c.onlyFirstIsData(node);
  const next = c.onlyReader(node.output?.[0] ?? '');
  const into = next && (next.opType === 'AveragePool' || next.opType === 'Conv') && next.input?.[0] === node.output?.[0] ? next : null;
  if (!into && !layerDef('ZeroPad2d')) throw new Error(`${where}: a Pad is only supported right before an AveragePool or a Conv`);
  if (node.input?.[3]) throw new Error(`${where}: the axes input (opset 18) is not supported`);
  const pads = padsAttr ?? c.g.ints(node, 1, 'pads');
  const value = node.input?.[2] ? c.g.floats(node, 2, 'constant_value').values[0] : valueAttr;
  // Negative pads crop (ZeroPad2d does the same); only non-negative ones fold into the next layer.
  const isSpatial = pads.length === 8 && pads.every((p) => typeof p === 'number') && [0, 1, 4, 5].every((i) => pads[i] === 0);
  const crops = pads.some((p) => typeof p === 'number' && p < 0);
  if (mode !== 'constant' || value !== 0 || !isSpatial || x.shape.length !== 4 || (crops && !layerDef('ZeroPad2d'))) {
    throw new Error(`${where}: only zero padding of H and W of an [N, C, H, W] value is supported (mode ${mode}, value ${value}, pads ${JSON.stringify(pads)})`);
  }
  const sides = [pads[2], pads[3], pads[6], pads[7]] as number[]; // [top, left, bottom, right]
  if (!into || crops) return void c.emit([node], zeroPad(sides), [x]);
  const nextAttributes = new Attributes(describeNode(into), into.attribute ?? []);
  // The next node reads the padded value: give it the unpadded one with the padding folded in.
  // The next node reads the unpadded value, with the padding added to its own.
  c.alias([node], x);
  c.reshaped.add(node.output?.[0] ?? '');
  if (into.opType === 'Conv') c.conv(into, nextAttributes, [node], sides);
  else pool(c, into, nextAttributes, [node, into], sides);
}

/** GlobalAveragePool (GlobalAvgPool2d), GlobalMaxPool (MaxPool2d over the whole map), ReduceMean over H, W. */
export function globalPool(c: Converter, node: NodeProto, isMax: boolean, keepDims: boolean): void {
  const where = describeNode(node);
  const x = c.onlyFirstIsData(node);
  if (x.shape.length !== 4) throw new Error(`${where}: needs an [N, C, H, W] input, got ${describeShape(x.shape)}`);
  let spec: LayerSpec = { type: 'GlobalAvgPool2d' };
  if (isMax) {
    const [H, W] = [x.shape[2], x.shape[3]];
    if (typeof H !== 'number' || typeof W !== 'number') throw new Error(`${where}: GlobalMaxPool needs a known height and width, got ${describeShape(x.shape)}`);
    spec = { type: 'MaxPool2d', kernelSize: [H, W] };
  }
  if (keepDims) {
    c.emit([node], spec, [x]);
    return;
  }
  const pooled = c.builder.add(node, spec, [x], {}, where);
  c.emit([node], { type: 'Flatten' }, [pooled]);
}

/** ReduceMean over the spatial axes [2, 3] of an image (torch's x.mean([2, 3])). */
export function reduceMean(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const keepDims = a.int('keepdims', 1) === 1;
  a.int('noop_with_empty_axes', 0);
  const axesAttr = a.ints('axes');
  a.checkAllUsed();
  const x = c.onlyFirstIsData(node);
  const axes = axesAttr ?? (node.input?.[1] ? c.g.ints(node, 1, 'axes') : null);
  const rank = x.shape.length;
  const resolved = (axes ?? []).map((d) => (typeof d === 'number' && d < 0 ? d + rank : d));
  const isSpatial = rank === 4 && resolved.length === 2 && resolved.includes(2) && resolved.includes(3);
  if (!isSpatial) {
    throw new Error(`${where}: ReduceMean over axes ${JSON.stringify(axes)} of a rank-${rank} value is not supported (only the spatial axes [2, 3] of [N, C, H, W])`);
  }
  globalPool(c, node, false, keepDims);
}
