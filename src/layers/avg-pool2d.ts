// SPDX-License-Identifier: MIT
// Average pooling over NCHW windows; backward spreads each gradient evenly over its window.
import { kernels } from '../kernels/index.js';
import { pool2dGeometry, type Conv2dGeometry, type Padding, type Pair } from '../kernels/geometry.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import { Tensor, type Buffer, type Parameter } from '../tensor/tensor.js';
import { checkInteger, checkPair } from './common.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkPadding, onnxWindow, readPadding, windowSpec, type Sides } from './pool-common.js';
import type { LayerDef, OnnxEmitter } from './registry.js';

export interface AvgPool2dOptions {
  /** Step between windows (default: kernelSize, non-overlapping windows). */
  stride?: Pair;
  /**
   * Implicit zero padding: one number, [h, w], or ONNX's [top, left, bottom, right]; each side
   * less than the kernel (PyTorch allows at most half of it). Default 0.
   */
  padding?: Padding;
  /** Count padded positions in the divisor (default true, as PyTorch); never positions past the padding. */
  countIncludePad?: boolean;
  /** Round the output size up, as PyTorch's ceil_mode: a last, ragged window (default false). */
  ceilMode?: boolean;
  /** Divide every window by this instead (PyTorch's divisor_override; default none). */
  divisorOverride?: number;
}

/**
 * AvgPool2d: y[n, c, oh, ow] = (1/D(oh, ow)) Σ_{kh, kw} x[n, c, oh·s − p + kh, ow·s − p + kw]
 * D = the window's positions inside the padded input (countIncludePad), or its real elements,
 * or divisorOverride. Shapes: x [N, C, H, W] → y [N, C, OH, OW], OH = ⌊(H + pTop + pBottom − kH)/s⌋ + 1,
 * or PyTorch's ceil-mode rule (pooledSize in geometry.ts).
 * Backward: dx[n, c, h, w] += dy[n, c, oh, ow] / D(oh, ow) for every window containing (h, w).
 * Derivation: docs/math/pooling.md
 */
export class AvgPool2d implements Layer {
  readonly name = 'AvgPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  /** [top, left, bottom, right]. */
  readonly padding: Sides;
  readonly countIncludePad: boolean;
  readonly ceilMode: boolean;
  readonly divisorOverride: number | null;
  private g: Conv2dGeometry | null = null; // geometry of the last forward, all backward needs

  constructor(kernelSize: Pair, options: AvgPool2dOptions = {}) {
    this.kernelSize = checkPair('AvgPool2d', 'kernelSize', kernelSize, 1);
    this.stride = checkPair('AvgPool2d', 'stride', options.stride ?? this.kernelSize, 1);
    this.padding = checkPadding('AvgPool2d', options.padding ?? 0, this.kernelSize);
    this.countIncludePad = options.countIncludePad ?? true;
    this.ceilMode = options.ceilMode ?? false;
    if (options.divisorOverride !== undefined) checkInteger('AvgPool2d', 'divisorOverride', options.divisorOverride, 1);
    this.divisorOverride = options.divisorOverride ?? null;
  }

  private geometry(inputShape: readonly number[]): Conv2dGeometry {
    const { kernelSize, stride, padding, ceilMode } = this;
    return pool2dGeometry('AvgPool2d', inputShape, { kernelSize, stride, padding, ceilMode });
  }

  outputShape(inputShape: readonly number[]): number[] {
    const g = this.geometry(inputShape);
    return [g.N, g.C, g.OH, g.OW];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = this.geometry(x.shape);
    this.g = g;
    return kernels().avgPool2d(x, g, this.countIncludePad, this.divisorOverride ?? undefined);
  }

  readonly backwardReadsInput = false; // the geometry only (see Module)
  readonly backwardReadsOutput = false;

  backward(dy: Tensor): Tensor {
    const g = requireSaved('AvgPool2d', this.g);
    checkShape('AvgPool2d', dy, [g.N, g.C, g.OH, g.OW], 'dy');
    return kernels().avgPool2dBackward(dy, g, this.countIncludePad, this.divisorOverride ?? undefined); // dx += dy / D
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const spec = windowSpec('AvgPool2d', this);
    if (!this.countIncludePad) spec.countIncludePad = false;
    if (this.divisorOverride !== null) spec.divisorOverride = this.divisorOverride;
    return spec;
  }
}

/**
 * divisorOverride d has no ONNX attribute: y = Σ window / d is a depthwise Conv with every weight
 * 1/d over zero padding, and ceil mode's ragged windows become extra end padding (zeros add nothing).
 */
function divisorConv(e: OnnxEmitter, layer: AvgPool2d, path: string, x: string, shape: readonly number[], d: number): string {
  const [, C, H, W] = shape;
  const [OH, OW] = layer.outputShape(shape).slice(2);
  const [kH, kW] = layer.kernelSize;
  const [t, l, b, r] = layer.padding;
  const bottom = Math.max(b, (OH - 1) * layer.stride[0] + kH - H - t);
  const right = Math.max(r, (OW - 1) * layer.stride[1] + kW - W - l);
  const weight = Tensor.full([C, 1, kH, kW], 1 / d);
  return e.node('Conv', `${path}.Conv`, [x, e.initializer(`${path}.divisorKernel`, weight)], {
    kernel_shape: { ints: layer.kernelSize },
    strides: { ints: layer.stride },
    pads: { ints: [t, l, bottom, right] },
    group: { int: C },
  });
}

export const avgPool2dDef: LayerDef<AvgPool2d> = {
  type: 'AvgPool2d',
  options: ['kernelSize', 'stride', 'padding', 'countIncludePad', 'ceilMode', 'divisorOverride'],
  fromSpec: (r) =>
    new AvgPool2d(r.requiredPair('kernelSize', 1), {
      stride: r.pair('stride', 1),
      padding: readPadding(r),
      countIncludePad: r.bool('countIncludePad'),
      ceilMode: r.bool('ceilMode'),
      divisorOverride: r.optionalInt('divisorOverride', 1),
    }),
  toOnnx(e, layer, path, [x], [shape]) {
    if (layer.divisorOverride !== null) return divisorConv(e, layer, path, x, shape, layer.divisorOverride);
    const win = onnxWindow({ ...layer, dilation: [1, 1] }, shape, layer.countIncludePad);
    let input = x;
    if (win.prePad) {
      const [t, l, b, r] = win.prePad;
      input = e.node('Pad', `${path}.Pad`, [x, e.int64s(`${path}.pads`, [0, 0, t, l, 0, 0, b, r])]);
    }
    return e.node('AveragePool', `${path}.AveragePool`, [input], {
      count_include_pad: { int: layer.countIncludePad ? 1 : 0 },
      ...win.attributes, // after: a Pad node in front means count_include_pad = 0
    });
  },
};
