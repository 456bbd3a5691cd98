// SPDX-License-Identifier: MIT
// Small checks and helpers shared by the layer files: constructor argument validation,
// dtype agreement between an input and a layer's parameters, weight initialisation, and the
// spec of a pooling window.
import { pair, type Pair } from '../kernels/geometry.js';
import { defaultUniform, fans, kaimingNormal, kaimingUniform, xavierNormal, xavierUniform } from '../tensor/init.js';
import { WeightsToLoad, type Rng } from '../tensor/rng.js';
import { type DType, type Parameter, Tensor } from '../tensor/tensor.js';
import type { LayerSpec } from './layer.js';

/**
 * How Linear and Conv2d initialise their weights.
 * - 'default': PyTorch's default, W and b ~ U(−1/√fanIn, 1/√fanIn).
 * - 'xavierUniform' / 'xavierNormal': Glorot with gain 1; b = 0.
 * - 'kaimingUniform' / 'kaimingNormal': He for ReLU (gain √2, fan in); b = 0.
 */
export type WeightInit = 'default' | 'xavierUniform' | 'xavierNormal' | 'kaimingUniform' | 'kaimingNormal';

export const WEIGHT_INITS: readonly WeightInit[] = [
  'default',
  'xavierUniform',
  'xavierNormal',
  'kaimingUniform',
  'kaimingNormal',
];

/**
 * Fills weight (and bias) in place. Weight is drawn first, then bias, as PyTorch does. With a
 * WeightsToLoad rng both stay zero (the caller loads them).
 */
export function initWeights(
  init: WeightInit,
  weight: Parameter,
  bias: Parameter | null,
  rng: Rng,
  layout: 'linear' | 'conv',
): void {
  if (!WEIGHT_INITS.includes(init)) throw new Error(`unknown init '${String(init)}' (known: ${WEIGHT_INITS.join(', ')})`);
  if (rng instanceof WeightsToLoad) return;
  const f = fans(weight.value.shape, layout);
  switch (init) {
    case 'default':
      defaultUniform(weight.value, rng, f.fanIn);
      if (bias) defaultUniform(bias.value, rng, f.fanIn);
      return;
    case 'xavierUniform':
      xavierUniform(weight.value, rng, f);
      break;
    case 'xavierNormal':
      xavierNormal(weight.value, rng, f);
      break;
    case 'kaimingUniform':
      kaimingUniform(weight.value, rng, f, { nonlinearity: 'relu' });
      break;
    case 'kaimingNormal':
      kaimingNormal(weight.value, rng, f, { nonlinearity: 'relu' });
      break;
    default:
      throw new Error(`unknown init '${String(init)}' (known: ${WEIGHT_INITS.join(', ')})`);
  }
  bias?.value.data.fill(0);
}

/** Throws unless value is an integer ≥ min. */
export function checkInteger(layer: string, what: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${layer}: ${what} must be an integer${min === -Infinity ? '' : ` ≥ ${min}`}, got ${String(value)}`);
  }
}

/** Throws unless the input has the dtype of the layer's parameters (kernels never mix dtypes). */
export function checkDtype(layer: string, x: Tensor, p: Parameter): void {
  if (x.dtype !== p.value.dtype) {
    throw new Error(
      `${layer}: input is ${x.dtype} but ${p.name} is ${p.value.dtype} (cast the parameters with Parameter.cast)`,
    );
  }
}

/** t itself when it already has this dtype, else a converted copy (for small per-channel tensors). */
export function withDtype(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : t.astype(dtype);
}

/** A [h, w] pair of integers ≥ min, from a number or a pair. */
export function checkPair(layer: string, what: string, value: Pair, min: number): [number, number] {
  const p = pair(value, `${layer}: ${what}`);
  if (p[0] < min || p[1] < min) throw new Error(`${layer}: ${what} must be ≥ ${min}, got [${p[0]}, ${p[1]}]`);
  return p;
}

/** A pair written back as one number when square, for compact specs. */
export function compactPair(p: readonly [number, number]): Pair {
  return p[0] === p[1] ? p[0] : [p[0], p[1]];
}

/**
 * Spec of a pooling layer's window (MaxPool2d, AvgPool2d): stride is written only when it differs
 * from kernelSize (its default), padding only when it is not 0.
 */
export function poolSpec(
  type: string,
  kernelSize: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
): LayerSpec {
  const spec: LayerSpec = { type, kernelSize: compactPair(kernelSize) };
  if (stride[0] !== kernelSize[0] || stride[1] !== kernelSize[1]) spec.stride = compactPair(stride);
  if (padding.some((p) => p !== 0)) spec.padding = compactPair(padding);
  return spec;
}

/**
 * Dimension i of a known input shape (negative i counts from the end), or null when the shape is
 * unknown: the value a spec reader infers a size from (SpecReader.int).
 */
export function inferDim(shape: readonly number[] | null | undefined, i: number): number | null {
  if (!shape) return null;
  const d = shape[i < 0 ? shape.length + i : i];
  return d === undefined ? null : d;
}

/** ONNX pads [top, left, bottom, right] from a symmetric [h, w] padding. */
export function onnxPads(p: readonly [number, number]): number[] {
  return [p[0], p[1], p[0], p[1]];
}

/**
 * The grad a backward adds into: p's, or null when p is absent or frozen (requiresGrad false), so
 * that the kernel computing it (dW's GEMM, db's sums) is skipped.
 */
export function trainableGrad(p: Parameter | null): Tensor | null {
  return p && p.requiresGrad ? p.grad : null;
}

/**
 * The grad of a normalisation layer's γ or β: p's, or scratch that is dropped when p is absent or
 * frozen (the kernel computes Σ dy⊙x̂ and Σ dy anyway: dx needs them in train mode).
 */
export function gradOrScratch(p: Parameter | null, shape: readonly number[], dtype: DType): Tensor {
  return p && p.requiresGrad ? p.grad : Tensor.zeros(shape, dtype);
}
