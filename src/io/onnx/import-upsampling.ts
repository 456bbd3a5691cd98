// SPDX-License-Identifier: MIT
// Layers that grow the image, from ONNX:
//   ConvTranspose (strides, pads, output_padding, output_shape, auto_pad, dilations, group)
//                                       → ConvTranspose2d; pads [b, e] with b ≥ e become
//                                         padding b and outputPadding + (b − e), as PyTorch writes it
//   Resize (opset 10+), Upsample (opset 7–9; scales an attribute before 9) with scales on H and W
//   (any positive factor) or sizes (new H and W; PyTorch's Shape → Slice → Concat is folded)
//                                       → Upsample: mode nearest (asymmetric, floor: PyTorch's
//                                         'nearest'), linear with align_corners (alignCorners) or
//                                         half_pixel / pytorch_half_pixel (bilinear)
import { layerDef } from '../../layers/all.js';
import type { LayerSpec } from '../../layers/layer.js';
import { formatShape } from '../../tensor/tensor.js';
import { describeNode, type Dim } from './graph.js';
import { describeShape } from './import-builder.js';
import type { Converter } from './import-nodes.js';
import { Attributes, type FloatValues, type NodeProto } from './proto.js';

function need(type: string, node: NodeProto): void {
  if (!layerDef(type)) throw new Error(`${describeNode(node)}: unsupported operator '${node.opType}' (it needs a ${type} layer, which Nabla does not have yet)`);
}

export function convTranspose(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.data(node, 0);
  const W = c.g.floats(node, 1, 'W');
  if (W.dims.length !== 4) throw new Error(`${where}: only 2-D transposed convolution is supported, W has dims ${formatShape(W.dims)}`);
  const [inChannels, outPerGroup, kH, kW] = W.dims;
  const kernel = a.ints('kernel_shape') ?? [kH, kW];
  if (kernel.length !== 2 || kernel[0] !== kH || kernel[1] !== kW) throw new Error(`${where}: kernel_shape ${formatShape(kernel)} disagrees with W ${formatShape(W.dims)}`);
  const strides = a.ints('strides') ?? [1, 1];
  const dilations = a.ints('dilations') ?? [1, 1];
  const groups = a.int('group', 1);
  const outputPadding = a.ints('output_padding') ?? [0, 0];
  const outputShape = a.ints('output_shape');
  const autoPad = a.string('auto_pad', 'NOTSET');
  let pads = a.ints('pads') ?? [0, 0, 0, 0];
  a.checkAllUsed();
  for (const [name, v] of [['strides', strides], ['dilations', dilations], ['output_padding', outputPadding], ['pads', pads]] as const) {
    if (v.length !== (name === 'pads' ? 4 : 2)) throw new Error(`${where}: attribute ${name} = ${formatShape(v)} is not 2-D`);
  }
  if (x.shape.length !== 4 || (x.shape[1] !== null && x.shape[1] !== inChannels)) {
    throw new Error(`${where}: W ${formatShape(W.dims)} needs [N, ${inChannels}, H, W] input, got ${describeShape(x.shape)}`);
  }
  // Without padding the output is s·(in − 1) + outputPadding + d·(k − 1) + 1; pads crop it.
  const full = (i: number): number | null => {
    const size = x.shape[2 + i];
    return typeof size === 'number' ? strides[i] * (size - 1) + outputPadding[i] + dilations[i] * (kernel[i] - 1) + 1 : null;
  };
  if (outputShape || autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const wanted = outputShape ? outputShape.slice(-2) : [0, 1].map((i) => (typeof x.shape[2 + i] === 'number' ? (x.shape[2 + i] as number) * strides[i] : null));
    pads = [0, 0, 0, 0];
    for (let i = 0; i < 2; i++) {
      const f = full(i);
      if (f === null || wanted[i] === null) throw new Error(`${where}: attribute ${outputShape ? 'output_shape' : 'auto_pad'} needs a known input height and width, got ${describeShape(x.shape)}`);
      const total = f - (wanted[i] as number);
      if (total < 0) throw new Error(`${where}: output_shape ${formatShape(outputShape ?? [])} is larger than the full output (${f}); not supported`);
      // ONNX: SAME_UPPER puts the odd one at the end, otherwise at the beginning.
      const small = Math.floor(total / 2);
      pads[i] = autoPad === 'SAME_UPPER' ? small : total - small;
      pads[i + 2] = total - pads[i];
    }
  } else if (autoPad !== 'NOTSET' && autoPad !== 'VALID') {
    throw new Error(`${where}: attribute auto_pad = '${autoPad}' is not an ONNX value`);
  }
  // Padding b at the start and e ≤ b at the end is PyTorch's padding b with b − e more output padding.
  const extra = [pads[0] - pads[2], pads[1] - pads[3]];
  if (extra.some((e) => e < 0)) throw new Error(`${where}: attribute pads = ${formatShape(pads)} crops more at the end than at the start; not supported`);
  const outChannels = outPerGroup * groups;
  let bias = node.input?.[2] ? c.g.floats(node, 2, 'B') : null;
  if (bias && bias.values.length !== outChannels) throw new Error(`${where}: bias has ${bias.values.length} values, expected ${outChannels}`);
  let outPad = [outputPadding[0] + extra[0], outputPadding[1] + extra[1]];
  const nodes = [node];
  // An output padding of at least the stride (which a larger dilation allows) is written, as nabla
  // export writes it, as zeros padded at the end and then the bias added: ConvTranspose → Pad → Add.
  const tail = bias ? null : paddedBias(c, node, outChannels);
  if (tail && [0, 1].every((i) => outPad[i] + tail.end[i] < Math.max(strides[i], dilations[i]))) {
    outPad = [outPad[0] + tail.end[0], outPad[1] + tail.end[1]];
    bias = tail.bias;
    nodes.push(...tail.nodes);
  }
  need('ConvTranspose2d', node);
  const spec: LayerSpec = { type: 'ConvTranspose2d', inChannels, outChannels, kernelSize: [kH, kW], stride: strides, padding: [pads[0], pads[1]] };
  Object.assign(spec, { outputPadding: outPad, dilation: dilations, groups });
  if (!bias) spec.bias = false;
  c.emit(nodes, spec, [x], bias ? { weight: W, bias: { dims: [outChannels], values: bias.values } } : { weight: W });
}

