// SPDX-License-Identifier: MIT
// Output sizes and padding for convolution and pooling, computed once here and used by
// layers, both backends and tests. out = ⌊(in + 2·pad − dil·(k − 1) − 1) / stride⌋ + 1.
import { ShapeError } from '../tensor/shape.js';
import { formatShape } from '../tensor/tensor.js';

/** A size given as one number (square) or [h, w]. */
export type Pair = number | readonly [number, number];

export function pair(value: Pair, what: string): [number, number] {
  const p: [number, number] = typeof value === 'number' ? [value, value] : [value[0], value[1]];
  if (!Number.isInteger(p[0]) || !Number.isInteger(p[1])) throw new Error(`${what} must be integers, got ${String(value)}`);
  return p;
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
  padH: number;
  padW: number;
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
  padding?: Pair;
  dilation?: Pair;
  groups?: number;
}

/** Output length of one spatial dimension (floored, as PyTorch with ceil_mode = false). */
export function outputSize(input: number, kernel: number, stride: number, pad: number, dilation: number): number {
  return Math.floor((input + 2 * pad - dilation * (kernel - 1) - 1) / stride) + 1;
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
  const [padH, padW] = pair(options.padding ?? 0, `${layer}: padding`);
  const [dilationH, dilationW] = pair(options.dilation ?? 1, `${layer}: dilation`);
  const groups = options.groups ?? 1;
  const outC = options.outChannels;
  if (kH < 1 || kW < 1) throw new Error(`${layer}: kernelSize must be ≥ 1, got [${kH}, ${kW}]`);
  if (strideH < 1 || strideW < 1) throw new Error(`${layer}: stride must be ≥ 1, got [${strideH}, ${strideW}]`);
  if (padH < 0 || padW < 0) throw new Error(`${layer}: padding must be ≥ 0, got [${padH}, ${padW}]`);
  if (dilationH < 1 || dilationW < 1) throw new Error(`${layer}: dilation must be ≥ 1, got [${dilationH}, ${dilationW}]`);
  if (!Number.isInteger(groups) || groups < 1 || C % groups !== 0 || outC % groups !== 0) {
    throw new Error(`${layer}: groups = ${groups} must divide both input channels (${C}) and output channels (${outC})`);
  }
  const spanH = dilationH * (kH - 1) + 1;
  const spanW = dilationW * (kW - 1) + 1;
  if (spanH > H + 2 * padH || spanW > W + 2 * padW) {
    throw new ShapeError(
      `${layer}: kernel ${kH}×${kW} (dilation ${dilationH}×${dilationW}, span ${spanH}×${spanW}) is larger than ` +
        `the padded input ${H + 2 * padH}×${W + 2 * padW} (input ${formatShape(inputShape)}, padding [${padH}, ${padW}])`,
    );
  }
  const OH = outputSize(H, kH, strideH, padH, dilationH);
  const OW = outputSize(W, kW, strideW, padW, dilationW);
  return { N, C, H, W, outC, kH, kW, strideH, strideW, padH, padW, dilationH, dilationW, groups, OH, OW };
}

/** Geometry of a pooling window: like a depthwise conv (outC = C, groups = C). */
export function pool2dGeometry(
  layer: string,
  inputShape: readonly number[],
  options: { kernelSize: Pair; stride?: Pair; padding?: Pair; dilation?: Pair },
): Conv2dGeometry {
  const C = inputShape.length === 4 ? inputShape[1] : 1;
  const [kH, kW] = pair(options.kernelSize, `${layer}: kernelSize`);
  const [padH, padW] = pair(options.padding ?? 0, `${layer}: padding`);
  // PyTorch's rule: a window must see at least one real element on each side.
  if (2 * padH > kH || 2 * padW > kW) {
    throw new Error(`${layer}: padding [${padH}, ${padW}] must be at most half the kernel [${kH}, ${kW}]`);
  }
  return conv2dGeometry(layer, inputShape, {
    outChannels: C,
    kernelSize: [kH, kW],
    stride: options.stride ?? options.kernelSize,
    padding: [padH, padW],
    dilation: options.dilation ?? 1,
    groups: Math.max(C, 1),
  });
}
