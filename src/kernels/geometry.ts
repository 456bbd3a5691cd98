// SPDX-License-Identifier: MIT
// Output sizes and padding for convolution and pooling, computed once here and used by
// layers, both backends and tests. out = ⌊(in + padBegin + padEnd − dil·(k − 1) − 1) / stride⌋ + 1,
// or PyTorch's ceil-mode rule for pooling (pooledSize); adaptive pooling windows (adaptiveWindow).
import { ShapeError } from '../tensor/shape.js';
import { formatShape } from '../tensor/tensor.js';

/** A size given as one number (square) or [h, w]. */
export type Pair = number | readonly [number, number];

export function pair(value: Pair, what: string): [number, number] {
  const p: [number, number] = typeof value === 'number' ? [value, value] : [value[0], value[1]];
  if (!Number.isInteger(p[0]) || !Number.isInteger(p[1])) throw new Error(`${what} must be integers, got ${String(value)}`);
  return p;
}

/** Padding: one number (every side), [h, w] (top = bottom = h, left = right = w) or ONNX's [top, left, bottom, right]. */
export type Padding = Pair | readonly [number, number, number, number];

/** [top, left, bottom, right] from any Padding. */
export function padSides(value: Padding, what: string): [number, number, number, number] {
  const p: number[] = typeof value === 'number' ? [value, value, value, value]
    : value.length === 2 ? [value[0], value[1], value[0], value[1]] : [...value];
  if (p.length !== 4 || !p.every(Number.isInteger)) {
    throw new Error(`${what} must be integers: one, [h, w] or [top, left, bottom, right], got ${JSON.stringify(value)}`);
  }
  return p as [number, number, number, number];
}

/** A Padding written back in its shortest form (a number, [h, w], or four sides when asymmetric). */
export function compactPadding(p: readonly [number, number, number, number]): Padding {
  if (p[0] !== p[2] || p[1] !== p[3]) return [p[0], p[1], p[2], p[3]];
  return p[0] === p[1] ? p[0] : [p[0], p[1]];
}

/** Everything a conv or pool kernel needs to know, for input [N, C, H, W] and output [N, outC, OH, OW]. */
export interface Conv2dGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  /** Padding before the first row (top) and column (left): where every window's offset starts. */
  padH: number;
  padW: number;
  /** Padding after the last row and column (equal to padH, padW unless given as four sides). */
  padBottom: number;
  padRight: number;
  dilationH: number;
  dilationW: number;
  groups: number;
  OH: number;
  OW: number;
}

export interface Conv2dOptions {
  outChannels: number;
  kernelSize: Pair;
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  groups?: number;
  /** Pooling only: PyTorch's ceil_mode (round the output size up; see pooledSize). */
  ceilMode?: boolean;
}

/** Output length of one spatial dimension (floored, as PyTorch with ceil_mode = false). */
export function outputSize(input: number, kernel: number, stride: number, pad: number, dilation: number): number {
  return pooledSize(input, kernel, stride, pad, pad, dilation, false);
}

/**
 * Output length of one spatial dimension with padding padBegin before and padEnd after, as
 * PyTorch's pooling_output_shape_pad_lr: ⌊(in + padBegin + padEnd − span) / stride⌋ + 1 with
 * span = dilation·(kernel − 1) + 1, or ⌈·⌉ in ceil mode, where a last window that would start
 * past the input and its begin padding (at index ≥ in + padBegin of the padded input) is
 * dropped. Ceil mode adds at most one, ragged, window.
 */
export function pooledSize(
  input: number, kernel: number, stride: number, padBegin: number, padEnd: number, dilation: number, ceilMode: boolean,
): number {
  const room = input + padBegin + padEnd - dilation * (kernel - 1) - 1;
  let size = (ceilMode ? Math.ceil(room / stride) : Math.floor(room / stride)) + 1;
  if (ceilMode && (size - 1) * stride >= input + padBegin) size--;
  return size;
}

/**
 * Adaptive pooling window i of `outSize` over `inSize` (PyTorch's rule): rows
 * start = ⌊i·in/out⌋ up to end = ⌈(i + 1)·in/out⌉ (exclusive). Windows cover the input, may
 * overlap by one and differ in size by at most one when out does not divide in; when out > in
 * several windows share one row.
 */
export function adaptiveWindow(i: number, inSize: number, outSize: number): { start: number; end: number } {
  return { start: Math.floor((i * inSize) / outSize), end: Math.floor(((i + 1) * inSize + outSize - 1) / outSize) };
}

