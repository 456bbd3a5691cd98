// SPDX-License-Identifier: MIT
// What the pooling layers share: the input check; for MaxPool2d and AvgPool2d, their padding (a
// number, [h, w] or ONNX's four sides), the window options in a spec, and the ONNX form of a
// window, which writes PyTorch's ceil mode so that every runtime reads the same windows
// (docs/interop.md, docs/math/pooling.md).
import { checkPoolPadding, compactPadding, padSides, pooledSize, type Padding } from '../kernels/geometry.js';
import { ShapeError } from '../tensor/shape.js';
import { formatShape } from '../tensor/tensor.js';
import { compactPair } from './common.js';
import type { LayerSpec } from './layer.js';
import type { OnnxAttribute } from './registry.js';
import type { SpecReader } from './spec-reader.js';
import { preview } from './preview.js';

/** Throws unless the input is [N, C, H, W] with H, W ≥ 1. */
export function checkImage(layer: string, inputShape: readonly number[]): void {
  if (inputShape.length !== 4 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new ShapeError(`${layer}: expected input of shape [N, C, H, W], got ${formatShape(inputShape)}`);
  }
}

/** [top, left, bottom, right], each an integer ≥ 0. */
export type Sides = [number, number, number, number];

/** Padding as [top, left, bottom, right], checked: each side ≥ 0 and less than the kernel (pool2dGeometry's rule). */
export function checkPadding(layer: string, value: Padding, kernel: readonly [number, number]): Sides {
  const sides = padSides(value, `${layer}: padding`);
  if (sides.some((p) => p < 0)) throw new Error(`${layer}: padding must be ≥ 0, got ${preview(value)}`);
  checkPoolPadding(layer, kernel, sides);
  return sides;
}

/** A spec's `padding`: an integer ≥ 0, [h, w] or [top, left, bottom, right]. */
export function readPadding(r: SpecReader): Padding | undefined {
  const value = r.spec.padding;
  if (value === undefined) return undefined;
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (ok(value)) return value as number;
  if (Array.isArray(value) && (value.length === 2 || value.length === 4) && value.every(ok)) return value as unknown as Padding;
  return r.fail(`'padding' must be an integer ≥ 0, [h, w] or [top, left, bottom, right] of them, got ${preview(value)}`);
}

/** The window part of a pool's spec, each option only when not its default. */
export function windowSpec(
  type: string,
  w: { kernelSize: [number, number]; stride: [number, number]; padding: Sides; ceilMode: boolean; dilation?: [number, number] },
): LayerSpec {
  const spec: LayerSpec = { type, kernelSize: compactPair(w.kernelSize) };
  if (w.stride[0] !== w.kernelSize[0] || w.stride[1] !== w.kernelSize[1]) spec.stride = compactPair(w.stride);
  if (w.padding.some((p) => p !== 0)) spec.padding = compactPadding(w.padding);
  if (w.dilation && (w.dilation[0] !== 1 || w.dilation[1] !== 1)) spec.dilation = compactPair(w.dilation);
  if (w.ceilMode) spec.ceilMode = true;
  return spec;
}

/** A pooling window as ONNX writes it. */
export interface OnnxWindow {
  attributes: Record<string, OnnxAttribute>;
  /** Zero padding to apply first with a Pad node ([top, left, bottom, right]), or null. */
  prePad: Sides | null;
}

/**
 * The ONNX attributes of a pooling window over `inputShape` [N, C, H, W] (errors are prefixed with
 * the layer by the exporter). Floor mode maps as is.
 * In ceil mode PyTorch drops a last window that would start in the end padding; ONNX's shape
 * formula (and its shape inference) keeps it, while ONNX Runtime's kernels drop it, so:
 * - where ceil mode rounds no dimension up, the windows are floor mode's: ceil_mode = 0;
 * - where it rounds some dimension up and no dimension has a window to drop: ceil_mode = 1;
 * - otherwise floor mode with the ragged windows' overhang added as end padding (which padding
 *   hides: −∞ for MaxPool, excluded from the count for AveragePool); an AveragePool that counts
 *   padding gets its padding as real zeros from a Pad node first (`prePad`), as PyTorch's
 *   exporter writes it, and then counts only those.
 */
export function onnxWindow(
  w: { kernelSize: [number, number]; stride: [number, number]; padding: Sides; dilation: [number, number]; ceilMode: boolean },
  inputShape: readonly number[],
  countsPadding: boolean,
): OnnxWindow {
  const attributes: Record<string, OnnxAttribute> = { kernel_shape: { ints: w.kernelSize }, strides: { ints: w.stride } };
  const plain = (ceil: boolean): OnnxWindow => ({ attributes: { ...attributes, pads: { ints: w.padding }, ...(ceil ? { ceil_mode: { int: 1 } } : {}) }, prePad: null });
  if (!w.ceilMode) return plain(false);
  const dims = [0, 1].map((i) => {
    const [size, k, s, begin, end, d] = [inputShape[2 + i], w.kernelSize[i], w.stride[i], w.padding[i], w.padding[2 + i], w.dilation[i]];
    const span = d * (k - 1) + 1;
    const floor = pooledSize(size, k, s, begin, end, d, false);
    const ceil = pooledSize(size, k, s, begin, end, d, true);
    const onnxCeil = Math.ceil((size + begin + end - span) / s) + 1; // ONNX's formula: no window dropped
    return { ceil, roundsUp: ceil > floor, drops: onnxCeil > ceil, overhang: Math.max(0, (ceil - 1) * s + span - (size + begin + end)) };
  });
  if (!dims.some((d) => d.roundsUp)) return plain(false);
  if (!dims.some((d) => d.drops)) return plain(true);
  const [t, l, b, r] = w.padding;
  const [extraH, extraW] = dims.map((d) => d.overhang);
  if (countsPadding) {
    return { attributes: { ...attributes, pads: { ints: [0, 0, extraH, extraW] }, count_include_pad: { int: 0 } }, prePad: [t, l, b, r] };
  }
  const pads = [t, l, b + extraH, r + extraW];
  if (pads[2] >= w.kernelSize[0] || pads[3] >= w.kernelSize[1]) {
    throw new Error(
      `ceil mode over input ${inputShape[2]}×${inputShape[3]} needs end padding [${pads[2]}, ${pads[3]}] in floor mode, ` +
        `not less than the kernel [${w.kernelSize.join(', ')}] as ONNX Runtime requires (dilation [${w.dilation.join(', ')}])`,
    );
  }
  return { attributes: { ...attributes, pads: { ints: pads } }, prePad: null };
}