/**
 * After a bias-less ConvTranspose: an optional Pad of zeros at the end of H and W, then an Add of
 * a per-channel constant ([C, 1, 1] or [1, C, 1, 1]), each the only reader of the one before —
 * the bias and the extra output padding, with the nodes that make them; else null.
 */
function paddedBias(c: Converter, node: NodeProto, C: number): { bias: { dims: number[]; values: FloatValues }; end: number[]; nodes: NodeProto[] } | null {
  let last = node;
  let end = [0, 0];
  const nodes: NodeProto[] = [];
  const next = c.onlyReader(node.output?.[0] ?? '');
  if (next?.opType === 'Pad' && next.input?.[0] === node.output?.[0]) {
    const a = new Attributes(describeNode(next), next.attribute ?? []);
    if (a.string('mode', 'constant') !== 'constant' || a.float('value', 0) !== 0 || next.input?.[3]) return null;
    const padsAttr = a.ints('pads');
    const value = next.input?.[2] ? c.g.constant(next.input[2]) : null;
    if (value && !(value.floats?.length === 1 && value.floats[0] === 0)) return null;
    const pads = padsAttr ?? (next.input?.[1] ? c.g.constant(next.input[1])?.ints ?? null : null);
    if (!pads || pads.length !== 8 || pads.some((p, i) => typeof p !== 'number' || p < 0 || (i !== 6 && i !== 7 && p !== 0))) return null;
    end = [pads[6] as number, pads[7] as number];
    nodes.push(next);
    last = next;
  }
  const add = c.onlyReader(last.output?.[0] ?? '');
  if (add?.opType !== 'Add' || add.input?.length !== 2) return null;
  const other = add.input[0] === last.output?.[0] ? add.input[1] : add.input[0];
  const constant = c.isData(other) ? null : c.g.constant(other);
  const dims = constant?.dims ?? [];
  const perChannel = (dims.length === 3 && dims[0] === C && dims[1] === 1 && dims[2] === 1) ||
    (dims.length === 4 && dims[0] === 1 && dims[1] === C && dims[2] === 1 && dims[3] === 1);
  if (!constant?.floats || !perChannel) return null;
  return { bias: { dims: [C], values: constant.floats }, end, nodes: [...nodes, add] };
}

/**
 * The double a float32 scale stands for: the shortest decimal that rounds to it (PyTorch writes its
 * scale_factor 1.7 as the float32 1.70000005 but computed with the double 1.7).
 */
function shortestDecimal(f: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const v = Number(f.toPrecision(digits));
    if (Math.fround(v) === f) return v;
  }
  return f;
}

/**
 * The Upsample option a Resize / Upsample node gives: scaleFactor from its scales (attribute before
 * opset 9, input 1 up to opset 10, input 2 from 11), else size from its sizes (input 3, opset 11+).
 */