/** 'padding [1, 1]' (symmetric) or 'padding [top, left, bottom, right] = [0, 1, 1, 2]', for messages. */
function describePadding(p: readonly [number, number, number, number]): string {
  return p[0] === p[2] && p[1] === p[3] ? `padding [${p[0]}, ${p[1]}]` : `padding [top, left, bottom, right] = [${p.join(', ')}]`;
}

/**
 * Geometry of a 2-D convolution or pooling window over an NCHW input shape.
 * `layer` names the caller in error messages.
 */
export function conv2dGeometry(layer: string, inputShape: readonly number[], options: Conv2dOptions): Conv2dGeometry {
  if (inputShape.length !== 4) {
    throw new ShapeError(`${layer}: expected input of shape [N, C, H, W], got ${formatShape(inputShape)}`);
  }
  const [N, C, H, W] = inputShape;
  const [kH, kW] = pair(options.kernelSize, `${layer}: kernelSize`);
  const [strideH, strideW] = pair(options.stride ?? 1, `${layer}: stride`);
  const sides = padSides(options.padding ?? 0, `${layer}: padding`);
  const [padH, padW, padBottom, padRight] = sides;
  const [dilationH, dilationW] = pair(options.dilation ?? 1, `${layer}: dilation`);
  const groups = options.groups ?? 1;
  const ceilMode = options.ceilMode ?? false;
  const outC = options.outChannels;
  if (kH < 1 || kW < 1) throw new Error(`${layer}: kernelSize must be ≥ 1, got [${kH}, ${kW}]`);
  if (strideH < 1 || strideW < 1) throw new Error(`${layer}: stride must be ≥ 1, got [${strideH}, ${strideW}]`);
  if (sides.some((p) => p < 0)) throw new Error(`${layer}: ${describePadding(sides)} must be ≥ 0`);
  if (dilationH < 1 || dilationW < 1) throw new Error(`${layer}: dilation must be ≥ 1, got [${dilationH}, ${dilationW}]`);
  if (!Number.isInteger(groups) || groups < 1 || C % groups !== 0 || outC % groups !== 0) {
    throw new Error(`${layer}: groups = ${groups} must divide both input channels (${C}) and output channels (${outC})`);
  }
  const OH = pooledSize(H, kH, strideH, padH, padBottom, dilationH, ceilMode);
  const OW = pooledSize(W, kW, strideW, padW, padRight, dilationW, ceilMode);
  if (OH < 1 || OW < 1) {
    const spanH = dilationH * (kH - 1) + 1;
    const spanW = dilationW * (kW - 1) + 1;
    throw new ShapeError(
      `${layer}: kernel ${kH}×${kW} (dilation ${dilationH}×${dilationW}, span ${spanH}×${spanW}) is larger than ` +
        `the padded input ${H + padH + padBottom}×${W + padW + padRight} (input ${formatShape(inputShape)}, ${describePadding(sides)})`,
    );
  }
  return { N, C, H, W, outC, kH, kW, strideH, strideW, padH, padW, padBottom, padRight, dilationH, dilationW, groups, OH, OW };
}

/** Options of a pooling window (MaxPool2d, AvgPool2d). */
export interface Pool2dOptions {
  kernelSize: Pair;
  /** Default: kernelSize. */
  stride?: Pair;
  padding?: Padding;
  dilation?: Pair;
  ceilMode?: boolean;
}

/**
 * Geometry of a pooling window: like a depthwise conv (outC = C, groups = C). Each side's padding
 * must be less than the kernel: ONNX Runtime's limit, which ONNX files may use; PyTorch's own
 * layers allow at most half the kernel. With dilation 1 every window then holds a real element;
 * a dilated window that falls wholly on padding is an error (PyTorch would return −∞ there).
 */
export function pool2dGeometry(layer: string, inputShape: readonly number[], options: Pool2dOptions): Conv2dGeometry {
  const C = inputShape.length === 4 ? inputShape[1] : 1;
  const [kH, kW] = pair(options.kernelSize, `${layer}: kernelSize`);
  const sides = padSides(options.padding ?? 0, `${layer}: padding`);
  checkPoolPadding(layer, [kH, kW], sides);
  const g = conv2dGeometry(layer, inputShape, {
    outChannels: C,
    kernelSize: [kH, kW],
    stride: options.stride ?? options.kernelSize,
    padding: sides,
    dilation: options.dilation ?? 1,
    groups: Math.max(C, 1),
    ceilMode: options.ceilMode ?? false,
  });
  checkWindowsSeeInput(layer, 'row', g.OH, g.H, g.kH, g.strideH, g.padH, g.dilationH);
  checkWindowsSeeInput(layer, 'column', g.OW, g.W, g.kW, g.strideW, g.padW, g.dilationW);
  return g;
}

