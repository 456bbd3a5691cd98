// SPDX-License-Identifier: MIT
// Max pooling over NCHW windows; backward routes each gradient to the element that won.
import { kernels } from '../kernels/index.js';
import { pool2dGeometry, type Conv2dGeometry, type Pair } from '../kernels/geometry.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import { checkPair, onnxPads, poolSpec } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import type { LayerDef } from './registry.js';

export interface MaxPool2dOptions {
  /** Step between windows (default: kernelSize, non-overlapping windows). */
  stride?: Pair;
  /** Implicit −∞ padding on each side, at most half the kernel (default 0). */
  padding?: Pair;
}

/**
 * MaxPool2d: y[n, c, oh, ow] = max_{kh, kw} x[n, c, oh·s − p + kh, ow·s − p + kw] (padding counts as −∞)
 * Shapes: x [N, C, H, W] → y [N, C, OH, OW], OH = ⌊(H + 2p − kH)/s⌋ + 1 (geometry.ts).
 * Backward: dx[argmax(n, c, oh, ow)] += dy[n, c, oh, ow] (the first maximum on ties, as PyTorch).
 * Derivation: docs/math/pooling.md
 */
export class MaxPool2d implements Layer {
  readonly name = 'MaxPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  private argmax: Int32Array | null = null; // flat index into x of each window's maximum
  private g: Conv2dGeometry | null = null;

  constructor(kernelSize: Pair, options: MaxPool2dOptions = {}) {
    this.kernelSize = checkPair('MaxPool2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('MaxPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = checkPair('MaxPool2d', 'padding', options.padding ?? 0, 0);
  }

  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    return pool2dGeometry('MaxPool2d', inputShape, { kernelSize: this.kernelSize, stride: this.stride, padding: this.padding });
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.C, g.OH, g.OW];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = this.geometry(x.shape);
    const { y, argmax } = kernels().maxPool2d(x, g);
    this.argmax = argmax;
    this.g = g;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const argmax = requireSaved('MaxPool2d', this.argmax);
    const g = requireSaved('MaxPool2d', this.g);
    checkShape('MaxPool2d', dy, [g.N, g.C, g.OH, g.OW], 'dy');
    return kernels().maxPool2dBackward(dy, argmax, g); // dx[argmax] += dy
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return poolSpec('MaxPool2d', this.kernelSize, this.stride, this.padding);
  }
}

export const maxPool2dDef: LayerDef<MaxPool2d> = {
  type: 'MaxPool2d',
  options: ['kernelSize', 'stride', 'padding'],
  fromSpec: (r) => new MaxPool2d(r.requiredPair('kernelSize', 1), { stride: r.pair('stride', 1), padding: r.pair('padding', 0) }),
  toOnnx: (e, layer, path, [x]) =>
    e.node('MaxPool', `${path}.MaxPool`, [x], {
      kernel_shape: { ints: layer.kernelSize },
      strides: { ints: layer.stride },
      pads: { ints: onnxPads(layer.padding) },
    }),
};
