// SPDX-License-Identifier: MIT
// Adaptive average pooling: the output size is given and each window is PyTorch's
// ⌊i·H/OH⌋ … ⌈(i + 1)·H/OH⌉ − 1, so any input size pools to it (torchvision's heads).
import { kernels } from '../kernels/index.js';
import { checkShape, requireSaved } from '../tensor/shape.js';
import type { Buffer, Parameter, Tensor } from '../tensor/tensor.js';
import type { Layer, LayerSpec, Mode } from './layer.js';
import { checkImage } from './pool-common.js';
import type { LayerDef } from './registry.js';
import { preview } from './preview.js';

/** A size, a pair, or a pair with null for "keep that dimension of the input" (PyTorch's None). */
export type AdaptiveSize = number | readonly [number | null, number | null];

/**
 * AdaptiveAvgPool2d: y[n, c, i, j] = mean of x[n, c, h, w] over h ∈ [⌊i·H/OH⌋, ⌈(i+1)·H/OH⌉), w likewise.
 * Shapes: x [N, C, H, W] → y [N, C, OH, OW] (null in outputSize keeps H or W).
 * Backward: dx[n, c, h, w] += dy[n, c, i, j] / |window(i, j)| for every window containing (h, w).
 * Derivation: docs/math/pooling.md#adaptive-average-pooling
 */
export class AdaptiveAvgPool2d implements Layer {
  readonly name = 'AdaptiveAvgPool2d';
  /** [OH, OW]; null keeps the input's size. */
  readonly outputSize: [number | null, number | null];
  private inputShape: readonly number[] | null = null; // all backward needs

  constructor(outputSize: AdaptiveSize) {
    const pair = typeof outputSize === 'number' ? [outputSize, outputSize] : outputSize;
    const ok = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1);
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every(ok)) {
      throw new Error(`AdaptiveAvgPool2d: outputSize must be an integer ≥ 1 or a pair [h, w] of them (null keeps the input's size), got ${preview(outputSize)}`);
    }
    this.outputSize = [pair[0], pair[1]];
  }

  /** [OH, OW] for an input [N, C, H, W]. */
  sizeFor(inputShape: readonly number[]): [number, number] {
    checkImage('AdaptiveAvgPool2d', inputShape);
    return [this.outputSize[0] ?? inputShape[2], this.outputSize[1] ?? inputShape[3]];
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [inputShape[0], inputShape[1], ...this.sizeFor(inputShape)];
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const [OH, OW] = this.sizeFor(x.shape);
    this.inputShape = x.shape;
    return kernels().adaptiveAvgPool2d(x, OH, OW);
  }

  readonly backwardReadsInput = false; // the input's shape only (see Module)
  readonly backwardReadsOutput = false;

  backward(dy: Tensor): Tensor {
    const shape = requireSaved('AdaptiveAvgPool2d', this.inputShape);
    checkShape('AdaptiveAvgPool2d', dy, this.outputShape(shape), 'dy');
    return kernels().adaptiveAvgPool2dBackward(dy, shape); // dx += dy / |window|
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): Buffer[] {
    return [];
  }

  toSpec(): LayerSpec {
    const [h, w] = this.outputSize;
    return { type: 'AdaptiveAvgPool2d', outputSize: h === w && h !== null ? h : [h, w] };
  }
}

export const adaptiveAvgPool2dDef: LayerDef<AdaptiveAvgPool2d> = {
  type: 'AdaptiveAvgPool2d',
  options: ['outputSize'],
  fromSpec: (r) => {
    if (!r.has('outputSize')) r.fail("missing 'outputSize'");
    const value = r.spec.outputSize;
    const ok = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1);
    const isSize = typeof value === 'number' ? ok(value) : Array.isArray(value) && value.length === 2 && value.every(ok);
    if (!isSize) r.fail(`'outputSize' must be an integer ≥ 1 or a pair [h, w] of them (null keeps the input's size), got ${preview(value)}`);
    return new AdaptiveAvgPool2d(value as AdaptiveSize);
  },
  /**
   * ONNX has no adaptive pooling: a 1×1 output is GlobalAveragePool; an output that divides the
   * input has equal windows, an AveragePool with kernel = stride = input / output; anything else
   * is refused (docs/interop.md).
   */
  toOnnx(e, layer, path, [x], [shape]) {
    const [H, W] = [shape[2], shape[3]];
    const [OH, OW] = layer.sizeFor(shape);
    if (OH === 1 && OW === 1) return e.node('GlobalAveragePool', `${path}.GlobalAveragePool`, [x]);
    if (H % OH !== 0 || W % OW !== 0) {
      throw new Error(
        `output size ${OH}×${OW} from input ${H}×${W} cannot be exported: ONNX has no adaptive pooling, and ` +
          `an AveragePool needs windows of one size, which only an output size dividing the input gives ` +
          `(${H % OH !== 0 ? `${H} is not a multiple of ${OH}` : `${W} is not a multiple of ${OW}`})`,
      );
    }
    const kernel = [H / OH, W / OW];
    return e.node('AveragePool', `${path}.AveragePool`, [x], { kernel_shape: { ints: kernel }, strides: { ints: kernel } });
  },
};