/** Throws unless each side of a pool's padding is less than the kernel (ONNX Runtime's limit). */
export function checkPoolPadding(layer: string, kernel: readonly [number, number], sides: readonly [number, number, number, number]): void {
  const [kH, kW] = kernel;
  if (sides[0] >= kH || sides[2] >= kH || sides[1] >= kW || sides[3] >= kW) {
    throw new Error(
      `${layer}: ${describePadding(sides)} must be less than the kernel [${kH}, ${kW}] on each side ` +
        `(ONNX Runtime's limit; PyTorch allows at most half the kernel)`,
    );
  }
}

/** Throws unless every window o < out has a tap o·stride − pad + k·dilation inside [0, size). */
function checkWindowsSeeInput(
  layer: string, what: string, out: number, size: number, kernel: number, stride: number, pad: number, dilation: number,
): void {
  if (dilation === 1) return; // windows start before `size` and reach past −1 (pad < kernel)
  for (let o = 0; o < out; o++) {
    const first = o * stride - pad;
    let seen = false;
    for (let k = 0; k < kernel && !seen; k++) seen = first + k * dilation >= 0 && first + k * dilation < size;
    if (!seen) {
      const taps = Array.from({ length: kernel }, (_, k) => first + k * dilation);
      throw new ShapeError(
        `${layer}: window ${o} reads ${what}s [${taps.join(', ')}] (dilation ${dilation}), none of them inside ` +
          `the input's ${size} ${what}s: reduce the padding or dilation`,
      );
    }
  }
}

/** Options of a transposed convolution (ConvTranspose2d), PyTorch's names. */
export interface ConvTranspose2dOptions {
  inChannels: number;
  outChannels: number;
  kernelSize: Pair;
  stride?: Pair;
  padding?: Pair;
  outputPadding?: Pair;
  dilation?: Pair;
  groups?: number;
}

/** Output length of a transposed convolution: (in − 1)·s − 2p + d·(k − 1) + outputPadding + 1 (PyTorch's). */
export function transposedOutputSize(
  input: number, kernel: number, stride: number, pad: number, dilation: number, outputPadding: number,
): number {
  return (input - 1) * stride - 2 * pad + dilation * (kernel - 1) + outputPadding + 1;
}

/**
 * Geometry of a transposed convolution over x [N, inC, H, W], written as the convolution whose
 * input gradient it is (docs/math/conv-transpose2d.md): that convolution reads the transposed
 * one's output y [N, outC, H', W'] (g.C = outC, g.H = H', g.W = W'), has inC output channels
 * (g.outC = inC) and produces [N, inC, H, W] (g.OH = H, g.OW = W). With outputPadding ≥ stride
 * (allowed when the dilation is larger) the convolution's own floor rule would give one more row
 * than H; g.OH is H regardless, the last rows of y then get the bias only, as in PyTorch.
 */
export function convTranspose2dGeometry(layer: string, inputShape: readonly number[], options: ConvTranspose2dOptions): Conv2dGeometry {
  if (inputShape.length !== 4) {
    throw new ShapeError(`${layer}: expected input of shape [N, C, H, W], got ${formatShape(inputShape)}`);
  }
  const [N, , H, W] = inputShape;
  const [kH, kW] = pair(options.kernelSize, `${layer}: kernelSize`);
  const [sH, sW] = pair(options.stride ?? 1, `${layer}: stride`);
  const [pH, pW] = pair(options.padding ?? 0, `${layer}: padding`);
  const [aH, aW] = pair(options.outputPadding ?? 0, `${layer}: outputPadding`);
  const [dH, dW] = pair(options.dilation ?? 1, `${layer}: dilation`);
  if (aH < 0 || aW < 0 || aH >= Math.max(sH, dH) || aW >= Math.max(sW, dW)) {
    throw new Error(
      `${layer}: outputPadding [${aH}, ${aW}] must be ≥ 0 and smaller than either the stride [${sH}, ${sW}] ` +
        `or the dilation [${dH}, ${dW}] in each dimension (PyTorch's rule)`,
    );
  }
  const outH = transposedOutputSize(H, kH, sH, pH, dH, aH);
  const outW = transposedOutputSize(W, kW, sW, pW, dW, aW);
  if (outH < 1 || outW < 1) {
    throw new ShapeError(
      `${layer}: input ${formatShape(inputShape)} gives a non-positive output size ${outH}×${outW} ` +
        `((H − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1): reduce the padding`,
    );
  }
  const g = conv2dGeometry(layer, [N, options.outChannels, outH, outW], {
    outChannels: options.inChannels,
    kernelSize: [kH, kW],
    stride: [sH, sW],
    padding: [pH, pW],
    dilation: [dH, dW],
    groups: options.groups ?? 1,
  });
  return { ...g, OH: H, OW: W };
}
