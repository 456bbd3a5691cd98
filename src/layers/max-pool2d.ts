// SPDX-License-Identifier: MIT
// Max pooling over NCHW windows; backward routes each gradient to the element that won.
import type { MaxPoolRouting } from '../kernels/backend.js';
import { kernels } from '../kernels/index.js';
import { pool2dGeometry, type Conv2dGeometry, type Padding, type Pair } from '../kernels/geometry.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import { checkPair } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkPadding, onnxWindow, readPadding, windowSpec, type Sides } from './pool-common.js';
import type { LayerDef } from './registry.js';

export interface MaxPool2dOptions {
  /** Step between windows (default: kernelSize, non-overlapping windows). */
  stride?: Pair;
  /**
   * Implicit −∞ padding: one number, [h, w], or ONNX's [top, left, bottom, right]; each side less
   * than the kernel (PyTorch allows at most half of it). Default 0.
   */
  padding?: Padding;
  /** Spacing between the elements of a window (default 1). */
  dilation?: Pair;
  /** Round the output size up, as PyTorch's ceil_mode: a last, ragged window (default false). */
  ceilMode?: boolean;
}

/**
 * MaxPool2d: y[n, c, oh, ow] = max_{kh, kw} x[n, c, oh·s − p + kh·d, ow·s − p + kw·d] (padding counts as −∞)
 * Shapes: x [N, C, H, W] → y [N, C, OH, OW], OH = ⌊(H + pTop + pBottom − d(kH − 1) − 1)/s⌋ + 1, or
 *         PyTorch's ceil-mode rule (pooledSize in geometry.ts).
 * Backward: dx[argmax(n, c, oh, ow)] += dy[n, c, oh, ow] (the first maximum on ties, as PyTorch).
 * Derivation: docs/math/pooling.md
 */
export class MaxPool2d implements Layer {
  readonly name = 'MaxPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  /** [top, left, bottom, right]. */
  readonly padding: Sides;
  readonly dilation: [number, number];
  readonly ceilMode: boolean;
  private argmax: Int32Array | null = null; // flat index into x of each window's maximum
  private y: Tensor | null = null; // the output, for a fused ReLU's mask (MaxPoolRouting.output)
  private g: Conv2dGeometry | null = null;

  constructor(kernelSize: Pair, options: MaxPool2dOptions = {}) {
    this.kernelSize = checkPair('MaxPool2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('MaxPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = checkPadding('MaxPool2d', options.padding ?? 0, this.kernelSize);
    this.dilation = checkPair('MaxPool2d', 'dilation', options.dilation ?? 1, 1);
    this.ceilMode = options.ceilMode ?? false;
  }

  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    const { kernelSize, stride, padding, dilation, ceilMode } = this;
    return pool2dGeometry('MaxPool2d', inputShape, { kernelSize, stride, padding, dilation, ceilMode });
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
    this.y = y;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const { argmax, g } = this.routing(dy);
    return kernels().maxPool2dBackward(dy, argmax, g); // dx[argmax] += dy
  }

  /** What backward routes dy by (after checking dy's shape): for a layer before that runs this backward in its own call. */
  routing(dy: Tensor): MaxPoolRouting {
    const argmax = requireSaved('MaxPool2d', this.argmax);
    const g = requireSaved('MaxPool2d', this.g);
    checkShape('MaxPool2d', dy, [g.N, g.C, g.OH, g.OW], 'dy');
    return { argmax, g, output: this.y };
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    return windowSpec('MaxPool2d', this);
  }
}

export const maxPool2dDef: LayerDef<MaxPool2d> = {
  type: 'MaxPool2d',
  options: ['kernelSize', 'stride', 'padding', 'dilation', 'ceilMode'],
  fromSpec: (r) =>
    new MaxPool2d(r.requiredPair('kernelSize', 1), {
      stride: r.pair('stride', 1),
      padding: readPadding(r),
      dilation: r.pair('dilation', 1),
      ceilMode: r.bool('ceilMode'),
    }),
  toOnnx(e, layer, path, [x], [shape]) {
    const { attributes } = onnxWindow(layer, shape, false); // MaxPool never counts padding: no Pad node
    const dilated = layer.dilation[0] !== 1 || layer.dilation[1] !== 1;
    return e.node('MaxPool', `${path}.MaxPool`, [x], { ...attributes, ...(dilated ? { dilations: { ints: layer.dilation } } : {}) });
  },
};
