// SPDX-License-Identifier: MIT
// Average pooling over NCHW windows; backward spreads each gradient evenly over its window.
import { kernels } from '../kernels/index.js';
import { pool2dGeometry, type Conv2dGeometry, type Pair } from '../kernels/geometry.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import { checkPair, onnxPads, poolSpec } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface AvgPool2dOptions {
  /** Step between windows (default: kernelSize, non-overlapping windows). */
  stride?: Pair;
  /** Implicit zero padding on each side, at most half the kernel (default 0). */
  padding?: Pair;
  /** Divide by kH·kW even where the window covers padding (default true, as PyTorch). */
  countIncludePad?: boolean;
}

/**
 * AvgPool2d: y[n, c, oh, ow] = (1/|window|) Σ_{kh, kw} x[n, c, oh·s − p + kh, ow·s − p + kw]
 * |window| = kH·kW with countIncludePad, else the number of real (unpadded) elements in the window.
 * Shapes: x [N, C, H, W] → y [N, C, OH, OW], OH = ⌊(H + 2p − kH)/s⌋ + 1 (geometry.ts).
 * Backward: dx[n, c, h, w] += dy[n, c, oh, ow] / |window(oh, ow)| for every window containing (h, w).
 * Derivation: docs/math/pooling.md
 */
export class AvgPool2d implements Layer {
  readonly name = 'AvgPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly countIncludePad: boolean;
  private g: Conv2dGeometry | null = null; // geometry of the last forward, all backward needs

  constructor(kernelSize: Pair, options: AvgPool2dOptions = {}) {
    this.kernelSize = checkPair('AvgPool2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('AvgPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = checkPair('AvgPool2d', 'padding', options.padding ?? 0, 0);
    this.countIncludePad = options.countIncludePad ?? true;
  }

  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    return pool2dGeometry('AvgPool2d', inputShape, { kernelSize: this.kernelSize, stride: this.stride, padding: this.padding });
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.C, g.OH, g.OW];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = this.geometry(x.shape);
    this.g = g;
    return kernels().avgPool2d(x, g, this.countIncludePad);
  }

  backward(dy: Tensor): Tensor {
    const g = requireSaved('AvgPool2d', this.g);
    checkShape('AvgPool2d', dy, [g.N, g.C, g.OH, g.OW], 'dy');
    return kernels().avgPool2dBackward(dy, g, this.countIncludePad); // dx += dy / |window|
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec = poolSpec('AvgPool2d', this.kernelSize, this.stride, this.padding);
    if (!this.countIncludePad) spec.countIncludePad = false;
    return spec;
  }
}

export const avgPool2dDef: LayerDef<AvgPool2d> = {
  type: 'AvgPool2d',
  options: ['kernelSize', 'stride', 'padding', 'countIncludePad'],
  fromSpec: (r) =>
    new AvgPool2d(r.requiredPair('kernelSize', 1), {
      stride: r.pair('stride', 1),
      padding: r.pair('padding', 0),
      countIncludePad: r.bool('countIncludePad'),
    }),
  toOnnx: (e, layer, path, [x]) =>
    e.node('AveragePool', `${path}.AveragePool`, [x], {
      kernel_shape: { ints: layer.kernelSize },
      strides: { ints: layer.stride },
      pads: { ints: onnxPads(layer.padding) },
      count_include_pad: { int: layer.countIncludePad ? 1 : 0 },
    }),
};
