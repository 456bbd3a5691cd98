// SPDX-License-Identifier: MIT
// Where each output row and column of an upsampling reads, computed once here for the layer, both
// backends and the tests: PyTorch 1.13's CPU rules (aten/src/ATen/native/UpSample.h and
// cpu/UpSampleKernel.cpp), special cases and float32 rounding included, so that the same pixels are picked (docs/math/upsample.md).
import { ShapeError } from '../tensor/shape.js';
import { formatShape } from '../tensor/tensor.js';

export type UpsampleMode = 'nearest' | 'bilinear';

/** Everything an upsampling kernel needs, for x [N, C, H, W] → y [N, C, OH, OW]. */
export interface UpsampleGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  OH: number;
  OW: number;
  mode: UpsampleMode;
  /** Bilinear only: corners of input and output aligned (PyTorch's align_corners). */
  alignCorners: boolean;
  /** The scale factors when the layer was given them (its coordinates then use 1/s), else null (in/out). */
  scaleH: number | null;
  scaleW: number | null;
}

/**
 * The geometry for an input shape: OH = ⌊H·sh⌋ (PyTorch's static_cast of the double product)
 * with a scale factor, else the given size. Throws a ShapeError naming the layer and both shapes
 * when the input is not [N, C, H, W] or the output would be empty.
 */
export function upsampleGeometry(
  layer: string,
  inputShape: readonly number[],
  options: { size: readonly [number, number] | null; scaleFactor: readonly [number, number] | null; mode: UpsampleMode; alignCorners: boolean },
): UpsampleGeometry {
  if (inputShape.length !== 4 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new ShapeError(`${layer}: expected input of shape [N, C, H, W], got ${formatShape(inputShape)}`);
  }
  const [N, C, H, W] = inputShape;
  const s = options.scaleFactor;
  const [OH, OW] = s ? [Math.floor(H * s[0]), Math.floor(W * s[1])] : (options.size as readonly [number, number]);
  if (OH < 1 || OW < 1) {
    throw new ShapeError(
      `${layer}: input ${formatShape(inputShape)} with scaleFactor [${s?.join(', ')}] gives an empty output ${OH}×${OW} ` +
        `(⌊H·sh⌋ × ⌊W·sw⌋; PyTorch: 'Input and output sizes should be greater than 0')`,
    );
  }
  return { N, C, H, W, OH, OW, mode: options.mode, alignCorners: options.alignCorners, scaleH: s ? s[0] : null, scaleW: s ? s[1] : null };
}

/**
 * PyTorch's 'nearest' source index of output index o: min(⌊o·r⌋, in − 1) with r = 1/scale (or
 * in/out), r and the product in float32 as PyTorch's CPU kernel computes them for float32 tensors
 * (HelperInterpNearest). Not its channels-last kernel (which also takes tensors with C = 1): that
 * one copies when out = in and halves o when out = 2·in, whatever the factor, so with a factor
 * like 2.1 on 5 rows it reads row 1 for output 2 where this (and PyTorch for C > 1) reads row 0.
 */
export function nearestSourceIndex(o: number, inSize: number, outSize: number, scale: number | null): number {
  const ratio = scale !== null && scale > 0 ? Math.fround(1 / scale) : Math.fround(inSize / outSize);
  return Math.min(Math.floor(Math.fround(o * ratio)), inSize - 1);
}

/** The source index of every output index along one axis (nearest). */
export function nearestIndices(inSize: number, outSize: number, scale: number | null): Int32Array {
  return Int32Array.from({ length: outSize }, (_, o) => nearestSourceIndex(o, inSize, outSize, scale));
}

/** Along one axis, output o reads l0[o]·x[i0[o]] + l1[o]·x[i1[o]] (i1 = i0 + 1, or i0 at the last index). */
export interface LinearTaps {
  i0: Int32Array;
  i1: Int32Array;
  l0: Float64Array;
  l1: Float64Array;
}

/**
 * PyTorch's linear taps (area_pixel_compute_scale, area_pixel_compute_source_index and
 * compute_source_index_and_lambda): out = in copies; else the source coordinate is
 * src = r·o with r = (in − 1)/(out − 1) (0 when out = 1) under alignCorners, or
 * src = max(r·(o + ½) − ½, 0) with r = 1/scale (or in/out) — half-pixel centres, clamped at 0;
 * i0 = min(⌊src⌋, in − 1), l1 = clamp(src − i0, 0, 1), l0 = 1 − l1. Computed in float64 (PyTorch
 * uses the tensor's type; for float32 that differs by rounding only, about 1e-7 of a pixel).
 */
export function linearTaps(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): LinearTaps {
  const taps: LinearTaps = {
    i0: new Int32Array(outSize), i1: new Int32Array(outSize), l0: new Float64Array(outSize), l1: new Float64Array(outSize),
  };
  const ratio = alignCorners
    ? (outSize > 1 ? (inSize - 1) / (outSize - 1) : 0)
    : (scale !== null && scale > 0 ? 1 / scale : inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    if (outSize === inSize) {
      [taps.i0[o], taps.i1[o], taps.l0[o], taps.l1[o]] = [o, o, 1, 0];
      continue;
    }
    const src = alignCorners ? ratio * o : Math.max(ratio * (o + 0.5) - 0.5, 0);
    const i0 = Math.min(Math.floor(src), inSize - 1);
    const l1 = Math.min(Math.max(src - i0, 0), 1);
    [taps.i0[o], taps.i1[o], taps.l0[o], taps.l1[o]] = [i0, i0 < inSize - 1 ? i0 + 1 : i0, 1 - l1, l1];
  }
  return taps;
}