function targetSize(c: Converter, node: NodeProto, shape: readonly Dim[], scalesAttr: number[] | null): Record<string, number | number[]> {
  const where = describeNode(node);
  const isUpsampleOp = node.opType === 'Upsample';
  let factors: number[] | null = scalesAttr && scalesAttr.length === 4 ? scalesAttr : null;
  const scalesName = node.input?.[isUpsampleOp || c.opset < 11 ? 1 : 2] ?? '';
  const scales = scalesName ? c.g.constant(scalesName) : null;
  if (scales?.floats && scales.floats.length === 4) factors = [...scales.floats];
  if (factors) {
    const [sh, sw] = [factors[2], factors[3]];
    if (factors[0] !== 1 || factors[1] !== 1 || !(sh > 0 && sw > 0 && Number.isFinite(sh) && Number.isFinite(sw))) {
      throw new Error(`${where}: scales ${JSON.stringify(factors)} are not supported (only positive factors on H and W, 1 on N and C)`);
    }
    const [h, w] = [shortestDecimal(sh), shortestDecimal(sw)];
    return { scaleFactor: h === w ? h : [h, w] };
  }
  if (isUpsampleOp || c.opset < 11 || !node.input?.[3]) throw new Error(`${where}: needs constant scales or sizes`);
  const sizes = c.g.ints(node, 3, 'sizes');
  // The batch entry: PyTorch's Shape → Slice gives 'N'; a file with a fixed batch may write the number.
  const sameAsInput = (i: number) => sizes[i] === shape[i] || (i === 0 && (sizes[0] === 'N' || shape[0] === 'N')) || (i === 1 && shape[1] === null);
  const [oh, ow] = [sizes[2], sizes[3]];
  if (sizes.length !== 4 || !sameAsInput(0) || !sameAsInput(1) || typeof oh !== 'number' || typeof ow !== 'number' || oh < 1 || ow < 1) {
    throw new Error(`${where}: sizes ${JSON.stringify(sizes)} are not supported for input ${describeShape(shape)} (only new H and W)`);
  }
  return { size: oh === ow ? oh : [oh, ow] };
}

/** Resize / Upsample on H and W: a scale factor (scales) or an output size (sizes). */
export function resize(c: Converter, node: NodeProto, a: Attributes): void {
  const where = describeNode(node);
  const x = c.data(node, 0);
  const mode = a.string('mode', 'nearest');
  const isUpsampleOp = node.opType === 'Upsample';
  const coordinates = isUpsampleOp ? 'asymmetric' : a.string('coordinate_transformation_mode', 'half_pixel');
  const nearestMode = isUpsampleOp ? 'floor' : a.string('nearest_mode', 'round_prefer_floor');
  if (!isUpsampleOp) {
    a.float('cubic_coeff_a', -0.75);
    a.int('exclude_outside', 0);
    a.float('extrapolation_value', 0);
    if (a.ints('axes')) throw new Error(`${where}: attribute axes is not supported`);
    a.string('keep_aspect_ratio_policy', 'stretch');
  }
  const scalesAttr = isUpsampleOp ? a.floats('scales') : null; // Upsample before opset 9
  a.checkAllUsed();
  if (x.shape.length !== 4) throw new Error(`${where}: needs an [N, C, H, W] input, got ${describeShape(x.shape)}`);
  const size = targetSize(c, node, x.shape, scalesAttr);
  let spec: LayerSpec;
  if (mode === 'nearest') {
    if (coordinates !== 'asymmetric' || nearestMode !== 'floor') {
      throw new Error(`${where}: mode 'nearest' with coordinate_transformation_mode '${coordinates}', nearest_mode '${nearestMode}' is not supported (only PyTorch's: asymmetric, floor)`);
    }
    spec = { type: 'Upsample', ...size, mode: 'nearest' };
  } else if (mode === 'linear' || mode === 'bilinear') {
    if (coordinates === 'align_corners') spec = { type: 'Upsample', ...size, mode: 'bilinear', alignCorners: true };
    else if (coordinates === 'half_pixel' || coordinates === 'pytorch_half_pixel') spec = { type: 'Upsample', ...size, mode: 'bilinear' };
    else throw new Error(`${where}: mode 'linear' with coordinate_transformation_mode '${coordinates}' is not supported (align_corners, half_pixel, pytorch_half_pixel are)`);
  } else {
    throw new Error(`${where}: mode '${mode}' is not supported (nearest, linear are)`);
  }
  need('Upsample', node);
  c.emit([node], spec, [x]);
}
